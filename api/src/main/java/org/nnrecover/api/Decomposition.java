package org.nnrecover.api;

/**
 * Result of a symmetric CP decomposition: {@code T ~ sum_i weights[i] u_i^{(x)3}}.
 *
 * @param vectors rank x k, row i is the unit vector u_i
 * @param weights lambda_i
 * @param residual Frobenius norm of T - sum_i lambda_i u_i^{(x)3}
 * @since 1.0
 */
public record Decomposition(double[][] vectors, double[] weights, double residual) {

  /** Checks that there is one weight per vector. */
  public Decomposition {
    if (vectors.length != weights.length) {
      throw new IllegalArgumentException(vectors.length + " vectors but " + weights.length
          + " weights");
    }
  }
}
