package org.nnrecover.api;

import java.util.List;

/**
 * Service interface for optimizer plugins; see {@link PluginProvider} for the shape and
 * {@link Optimizer} for the working object's contract.
 *
 * @since 1.0
 */
public interface OptimizerProvider extends PluginProvider<Optimizer> {
  /**
   * The names of the core's stop rules, shared by every optimizer and set as {@code stop.NAME} (or
   * {@code OPTIMIZER.NAME}, the older spelling kept as an alias). An optimizer must not declare a
   * parameter of one of these names: nnrecover refuses such a plugin when it loads it.
   *
   * @since 1.1
   */
  List<String> STOP_RULES = List.of("max-iterations", "max-evaluations", "gradient-tolerance",
      "change-tolerance", "objective-tolerance", "divergence-factor");
}
