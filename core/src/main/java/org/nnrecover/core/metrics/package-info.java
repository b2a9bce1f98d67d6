/**
 * Recovery metrics between a ground-truth network (W*, v*) and an estimate (W, v), as defined in
 * METHOD.md section 8: hidden units are recovered only up to a permutation, so every error is
 * minimized over permutations (exhaustively for small k, by bottleneck assignment for the min-max
 * errors and by the Hungarian algorithm for the Frobenius error beyond), and the optimal
 * permutation is reported with the error.
 */
package org.nnrecover.core.metrics;
