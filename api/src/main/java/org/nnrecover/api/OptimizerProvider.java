package org.nnrecover.api;

/**
 * Service interface for optimizer plugins; see {@link PluginProvider} for the shape and
 * {@link Optimizer} for the working object's contract.
 *
 * @since 1.0
 */
public interface OptimizerProvider extends PluginProvider<Optimizer> {}
