package org.nnrecover.initializers.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.Decomposition;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.Params;
import org.nnrecover.api.TensorDecomposerProvider;
import org.nnrecover.api.numerics.Vectors;

/** Decomposers on exact tensors sum_i lambda_i u_i^3 with non-orthogonal unit u_i. */
class DecomposerTest {
  private static final int K = 5;

  /** Random Gaussian (hence non-orthogonal) unit vectors and mixed-sign weights. */
  private static double[][] components(SplittableRandom random) {
    double[][] u = new double[K][];
    for (int i = 0; i < K; i++) {
      u[i] = JennrichDecomposerProvider.gaussian(random, K);
      Vectors.normalize(u[i]);
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
        double sign = Vectors.dot(f, 0, u[i], 0, K) < 0 ? -1 : 1;
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
      assertTrue(found.residual() < 1e-10 * Vectors.norm(t));
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

  /** The components {@code u}, each moved by 0.02 per entry and renormalized, weights fitted. */
  private static Decomposition perturbedStart(double[][] u, double[] t, SplittableRandom random) {
    double[][] perturbed = new double[K][];
    for (int i = 0; i < K; i++) {
      perturbed[i] = u[i].clone();
      for (int a = 0; a < K; a++) {
        perturbed[i][a] += 0.02 * random.nextGaussian();
      }
      Vectors.normalize(perturbed[i]);
    }
    double[] weights = SymmetricTensors.fitWeights(t, perturbed, K);
    return new Decomposition(perturbed, weights,
        SymmetricTensors.residual(t, perturbed, weights, K));
  }

  @Test
  void refinementRestoresExactComponentsFromPerturbedStart() {
    SplittableRandom random = new SplittableRandom(7);
    double[][] u = components(random);
    double[] lambda = {1.5, -2, 0.7, 3, -1.1};
    double[] t = SymmetricTensors.compose(u, lambda, K);
    Decomposition start = perturbedStart(u, t, random);
    CpRefinement.Result result = CpRefinement.refine(t, K, start);
    assertTrue(result.accepted(), result.reason());
    assertTrue(result.converged(), "sweep cap reached");
    // The stopping rule (relative residual improving by < 1e-8 per 5 sweeps) leaves ~1e-7.
    double error = recoveryError(u, lambda, result.chosen());
    assertTrue(error < 1e-6, "error " + error);
  }

  @Test
  void refinementSaysWhenItsSweepCapBinds() {
    // The start of refinementRestoresExactComponentsFromPerturbedStart needs more than 5 sweeps:
    // with a cap of 5 the run stops there unconverged, and the result says so.
    SplittableRandom random = new SplittableRandom(7);
    double[][] u = components(random);
    double[] lambda = {1.5, -2, 0.7, 3, -1.1};
    double[] t = SymmetricTensors.compose(u, lambda, K);
    Decomposition start = perturbedStart(u, t, random);
    CpRefinement.Result capped = CpRefinement.refine(t, K, start, 5);
    assertTrue(!capped.converged(), "a cap of 5 sweeps must bind");
    assertTrue(capped.iterations() >= 5, capped.iterations() + " sweeps");
    CpRefinement.Result free = CpRefinement.refine(t, K, start);
    assertTrue(free.converged(), "the default cap must not bind here");
    assertTrue(free.iterations() > 5 && free.iterations() < CpRefinement.MAX_SWEEPS,
        free.iterations() + " sweeps");
  }

  @Test
  void refinementMovesAUnitWhoseWeightIsZero() {
    // The large-k failure: a start with a unit of weight exactly 0. In the former parameterization
    // x_i = cbrt(lambda_i) u_i that unit sat at x_i = 0, where the gradient 3 T(I, x_i, x_i) is 0,
    // so it could never move. The refinement works on directions and must recover it.
    SplittableRandom random = new SplittableRandom(11);
    double[][] u = components(random);
    double[] lambda = {1.5, -2, 0.7, 3, -1.1};
    double[] t = SymmetricTensors.compose(u, lambda, K);
    double[][] start = new double[K][];
    for (int i = 0; i < K; i++) {
      start[i] = u[i].clone();
      for (int a = 0; a < K; a++) {
        start[i][a] += 0.05 * random.nextGaussian();
      }
      Vectors.normalize(start[i]);
    }
    double[] weights = SymmetricTensors.fitWeights(t, start, K);
    weights[2] = 0;
    Decomposition begin = new Decomposition(start, weights,
        SymmetricTensors.residual(t, start, weights, K));
    CpRefinement.Result result = CpRefinement.refine(t, K, begin);
    assertTrue(result.accepted(), result.reason());
    double error = recoveryError(u, lambda, result.chosen());
    assertTrue(error < 1e-6, "error " + error);
  }

  @Test
  void rankOneSeedOfTheRepairIsTheDominantComponent() {
    // The repair re-seeds a weak unit with the best rank-one fit of a residual tensor. For
    // orthogonal components that is the one with the largest |lambda|, exactly.
    double[] e1 = {0, 0, 1, 0, 0};
    double[] e2 = {0, 1, 0, 0, 0};
    double[] t = SymmetricTensors.compose(new double[][] {e1, e2}, new double[] {-3, 0.5}, K);
    double[] u = CpRefinement.rankOne(t, K);
    assertEquals(1, Math.abs(Vectors.dot(u, 0, e1, 0, K)), 1e-12);
  }

  @Test
  void realPartsOfAConjugatePairAreOneDirection() {
    // The mechanism behind the duplicated Jennrich columns: for a real matrix, the eigenvectors of
    // a complex-conjugate eigenvalue pair are conjugates, so their real parts are equal.
    double[] rotation = {0, 1, 0, -1, 0, 0, 0, 0, 2}; // column-major; eigenvalues +-i and 2
    Dense.GeneralEigen eigen = Dense.generalEigen(rotation, 3);
    int first = -1;
    int second = -1;
    for (int i = 0; i < 3; i++) {
      if (eigen.valuesIm()[i] > 0.5) {
        first = i;
      } else if (eigen.valuesIm()[i] < -0.5) {
        second = i;
      }
    }
    assertTrue(first >= 0 && second >= 0, "a conjugate pair");
    double[] re1 = java.util.Arrays.copyOfRange(eigen.vectorsRe(), first * 3, first * 3 + 3);
    double[] re2 = java.util.Arrays.copyOfRange(eigen.vectorsRe(), second * 3, second * 3 + 3);
    double[] im2 = java.util.Arrays.copyOfRange(eigen.vectorsIm(), second * 3, second * 3 + 3);
    Vectors.normalize(re1);
    Vectors.normalize(re2);
    Vectors.normalize(im2);
    assertEquals(1, Math.abs(Vectors.dot(re1, 0, re2, 0, 3)), 1e-12);
    // Re v and Im v are independent: together they span the invariant plane (e_1, e_2).
    assertEquals(0, Math.abs(Vectors.dot(re1, 0, im2, 0, 3)), 1e-12);
    assertEquals(0, re1[2], 1e-12);
    assertEquals(0, im2[2], 1e-12);
  }

  @Test
  void jennrichOnANoisyLargeTensorKeepsEveryUnit() {
    // k = 20 components with weights like squared ReLU's and Gaussian noise of the size that
    // n = 10^5 samples leave: every slice pair has complex eigenvalues (checked below). Before the
    // fix the decomposer duplicated a column there (a weight of exactly 0, condition number
    // infinite); now no two columns coincide and the refinement finds every component.
    int k = 20;
    SplittableRandom random = new SplittableRandom(3);
    double[][] u = new double[k][];
    double[] lambda = new double[k];
    for (int i = 0; i < k; i++) {
      // Correlated like a teacher's directions (|u_i . u_j| up to about 0.5), not orthogonal.
      u[i] = JennrichDecomposerProvider.gaussian(random, k);
      for (int a = 0; a < k; a++) {
        u[i][a] *= 0.25;
      }
      u[i][i] += 1;
      Vectors.normalize(u[i]);
      lambda[i] = (random.nextBoolean() ? 1 : -1) * (1 + random.nextDouble());
    }
    double[] t = SymmetricTensors.compose(u, lambda, k);
    double[] noisy = symmetricNoise(t, k, 0.02, random);
    java.util.Map<String, Object> record = new java.util.HashMap<>();
    Decomposition found = new JennrichDecomposerProvider().create(Params.defaults("jennrich",
        new JennrichDecomposerProvider().parameters())).decompose(noisy, k, k, random,
            record::put);
    assertEquals(20, record.get("complex-pairs"), "every pair complex: " + record);
    double largest = 0;
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        largest = Math.max(largest, Math.abs(Vectors.dot(found.vectors()[i], 0,
            found.vectors()[j], 0, k)));
      }
    }
    assertTrue(largest < 0.99, "two columns nearly coincide: |u_i . u_j| = " + largest);
    CpRefinement.Result refined = CpRefinement.refine(noisy, k, found);
    assertTrue(refined.accepted(), refined.reason() + "; truth's cancellation "
        + SymmetricTensors.cancellation(u, lambda, k));
    // Reference: the same refinement started from the true components reaches the least-squares
    // optimum next to the truth; from Jennrich's output it must reach the same point.
    double[] trueWeights = SymmetricTensors.fitWeights(noisy, u, k);
    Decomposition fromTruth = CpRefinement.refine(noisy, k, new Decomposition(u, trueWeights,
        SymmetricTensors.residual(noisy, u, trueWeights, k))).chosen();
    double worst = 0;
    for (double[] reference : fromTruth.vectors()) {
      double best = 0;
      for (double[] f : refined.chosen().vectors()) {
        best = Math.max(best, Math.abs(Vectors.dot(f, 0, reference, 0, k)));
      }
      worst = Math.max(worst, Math.sqrt(Math.max(0, 2 - 2 * best)));
    }
    assertTrue(worst < 1e-3, "worst direction distance to the optimum next to the truth " + worst);
  }

  /** t plus a symmetric tensor of i.i.d. N(0, sd^2) entries (one draw per distinct entry). */
  private static double[] symmetricNoise(double[] t, int k, double sd, SplittableRandom random) {
    double[] out = t.clone();
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        for (int c = b; c < k; c++) {
          double e = sd * random.nextGaussian();
          int[][] perms = {{a, b, c}, {a, c, b}, {b, a, c}, {b, c, a}, {c, a, b}, {c, b, a}};
          java.util.Set<Integer> seen = new java.util.HashSet<>();
          for (int[] p : perms) {
            int index = (p[0] * k + p[1]) * k + p[2];
            if (seen.add(index)) {
              out[index] += e;
            }
          }
        }
      }
    }
    return out;
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
