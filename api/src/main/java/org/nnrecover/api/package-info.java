/**
 * The nnrecover plugin API: the service interfaces that activations, initializers, optimizers and
 * tensor decomposers implement, and the small value types they exchange with the core.
 *
 * <p>This package depends on the JDK alone, so that a plugin built against it is never tied to the
 * library versions the core uses. Array layouts are fixed throughout: the samples are stored in
 * blocks of {@link org.nnrecover.api.Samples#BLOCK_ROWS} rows, each block's inputs row-major (row r
 * of a {@link org.nnrecover.api.SampleBlock} starts at {@code xOffset() + r * d}), and the weight
 * matrix is stored as k rows of length d (unit i, the vector w_i, starts at {@code i * d}).
 *
 * <p>Every plugin kind has the same shape ({@link org.nnrecover.api.PluginProvider}): a stable
 * kebab-case name, a one-line summary, declared parameters, and a factory from validated parameters
 * to a fresh working object. Providers are found with {@link java.util.ServiceLoader}.
 */
package org.nnrecover.api;
