package org.nnrecover.initializers.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.numerics.Vectors;

/**
 * Block Krylov against operators whose eigenvectors are known by construction: A = Q diag(lambda)
 * Q^T with a random orthogonal Q, so the top-k eigenvectors by |lambda| are columns of Q.
 */
class BlockKrylovTest {

  /** Column-major d x d orthogonal matrix from the QR of a Gaussian matrix (fixed seed). */
  private static double[] orthogonal(int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] g = new double[d * d];
    for (int i = 0; i < g.length; i++) {
      g[i] = random.nextGaussian();
    }
    return Dense.orthonormalize(g, d, d);
  }

  /** {@code (U, b) -> Q diag(lambda) Q^T U}, counting the products. */
  private static BiFunction<double[], Integer, double[]> operator(double[] q, double[] lambda,
      int[] products) {
    int d = lambda.length;
    return (u, b) -> {
      products[0]++;
      double[] out = new double[d * b];
      for (int c = 0; c < b; c++) {
        for (int e = 0; e < d; e++) {
          double coefficient = lambda[e] * Vectors.dot(q, e * d, u, c * d, d);
          for (int a = 0; a < d; a++) {
            out[c * d + a] += coefficient * q[e * d + a];
          }
        }
      }
      return out;
    };
  }

  /** Sine distance |P - Q Q^T P|_F between the Ritz vectors and the first k columns of q. */
  private static double distanceToTop(double[] ritz, double[] q, int d, int k) {
    double s = 0;
    for (int c = 0; c < k; c++) {
      double[] r = java.util.Arrays.copyOfRange(ritz, c * d, (c + 1) * d);
      for (int e = 0; e < k; e++) {
        double f = Vectors.dot(q, e * d, r, 0, d);
        for (int a = 0; a < d; a++) {
          r[a] -= f * q[e * d + a];
        }
      }
      s += Vectors.dot(r, r);
    }
    return Math.sqrt(s);
  }

  @Test
  void findsTheTopEigenvectorsOfBothSignsWithFewerPassesThanTheGapAlone() {
    // d = 200, k = 4 signal eigenvalues +-3, +-2 above a noise bulk in [-1.5, 1.5]: g = 0.75, so
    // subspace iteration needs about log(1e-8) / log(0.75) = 64 passes to 1e-8 from an
    // uninformed start; the Krylov space, whose rate here is about 0.4 per pass, needs about 25.
    int d = 200;
    int k = 4;
    double[] lambda = new double[d];
    lambda[0] = 3;
    lambda[1] = -3;
    lambda[2] = 2;
    lambda[3] = -2;
    for (int i = 4; i < d; i++) {
      lambda[i] = 1.5 * Math.cos(i * 0.7); // bulk, both signs, |lambda| <= 1.5
    }
    double[] q = orthogonal(d, 3);
    int[] products = {0};
    BlockKrylov.Result result = BlockKrylov.run(operator(q, lambda, products), d, k, 4, 1e-9, 200,
        new SplittableRandom(7));
    assertTrue(result.converged());
    assertEquals(products[0], result.iterations());
    assertTrue(result.iterations() <= 30, "passes " + result.iterations());
    // Converged to the tolerance, so the subspace is exact to about 1e-9 (tolerance 10x looser).
    assertTrue(distanceToTop(result.vectors(), q, d, k) < 1e-8,
        "distance " + distanceToTop(result.vectors(), q, d, k));
    // Ritz values by decreasing absolute value: the signal ones to the bits Rayleigh-Ritz gives
    // on a converged space (~eps |lambda| + distance^2), the (k+1)th at most the bulk's top.
    double[] top = {Math.abs(result.ritzValues()[0]), Math.abs(result.ritzValues()[1]),
        Math.abs(result.ritzValues()[2]), Math.abs(result.ritzValues()[3])};
    assertEquals(3, top[0], 1e-10);
    assertEquals(3, top[1], 1e-10);
    assertEquals(2, top[2], 1e-10);
    assertEquals(2, top[3], 1e-10);
    assertTrue(Math.abs(result.ritzValues()[k]) <= 1.5 + 1e-12);
    assertTrue(result.gapRatio(k) <= 0.75 + 1e-12);
  }

  @Test
  void aSpaceThatFillsTheDimensionIsExact() {
    // d = 12, block min(12, 3 + 8) = 11: the second pass fills R^12 (one column), after which the
    // Ritz pairs are the eigenpairs to rounding, with no tolerance needed.
    int d = 12;
    double[] lambda = {5, -4, 3, 1, 0.9, 0.8, -0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
    double[] q = orthogonal(d, 11);
    int[] products = {0};
    BlockKrylov.Result result = BlockKrylov.run(operator(q, lambda, products), d, 3, 8, 0, 50,
        new SplittableRandom(1));
    assertTrue(result.converged());
    assertEquals(2, result.iterations());
    assertEquals(0, result.movement());
    assertTrue(distanceToTop(result.vectors(), q, d, 3) < 1e-12);
  }

  @Test
  void anInvariantKrylovSpaceStillGivesAnOrthonormalBasisAndTheRightVectors() {
    // A of rank 3 in d = 40: A Q_1 lies in a 3-dimensional space, so the next block is mostly
    // numerically dependent on the basis; the complement must stay orthonormal to it (no
    // spurious Ritz values from an arbitrary QR column), and the top 2 vectors must be exact.
    int d = 40;
    double[] lambda = new double[d];
    lambda[0] = 2;
    lambda[1] = -1.5;
    lambda[2] = 0.5;
    double[] q = orthogonal(d, 5);
    BlockKrylov.Result result = BlockKrylov.run(operator(q, lambda, new int[1]), d, 2, 6, 1e-10, 20,
        new SplittableRandom(2));
    assertTrue(distanceToTop(result.vectors(), q, d, 2) < 1e-10);
    assertEquals(2, Math.abs(result.ritzValues()[0]), 1e-12);
    assertEquals(1.5, Math.abs(result.ritzValues()[1]), 1e-12);
    assertEquals(0.5, Math.abs(result.ritzValues()[2]), 1e-12);
    for (int i = 3; i < result.ritzValues().length; i++) {
      assertTrue(Math.abs(result.ritzValues()[i]) < 1e-12, "ritz " + result.ritzValues()[i]);
    }
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        assertEquals(i == j ? 1 : 0,
            Vectors.dot(result.vectors(), i * d, result.vectors(), j * d, d), 1e-13);
      }
    }
  }

  @Test
  void stopsOnTheEstimatedRemainingError() {
    // movement r / (1 - r) with r = min(g, observed ratio), g = |theta_k+1 / theta_k|:
    // g = 0.5 and no earlier movement: 1e-2 x 0.5 / 0.5.
    assertEquals(1e-2, BlockKrylov.remainingError(1e-2, Double.NaN, new double[] {4, -2, 1}, 1),
        1e-15);
    // observed 1e-2 / 4e-2 = 0.25 < g: 1e-2 x 0.25 / 0.75.
    assertEquals(1e-2 / 3, BlockKrylov.remainingError(1e-2, 4e-2, new double[] {4, -2, 1}, 1),
        1e-15);
    // observed 0.9 > g: g is kept.
    assertEquals(1e-2, BlockKrylov.remainingError(1e-2, 1e-2 / 0.9, new double[] {4, -2, 1}, 1),
        1e-15);
    // no gap: never stop, whatever was observed.
    assertEquals(Double.POSITIVE_INFINITY,
        BlockKrylov.remainingError(1e-9, 1e-3, new double[] {2, -2, 1}, 1));
    assertEquals(Double.POSITIVE_INFINITY,
        BlockKrylov.remainingError(Double.NaN, 1, new double[] {4, 1}, 1));
  }
}
