package org.nnrecover.api;

/**
 * Service interface for activation plugins; see {@link PluginProvider} for the shape and
 * {@link Activation} for the working object's contract.
 *
 * @since 1.0
 */
public interface ActivationProvider extends PluginProvider<Activation> {}
