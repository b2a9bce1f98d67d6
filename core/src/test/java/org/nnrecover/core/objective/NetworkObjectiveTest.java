package org.nnrecover.core.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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

class NetworkObjectiveTest {

  static Stream<ActivationProvider> activations() {
    return ServiceLoader.load(ActivationProvider.class).stream().map(ServiceLoader.Provider::get);
  }

  private static Activation create(ActivationProvider provider) {
    return provider.create(Params.defaults(provider.name(), provider.parameters()));
  }

  /**
   * The analytic gradient (W and v) against central differences, for every activation, at a random
   * point away from the truth (so the residual is not zero and both Hessian terms matter). With
   * h = 1e-6 the truncation error is O(h^2 |f'''|) ~ 1e-12 and the rounding error ~ eps f / h
   * ~ 1e-10 f, so 1e-6 relative to the gradient norm is a safe bound; a kink crossed by a sample
   * between x - h and x + h changes f by O(h^2) per sample, below that bound too.
   */
  @ParameterizedTest
  @MethodSource("activations")
  void gradientMatchesFiniteDifferences(ActivationProvider provider) {
    Activation activation = create(provider);
    int d = 6;
    int k = 3;
    Network truth = Teachers.make(TeacherKind.RANDOM, d, k, 2, Seeds.stream(7, "teacher"));
    Samples samples = SampleGenerator.generate(truth, activation, 500, 0.1, 7);
    try (BlockExecutor executor = new BlockExecutor(1)) {
      NetworkObjective objective =
          new NetworkObjective(samples, activation, k, null, true, 1, executor);
      SplittableRandom random = new SplittableRandom(3);
      double[] point = new double[objective.dimension()];
      for (int i = 0; i < point.length; i++) {
        point[i] = 0.7 * random.nextGaussian();
      }
      double[] gradient = new double[point.length];
      double value = objective.evaluate(point, gradient);
      assertEquals(value, objective.value(point), 0, "value() must equal evaluate()");
      double h = 1e-6;
      double gradientNorm = 0;
      for (double g : gradient) {
        gradientNorm += g * g;
      }
      gradientNorm = Math.sqrt(gradientNorm);
      for (int i = 0; i < point.length; i++) {
        double[] plus = point.clone();
        double[] minus = point.clone();
        plus[i] += h;
        minus[i] -= h;
        double numeric = (objective.value(plus) - objective.value(minus)) / (2 * h);
        assertEquals(numeric, gradient[i], 1e-6 * Math.max(1, gradientNorm),
            provider.name() + " gradient entry " + i);
      }
    }
  }

  /** The loss is the closed-form 1/(2n) sum r^2, and zero at the noise-free truth. */
  @Test
  void lossIsZeroAtTheTruthAndMatchesDirectSum() {
    Activation square = new Activation() {
      @Override public double value(double z) {
        return z > 0 ? z * z : 0;
      }
      @Override public double derivative(double z) {
        return z > 0 ? 2 * z : 0;
      }
      @Override public double secondDerivative(double z) {
        return z > 0 ? 2 : 0;
      }
    };
    int d = 5;
    int k = 2;
    Network truth = Teachers.make(TeacherKind.RANDOM, d, k, 2, Seeds.stream(1, "teacher"));
    Samples samples = SampleGenerator.generate(truth, square, 5000, 0, 1);
    try (BlockExecutor executor = new BlockExecutor(2)) {
      NetworkObjective objective = new NetworkObjective(samples, square, k,
          truth.outputWeights(), false, 1, executor);
      assertEquals(0, objective.value(truth.weights()), 0);
      double[] other = truth.weights();
      other[0] += 0.5;
      Network moved = new Network(other, truth.outputWeights(), d);
      double[] predictions = SampleGenerator.labels(moved, square, samples.x(), samples.n());
      double direct = 0;
      for (int j = 0; j < samples.n(); j++) {
        double r = predictions[j] - samples.y()[j];
        direct += r * r;
      }
      direct /= 2.0 * samples.n();
      // Same terms, different summation order: agreement to a few ulps of the sum.
      assertEquals(direct, objective.value(other), 1e-13 * direct);
    }
  }

  /**
   * Blocks are fixed by n and combined in block order, so 1, 2 and 3 threads agree bit for bit:
   * below BlockExecutor.INLINE_WORK (n d k = 6.2 10^4, 3 blocks on the calling thread) and above
   * it, at the paper's size (n d k = 5 10^5) and at n d k = 2.9 10^6 (blocks on the pool too).
   */
  @Test
  void resultsAreBitIdenticalForAnyThreadCount() {
    Activation relu = activations().filter(p -> p.name().equals("relu")).map(
        NetworkObjectiveTest::create).findFirst().orElseThrow();
    for (int[] shape : new int[][] {{5, 3, 4100}, {10, 5, 10000}, {20, 16, 9000}}) {
      int d = shape[0];
      int k = shape[1];
      Network truth = Teachers.make(TeacherKind.RANDOM, d, k, 2, Seeds.stream(2, "teacher"));
      Samples samples = SampleGenerator.generate(truth, relu, shape[2], 0.05, 2);
      double[] point = java.util.Arrays.copyOf(truth.weights(), k * d + k);
      point[3] += 0.1;
      System.arraycopy(truth.outputWeights(), 0, point, k * d, k);
      double[] g1 = new double[k * d + k];
      double f1;
      try (BlockExecutor one = new BlockExecutor(1)) {
        f1 = new NetworkObjective(samples, relu, k, null, true, 1, one).evaluate(point, g1);
      }
      for (int threads : new int[] {2, 3}) {
        double[] g = new double[k * d + k];
        double f;
        try (BlockExecutor executor = new BlockExecutor(threads)) {
          f = new NetworkObjective(samples, relu, k, null, true, 1, executor).evaluate(point, g);
        }
        assertEquals(Double.doubleToLongBits(f1), Double.doubleToLongBits(f), "d = " + d);
        assertArrayEquals(g1, g, 0, "d = " + d + ", " + threads + " threads");
      }
    }
  }

  /** Resampling: batch t covers samples [t n / T, (t+1) n / T), and the batches are disjoint. */
  @Test
  void batchesPartitionTheSamples() {
    Activation linear = new Activation() {
      @Override public double value(double z) {
        return z;
      }
      @Override public double derivative(double z) {
        return 1;
      }
      @Override public double secondDerivative(double z) {
        return 0;
      }
    };
    // d = 1, k = 1, w = 0: f = (1/2|B|) sum_{j in B} y_j^2 with y_j = j, so each batch's value is
    // known in closed form.
    int n = 10;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int j = 0; j < n; j++) {
      y[j] = j;
    }
    Samples samples = new Samples(x, y, 1);
    try (BlockExecutor executor = new BlockExecutor(1)) {
      NetworkObjective objective =
          new NetworkObjective(samples, linear, 1, new double[] {1}, false, 3, executor);
      double[][] expected = {{0, 1, 2}, {3, 4, 5}, {6, 7, 8, 9}};
      for (int t = 0; t < 3; t++) {
        objective.useBatch(t + 3); // batch index wraps around
        double sum = 0;
        for (double v : expected[t]) {
          sum += v * v;
        }
        assertEquals(sum / (2 * expected[t].length), objective.value(new double[] {0}), 1e-12);
      }
    }
  }
}
