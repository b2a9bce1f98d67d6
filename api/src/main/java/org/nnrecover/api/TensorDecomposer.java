package org.nnrecover.api;

import java.util.SplittableRandom;

/**
 * Decomposes a symmetric k x k x k tensor as {@code T ~ sum_i lambda_i u_i (x) u_i (x) u_i} with unit
 * (not necessarily orthogonal) vectors u_i (METHOD.md section 5, step 4).
 *
 * @since 1.0
 */
@FunctionalInterface
public interface TensorDecomposer {

  /**
   * @param tensor the k^3 entries, T[a][b][c] at index {@code (a * k + b) * k + c}; symmetric
   * @param k side length
   * @param rank number of components wanted (at most k)
   * @param random randomness for projections or restarts
   * @param diagnostics where to record what was done
   * @return the components and weights
   */
  Decomposition decompose(double[] tensor, int k, int rank, SplittableRandom random,
      Diagnostics diagnostics);
}
