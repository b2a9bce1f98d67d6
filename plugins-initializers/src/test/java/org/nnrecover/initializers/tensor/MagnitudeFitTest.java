package org.nnrecover.initializers.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnrecover.activations.Tanh;
import org.nnrecover.api.Activation;
import org.nnrecover.api.numerics.Vectors;
import org.nnrecover.core.parallel.BlockExecutor;

/** The magnitude least-squares fit against a noise-free network whose magnitudes are known. */
class MagnitudeFitTest {
  private static final Activation TANH = TestActivations.plugin(new Tanh());

  @Test
  void recoversKnownMagnitudesFromAWrongStart() {
    int k = 4;
    int n = 5000;
    SplittableRandom random = new SplittableRandom(5);
    double[][] u = new double[k][];
    for (int i = 0; i < k; i++) {
      u[i] = JennrichDecomposerProvider.gaussian(random, k);
      Vectors.normalize(u[i]);
    }
    double[] sigma = {0.7, 1.2, 1.9, 3.0};
    double[] s = {1, -1, 1, 1};
    double[] v = {1, 1, -1, -1};
    double[] t = JennrichDecomposerProvider.gaussian(random, n * k);
    double[] y = new double[n];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < k; i++) {
        y[j] += v[i] * Math.tanh(sigma[i] * s[i] * Vectors.dot(u[i], 0, t, j * k, k));
      }
    }
    // A start like the heavy-tailed moment-ratio estimates: one unit 3x too large.
    double[] start = {0.9, 1.0, 1.5, 9.0};
    try (BlockExecutor executor = new BlockExecutor(2)) {
      MagnitudeFit.Result fit = MagnitudeFit.fit(TANH, t, y, u, s, v, start, 0.02, 50, executor);
      for (int i = 0; i < k; i++) {
        assertEquals(sigma[i], fit.sigma()[i], 1e-6, "unit " + i);
      }
      assertTrue(fit.after() < 1e-12 && fit.before() > 0.01, fit.before() + " -> " + fit.after());
    }
  }
}
