/**
 * The nnrecover plugin API: the service interfaces that activations, initializers, optimizers and
 * tensor decomposers implement, and the small value types they exchange with the core.
 *
 * <p>This package depends on the JDK alone, so that a plugin built against it is never tied to the
 * library versions the core uses. Array layouts are fixed throughout: the sample matrix X is n x d
 * row-major (sample j starts at {@code j * d}) and the weight matrix is stored as k rows of length d
 * (unit i, the vector w_i, starts at {@code i * d}).
 *
 * <p>Every plugin kind has the same shape ({@link org.nnrecover.api.PluginProvider}): a stable
 * kebab-case name, a one-line summary, declared parameters, and a factory from validated parameters
 * to a fresh working object. Providers are found with {@link java.util.ServiceLoader}.
 */
package org.nnrecover.api;
