package org.nnrecover.api;

/**
 * Service interface for tensor-decomposer plugins; see {@link PluginProvider} for the shape and
 * {@link TensorDecomposer} for the working object's contract.
 *
 * @since 1.0
 */
public interface TensorDecomposerProvider extends PluginProvider<TensorDecomposer> {}
