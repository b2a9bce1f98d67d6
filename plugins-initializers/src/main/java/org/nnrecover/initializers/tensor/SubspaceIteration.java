package org.nnrecover.initializers.tensor;

import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.nnrecover.api.numerics.Vectors;

/**
 * Top-k eigenvectors (by absolute eigenvalue) of a symmetric d x d operator known only through
 * products with d x b blocks: block subspace iteration with oversampling (b = k + p), a QR
 * re-orthonormalization each step, and Rayleigh-Ritz on the final block (power iteration alone
 * cannot separate lambda from -lambda; Rayleigh-Ritz can). METHOD.md section 5, step 2.
 */
public final class SubspaceIteration {
  private SubspaceIteration() {}

  /**
   * @param vectors d x k column-major, orthonormal Ritz vectors, by decreasing |Ritz value|
   * @param ritzValues all b Ritz values of the last block, by decreasing absolute value
   * @param iterations number of operator products
   * @param movement {@code |V_k - V_prev V_prev^T V_k|_F} at the last step (sine of the principal
   *     angles between the last two Ritz subspaces)
   * @param converged whether the estimated remaining error fell below the tolerance before the cap
   */
  public record Result(double[] vectors, double[] ritzValues, int iterations, double movement,
      boolean converged) {

    /** {@code |theta_{k+1}| / |theta_k|}, or NaN when the block had no oversampling. */
    public double gapRatio(int k) {
      return ritzValues.length > k ? Math.abs(ritzValues[k]) / Math.abs(ritzValues[k - 1])
          : Double.NaN;
    }
  }

  /**
   * @param operator {@code (U, b) -> A U} for a d x b column-major block
   * @param d dimension
   * @param k wanted eigenpairs
   * @param oversampling extra columns p (the block has min(d, k + p) columns)
   * @param tolerance stop when the estimated distance to the converged subspace,
   *     {@link #remainingError}, is below this
   * @param maxIterations cap on products
   * @param random the start block's randomness
   */
  public static Result run(BiFunction<double[], Integer, double[]> operator, int d, int k,
      int oversampling, double tolerance, int maxIterations, SplittableRandom random) {
    int b = Math.min(d, k + oversampling);
    double[] u = new double[d * b];
    for (int i = 0; i < u.length; i++) {
      u[i] = random.nextGaussian();
    }
    u = Dense.orthonormalize(u, d, b);
    double[] previous = null;
    double movement = Double.NaN;
    for (int iteration = 1; ; iteration++) {
      double[] y = operator.apply(u, b);
      double[] h = new double[b * b];
      for (int i = 0; i < b; i++) {
        for (int j = 0; j < b; j++) {
          h[j * b + i] = Vectors.dot(u, i * d, y, j * d, d);
        }
      }
      Dense.SymmetricEigen eigen = Dense.symmetricEigen(h, b);
      double[] ritz = multiply(u, d, b, eigen.vectors(), k);
      if (previous != null) {
        movement = distance(previous, ritz, d, k);
      }
      boolean converged = remainingError(movement, eigen.values(), k) < tolerance;
      if (converged || iteration >= maxIterations) {
        return new Result(ritz, eigen.values(), iteration, movement, converged);
      }
      previous = ritz;
      u = Dense.orthonormalize(y, d, b);
    }
  }

  /**
   * Estimated distance from the current Ritz subspace to the converged one: each iteration shrinks
   * the error by at most g = |theta_k+1| / |theta_k|, so the movements still to come sum to about
   * {@code movement g / (1 - g)} (infinite when g >= 1: no gap, keep iterating). The initializer
   * needs the subspace to about 1e-2 (its statistical error at the sizes it is used at is larger),
   * so stopping on this rather than on a 1e-6 movement saves half the passes at equal accuracy.
   */
  static double remainingError(double movement, double[] ritzValues, int k) {
    if (!(movement >= 0)) {
      return Double.POSITIVE_INFINITY;
    }
    if (ritzValues.length <= k) {
      return movement; // no oversampling: no gap estimate
    }
    double g = Math.abs(ritzValues[k]) / Math.abs(ritzValues[k - 1]);
    return g < 1 ? movement * g / (1 - g) : Double.POSITIVE_INFINITY;
  }

  /** The first {@code cols} columns of the d x b matrix u times the b x b matrix z. */
  private static double[] multiply(double[] u, int d, int b, double[] z, int cols) {
    double[] out = new double[d * cols];
    for (int c = 0; c < cols; c++) {
      for (int l = 0; l < b; l++) {
        double f = z[c * b + l];
        for (int a = 0; a < d; a++) {
          out[c * d + a] += f * u[l * d + a];
        }
      }
    }
    return out;
  }

  /** {@code |Q - P P^T Q|_F} for d x k orthonormal P, Q. */
  private static double distance(double[] p, double[] q, int d, int k) {
    double[] ptq = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        ptq[j * k + i] = Vectors.dot(p, i * d, q, j * d, d);
      }
    }
    double s = 0;
    for (int c = 0; c < k; c++) {
      for (int a = 0; a < d; a++) {
        double r = q[c * d + a];
        for (int i = 0; i < k; i++) {
          r -= p[i * d + a] * ptq[c * k + i];
        }
        s += r * r;
      }
    }
    return Math.sqrt(s);
  }
}
