package org.nnrecover.core.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class FusedKernelTest {
  /**
   * (d, k, rows): d and k off every vector width, k = 1, d = 1, and rows that end inside a tile
   * (tiles are 256 rows for d <= 64, 124 at d = 130, 232 at d = 70) and inside a register tile.
   * With 512-bit vectors: one vector of units with 16-sample tiles whose last one overlaps (9, 3,
   * 45: 45 rows), 8-sample tiles with an overlapping last one (22, 40, 269: the last tile has 13
   * rows) over 3 + 2 vectors, 8-column backward tiles with an overlapping last one (d = 9, 13) and
   * 4-column ones (d = 22, 33: more than 2 vectors of units).
   */
  private static final int[][] SHAPES = {
      {1, 1, 37}, {1, 6, 300}, {7, 1, 513}, {3, 2, 1}, {10, 5, 1030}, {13, 9, 515},
      {5, 4, 7}, {33, 17, 301}, {130, 3, 250}, {70, 12, 700}, {9, 3, 45}, {22, 40, 269}};

  static Stream<ActivationProvider> activations() {
    return ServiceLoader.load(ActivationProvider.class).stream().map(ServiceLoader.Provider::get);
  }

  private static Activation create(ActivationProvider provider) {
    return provider.create(Params.defaults(provider.name(), provider.parameters()));
  }

  private static double[] gaussian(SplittableRandom random, int length, double scale) {
    double[] a = new double[length];
    for (int i = 0; i < length; i++) {
      a[i] = scale * random.nextGaussian();
    }
    return a;
  }

  private static double maxAbs(double[] a, int from, int to) {
    double m = 0;
    for (int i = from; i < to; i++) {
      m = Math.max(m, Math.abs(a[i]));
    }
    return m;
  }

  /**
   * The fused kernel against the plain reference on random shapes, both gradient modes and both v
   * modes, for every activation, on a slice that starts inside its arrays. The two sum the same
   * terms in different orders (FMA chains over the columns against four partial sums; gradient
   * sums grouped by tile against one running sum; the bulk activation against the scalar methods,
   * equal or within a few ulps), so they differ by rounding only: about (terms per sum) x eps x
   * (sum of |terms|), below 2048 x 1.1e-16 x 30 = 7e-12 of the largest entry here. 1e-10 of the
   * largest entry (and of the loss) leaves room and still catches any wrong index, sign or term,
   * which moves an entry by O(1) relative.
   */
  @ParameterizedTest
  @MethodSource("activations")
  void matchesTheReferenceKernel(ActivationProvider provider) {
    Activation activation = create(provider);
    SplittableRandom random = new SplittableRandom(11);
    for (int[] shape : SHAPES) {
      int d = shape[0];
      int k = shape[1];
      int rows = shape[2];
      int offset = 3;
      double[] x = gaussian(random, (rows + offset + 2) * d, 1);
      double[] y = gaussian(random, rows + offset + 2, 1);
      double[] w = gaussian(random, k * d, 1 / Math.sqrt(d));
      double[] v = gaussian(random, k, 1);
      FusedKernel.Scratch scratch = new FusedKernel.Scratch(d, k);
      for (boolean trainV : new boolean[] {true, false}) {
        for (boolean wantGradient : new boolean[] {true, false}) {
          int width = k * d + k + 1;
          double[] expected = new double[width];
          double[] actual = new double[width];
          ReferenceKernel.accumulate(x, offset * d, y, offset, rows, d, k, w, v, trainV,
              wantGradient, activation, expected);
          FusedKernel.accumulate(x, offset * d, y, offset, rows, d, k, w, v, trainV,
              wantGradient, activation, actual, scratch);
          String where = provider.name() + " d=" + d + " k=" + k + " rows=" + rows + " trainV="
              + trainV + " gradient=" + wantGradient;
          assertEquals(expected[width - 1], actual[width - 1], 1e-10 * expected[width - 1],
              where + ": loss");
          double scale = Math.max(maxAbs(expected, 0, width - 1), Double.MIN_NORMAL);
          for (int i = 0; i < width - 1; i++) {
            assertEquals(expected[i], actual[i], 1e-10 * scale, where + ": entry " + i);
          }
          if (!wantGradient || !trainV) {
            assertEquals(0, maxAbs(actual, wantGradient ? k * d : 0, width - 1), where
                + ": entries that were not asked for stay zero");
          }
        }
      }
    }
  }

  /** The kernel adds to the accumulator (the caller combines blocks), it does not overwrite it. */
  @Test
  void addsToTheAccumulator() {
    SplittableRandom random = new SplittableRandom(5);
    int d = 9;
    int k = 3;
    int rows = 100;
    double[] x = gaussian(random, rows * d, 1);
    double[] y = gaussian(random, rows, 1);
    double[] w = gaussian(random, k * d, 0.3);
    double[] v = gaussian(random, k, 1);
    Activation tanh = activations().filter(p -> p.name().equals("tanh"))
        .map(FusedKernelTest::create).findFirst().orElseThrow();
    FusedKernel.Scratch scratch = new FusedKernel.Scratch(d, k);
    double[] once = new double[k * d + k + 1];
    FusedKernel.accumulate(x, 0, y, 0, rows, d, k, w, v, true, true, tanh, once, scratch);
    double[] twice = once.clone();
    FusedKernel.accumulate(x, 0, y, 0, rows, d, k, w, v, true, true, tanh, twice, scratch);
    for (int i = 0; i < once.length; i++) {
      assertEquals(2 * once[i], twice[i], 0, "entry " + i);
    }
  }

  /**
   * The SIMD tiles and their scalar twin give the same bits (the guarantee that results do not
   * depend on whether the Vector API module is loaded), on shapes that exercise every register
   * tile and remainder path.
   */
  @Test
  void simdAndScalarTilesAreBitIdentical() {
    assertTrue(FusedKernel.simd(), "tests run with --add-modules jdk.incubator.vector");
    SplittableRandom random = new SplittableRandom(8);
    Tiles simd = new VectorTiles();
    Tiles scalar = new ScalarTiles();
    for (int d : new int[] {1, 3, 4, 6, 11, 13, 21}) {
      for (int vectors : new int[] {1, 2, 3, 4, 5, 7}) {
        int kp = vectors * simd.lanes();
        for (int rows : new int[] {1, 4, 7, 13, 22}) {
          double[] x = gaussian(random, (rows + 1) * d, 1);
          double[] wt = gaussian(random, d * kp, 1);
          double[] zSimd = new double[rows * kp];
          double[] zScalar = new double[rows * kp];
          simd.forward(x, d, rows, d, kp, wt, zSimd);
          scalar.forward(x, d, rows, d, kp, wt, zScalar);
          assertArrayEquals(zScalar, zSimd, 0, "forward d=" + d + " kp=" + kp + " rows=" + rows);
          double[] coef = gaussian(random, rows * kp, 1);
          double[] gSimd = gaussian(random, d * kp, 1);
          double[] gScalar = gSimd.clone();
          simd.backward(x, d, rows, d, kp, coef, gSimd);
          scalar.backward(x, d, rows, d, kp, coef, gScalar);
          assertArrayEquals(gScalar, gSimd, 0, "backward d=" + d + " kp=" + kp + " rows=" + rows);
        }
      }
    }
  }

  /**
   * The residuals and coefficients of a tile, SIMD and scalar, give the same bits, for one vector
   * of units (the SIMD path that loads v once) and several, with and without coefficients.
   */
  @Test
  void simdAndScalarResidualsAreBitIdentical() {
    SplittableRandom random = new SplittableRandom(9);
    Tiles simd = new VectorTiles();
    Tiles scalar = new ScalarTiles();
    for (int k : new int[] {1, 3, 5, 8, 9, 17}) {
      int kp = simd.padded(k);
      for (int rows : new int[] {1, 7, 256}) {
        double[] phi = gaussian(random, rows * kp, 1);
        double[] dphi = gaussian(random, rows * kp, 1);
        double[] y = gaussian(random, rows + 3, 1);
        double[] v = new double[kp];
        System.arraycopy(gaussian(random, k, 1), 0, v, 0, k);
        String where = "k=" + k + " rows=" + rows;
        for (boolean withCoef : new boolean[] {true, false}) {
          double[] resSimd = new double[rows];
          double[] resScalar = new double[rows];
          double[] coefSimd = withCoef ? new double[rows * kp] : null;
          double[] coefScalar = withCoef ? new double[rows * kp] : null;
          double lossSimd = simd.residuals(phi, dphi, y, 3, rows, k, kp, v, resSimd, coefSimd, 0.5);
          double lossScalar = scalar.residuals(phi, dphi, y, 3, rows, k, kp, v, resScalar,
              coefScalar, 0.5);
          assertEquals(lossScalar, lossSimd, 0, where);
          assertArrayEquals(resScalar, resSimd, 0, where);
          if (withCoef) {
            assertArrayEquals(coefScalar, coefSimd, 0, where);
          }
          // against the definition: predict's sum, then r v_i dphi
          for (int s = 0; s < rows; s++) {
            double r = FusedKernel.predict(phi, s * kp, v, k) - y[3 + s];
            assertEquals(r, resScalar[s], 0, where + " s=" + s);
            if (withCoef) {
              for (int i = 0; i < kp; i++) {
                assertEquals(r * v[i] * dphi[s * kp + i], coefScalar[s * kp + i], 0, where);
              }
            }
          }
        }
      }
    }
  }

  /**
   * Labels use the kernel's own z, bulk activation and prediction, so for every activation the
   * loss at the noise-free truth is exactly zero, over several blocks and a partial one.
   */
  @ParameterizedTest
  @MethodSource("activations")
  void lossAtTheTruthIsExactlyZero(ActivationProvider provider) {
    Activation activation = create(provider);
    int d = 11;
    int k = 5;
    Network truth = Teachers.make(TeacherKind.RANDOM, d, k, 2, Seeds.stream(4, "teacher"));
    Samples samples = SampleGenerator.generate(truth, activation, 5000, 0, 4);
    try (BlockExecutor executor = new BlockExecutor(2)) {
      NetworkObjective objective = new NetworkObjective(samples, activation, k,
          truth.outputWeights(), false, 1, executor);
      double[] gradient = new double[objective.dimension()];
      assertEquals(0, objective.evaluate(truth.weights(), gradient), 0, provider.name());
      assertEquals(0, maxAbs(gradient, 0, gradient.length), 0, provider.name());
    }
  }
}
