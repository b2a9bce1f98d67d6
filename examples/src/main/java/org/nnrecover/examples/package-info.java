/**
 * Runnable examples and benchmarks that use nnrecover as a library (not part of the tool itself).
 */
package org.nnrecover.examples;
