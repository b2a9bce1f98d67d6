/**
 * Runnable benchmarks and examples built on the core. Each class has a {@code main}; run them from
 * the examples jar (see BENCHMARKS.md).
 */
package org.nnrecover.examples;
