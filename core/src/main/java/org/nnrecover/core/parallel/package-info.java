/**
 * Deterministic data parallelism: work is cut into blocks fixed by the problem size, never by the
 * thread count, and partial results are combined in block order, so sums are bit-identical for any
 * number of threads.
 */
package org.nnrecover.core.parallel;
