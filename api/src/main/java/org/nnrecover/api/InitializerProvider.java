package org.nnrecover.api;

/**
 * Service interface for initializer plugins; see {@link PluginProvider} for the shape and
 * {@link Initializer} for the working object's contract.
 *
 * @since 1.0
 */
public interface InitializerProvider extends PluginProvider<Initializer> {}
