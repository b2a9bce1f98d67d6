package org.nnrecover.initializers.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.Decomposition;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.Params;
import org.nnrecover.api.TensorDecomposerProvider;

/** Decomposers on exact tensors sum_i lambda_i u_i^3 with non-orthogonal unit u_i. */
class DecomposerTest {
  private static final int K = 5;

  /** Random Gaussian (hence non-orthogonal) unit vectors and mixed-sign weights. */
  private static double[][] components(SplittableRandom random) {
    double[][] u = new double[K][];
    for (int i = 0; i < K; i++) {
      u[i] = JennrichDecomposerProvider.gaussian(random, K);
      SymmetricTensors.normalize(u[i]);
    }
    return u;
  }

  /**
   * Max over true components of the distance to the matching recovered one (sign-aligned, the
   * sign moved into the weight), and the matching weight's relative error.
   */
  private static double recoveryError(double[][] u, double[] lambda, Decomposition found) {
    double worst = 0;
    for (int i = 0; i < u.length; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < found.vectors().length; j++) {
        double[] f = found.vectors()[j];
        double sign = Moments.dot(f, 0, u[i], 0, K) < 0 ? -1 : 1;
        double dist = 0;
        for (int a = 0; a < K; a++) {
          dist += Math.pow(u[i][a] - sign * f[a], 2);
        }
        double weightError = Math.abs(lambda[i] - sign * found.weights()[j]) / Math.abs(lambda[i]);
        best = Math.min(best, Math.max(Math.sqrt(dist), weightError));
      }
      worst = Math.max(worst, best);
    }
    return worst;
  }

  private static Decomposition run(TensorDecomposerProvider provider, double[] tensor, long seed) {
    return provider.create(Params.defaults(provider.name(), provider.parameters()))
        .decompose(tensor, K, K, new SplittableRandom(seed), Diagnostics.none());
  }

  @Test
  void jennrichRecoversExactNonOrthogonalComponents() {
    for (long seed = 1; seed <= 5; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      double[][] u = components(random);
      double[] lambda = {1.5, -2, 0.7, 3, -1.1};
      double[] t = SymmetricTensors.compose(u, lambda, K);
      Decomposition found = run(new JennrichDecomposerProvider(), t, seed);
      // Exact input: only rounding error, amplified by the eigenvector conditioning.
      assertTrue(recoveryError(u, lambda, found) < 1e-8, "seed " + seed);
      assertTrue(found.residual() < 1e-10 * SymmetricTensors.norm(t));
    }
  }

  @Test
  void alsRecoversExactNonOrthogonalComponents() {
    for (long seed = 1; seed <= 1; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      double[][] u = components(random);
      double[] lambda = {1.5, -2, 0.7, 3, -1.1};
      double[] t = SymmetricTensors.compose(u, lambda, K);
      Decomposition found = run(new AlsDecomposerProvider(), t, seed);
      // ALS converges linearly; with up to 5000 sweeps and 10 starts the best start is exact to 1e-8.
      assertTrue(recoveryError(u, lambda, found) < 1e-8, "seed " + seed + ": "
          + recoveryError(u, lambda, found));
    }
  }

  @Test
  void refinementRestoresExactComponentsFromPerturbedStart() {
    SplittableRandom random = new SplittableRandom(7);
    double[][] u = components(random);
    double[] lambda = {1.5, -2, 0.7, 3, -1.1};
    double[] t = SymmetricTensors.compose(u, lambda, K);
    double[][] perturbed = new double[K][];
    for (int i = 0; i < K; i++) {
      perturbed[i] = u[i].clone();
      for (int a = 0; a < K; a++) {
        perturbed[i][a] += 0.02 * random.nextGaussian();
      }
      SymmetricTensors.normalize(perturbed[i]);
    }
    double[] weights = SymmetricTensors.fitWeights(t, perturbed, K);
    Decomposition start = new Decomposition(perturbed, weights,
        SymmetricTensors.residual(t, perturbed, weights, K));
    CpRefinement.Result result = CpRefinement.refine(t, K, start);
    assertTrue(result.accepted(), result.reason());
    assertTrue(recoveryError(u, lambda, result.chosen()) < 1e-8);
  }

  @Test
  void refinementRejectsDegenerateCancellingSolution() {
    // Guard check with hand-made numbers: two nearly equal components with huge opposite weights
    // model a small tensor with a cancellation ratio far above 3, so they are never accepted.
    double[] u1 = {1, 0, 0, 0, 0};
    double[] u2 = {Math.cos(1e-3), Math.sin(1e-3), 0, 0, 0};
    double ratio = SymmetricTensors.cancellation(new double[][] {u1, u2}, new double[] {1e3, -1e3},
        K);
    assertTrue(ratio > 100, "cancellation ratio " + ratio);
    assertEquals(1, SymmetricTensors.cancellation(new double[][] {u1}, new double[] {-2}, K),
        1e-15);
  }
}
