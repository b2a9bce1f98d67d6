/**
 * Runnable benchmarks and examples that use nnrecover as a library. Each class has a
 * {@code main}; run them from the examples jar (see BENCHMARKS.md).
 */
package org.nnrecover.examples;
