package org.nnrecover.core.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.Network;
import org.nnrecover.api.Params;
import org.nnrecover.api.Samples;
import org.nnrecover.core.data.SampleGenerator;
import org.nnrecover.core.data.Seeds;
import org.nnrecover.core.data.TeacherKind;
import org.nnrecover.core.data.Teachers;
import org.nnrecover.core.parallel.BlockExecutor;

/**
 * The Gauss-Newton product against a brute-force Jacobian: J is built column by column from
 * central differences of the residual vector r(x) (computed directly from its definition), then
 * {@code (1/n) J^T (J u)} is formed explicitly; and {@code (1/n) J^T r} of that J must equal the
 * objective's gradient.
 */
class NetworkJacobianTest {
  private static final int D = 5;
  private static final int K = 3;

  private static Activation activation(String name) {
    ActivationProvider provider = NetworkObjectiveTest.activations()
        .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    return provider.create(Params.defaults(provider.name(), provider.parameters()));
  }

  /** r_j = sum_i v_i phi(w_i . x_j) - y_j, v from the point when trained. */
  private static double[] residuals(Samples s, Activation phi, double[] point, double[] fixedV,
      boolean trainV) {
    double[] r = new double[s.n()];
    for (int j = 0; j < s.n(); j++) {
      double prediction = 0;
      for (int i = 0; i < K; i++) {
        double z = 0;
        for (int a = 0; a < D; a++) {
          z += point[i * D + a] * s.x()[j * D + a];
        }
        prediction += (trainV ? point[K * D + i] : fixedV[i]) * phi.value(z);
      }
      r[j] = prediction - s.y()[j];
    }
    return r;
  }

  /**
   * Central differences with h = 1e-6: truncation O(h^2 phi''') ~ 1e-12, rounding ~ eps |r| / h ~
   * 1e-10, so entries of J are right to ~1e-9 (samples whose pre-activation crosses a kink within
   * +-h have a one-sided error; with 3000 samples and h = 1e-6 that is unlikely and bounded by the
   * 1e-6 tolerance below).
   */
  @ParameterizedTest
  @CsvSource({"squared-relu, false", "squared-relu, true", "tanh, true", "relu, false"})
  void productMatchesTheBruteForceJacobian(String name, boolean trainV) {
    Activation phi = activation(name);
    Network truth = Teachers.make(TeacherKind.RANDOM, D, K, 2, Seeds.stream(5, "teacher"));
    // n = 3000 > one block of 2048: the block combine is exercised
    Samples samples = SampleGenerator.generate(truth, phi, 3000, 0.1, 5);
    SplittableRandom random = new SplittableRandom(9);
    int dim = trainV ? K * D + K : K * D;
    double[] point = new double[dim];
    double[] u = new double[dim];
    for (int i = 0; i < dim; i++) {
      point[i] = 0.6 * random.nextGaussian();
      u[i] = random.nextGaussian();
    }
    double[] fixedV = {1, -1, 1};
    int n = samples.n();
    double[][] jacobian = new double[dim][];
    double h = 1e-6;
    for (int c = 0; c < dim; c++) {
      double[] plus = point.clone();
      double[] minus = point.clone();
      plus[c] += h;
      minus[c] -= h;
      double[] rp = residuals(samples, phi, plus, fixedV, trainV);
      double[] rm = residuals(samples, phi, minus, fixedV, trainV);
      jacobian[c] = new double[n];
      for (int j = 0; j < n; j++) {
        jacobian[c][j] = (rp[j] - rm[j]) / (2 * h);
      }
    }
    double[] ju = new double[n];
    for (int c = 0; c < dim; c++) {
      for (int j = 0; j < n; j++) {
        ju[j] += jacobian[c][j] * u[c];
      }
    }
    double[] r = residuals(samples, phi, point, fixedV, trainV);
    double[] expected = new double[dim];
    double[] expectedGradient = new double[dim];
    for (int c = 0; c < dim; c++) {
      for (int j = 0; j < n; j++) {
        expected[c] += jacobian[c][j] * ju[j] / n;
        expectedGradient[c] += jacobian[c][j] * r[j] / n;
      }
    }
    try (BlockExecutor one = new BlockExecutor(1); BlockExecutor two = new BlockExecutor(2)) {
      double[] product = new double[dim];
      new NetworkJacobian(samples, phi, K, fixedV, trainV, one)
          .gaussNewtonProduct(point, u, product);
      assertClose(expected, product, "J^T J u / n");
      double[] again = new double[dim];
      new NetworkJacobian(samples, phi, K, fixedV, trainV, two)
          .gaussNewtonProduct(point, u, again);
      assertArrayEquals(product, again, "bit-identical for 1 and 2 threads");
      double[] gradient = new double[dim];
      new NetworkObjective(samples, phi, K, fixedV, trainV, 1, one).evaluate(point, gradient);
      assertClose(expectedGradient, gradient, "J^T r / n");
    }
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    double scale = 0;
    double error = 0;
    for (int i = 0; i < expected.length; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      error = Math.max(error, Math.abs(expected[i] - actual[i]));
    }
    assertTrue(error <= 1e-6 * scale, what + ": max error " + error + " for max entry " + scale);
  }
}
