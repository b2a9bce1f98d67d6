package org.nnrecover.optimizers;

import java.util.Map;
import org.nnrecover.api.Optimizer;
import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.api.Params;

/** Makes optimizers the way the core does: from a provider and user-written parameter text. */
final class Optimizers {
  private Optimizers() {}

  static Optimizer create(OptimizerProvider provider, Map<String, String> given) {
    return provider.create(Params.resolve(provider.name(), provider.parameters(), given));
  }

  static Optimizer gd(double step) {
    return create(new GradientDescentProvider(), Map.of("step", Double.toString(step)));
  }

  static Optimizer nesterov(Map<String, String> given) {
    return create(new NesterovProvider(), given);
  }

  static Optimizer lineSearch(Map<String, String> given) {
    return create(new LineSearchProvider(), given);
  }
}
