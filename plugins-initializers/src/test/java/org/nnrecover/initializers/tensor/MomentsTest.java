package org.nnrecover.initializers.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnrecover.api.SampleKernels;
import org.nnrecover.api.Samples;
import org.nnrecover.api.numerics.Vectors;
import org.nnrecover.core.objective.TiledKernels;
import org.nnrecover.core.parallel.BlockExecutor;

/**
 * The recurrence/Wick contractions against explicit Hermite tensors on a small d: He_2, He_3 and
 * He_4 written out entry by entry (x_a x_b x_c - x_a d_bc - ..., and for He_4 the 6 single and 3
 * double Kronecker placements), averaged over samples as full d^j tensors, then contracted; with
 * the core's SIMD block kernels and with the api's plain ones.
 */
class MomentsTest {
  private static final int D = 4;
  private static final int N = 3000; // more than one block of 2048, so block sums are exercised
  private static final double TOL = 1e-12; // same sums in a different order: rounding only

  static Stream<SampleKernels> kernels() {
    return Stream.of(TiledKernels.INSTANCE, SampleKernels.plain());
  }

  private static double delta(int a, int b) {
    return a == b ? 1 : 0;
  }

  /** Explicit He_j(x)[indices] for j = 2, 3, 4. */
  private static double explicit(double[] x, int[] i) {
    return switch (i.length) {
      case 2 -> x[i[0]] * x[i[1]] - delta(i[0], i[1]);
      case 3 -> x[i[0]] * x[i[1]] * x[i[2]] - x[i[0]] * delta(i[1], i[2])
          - x[i[1]] * delta(i[0], i[2]) - x[i[2]] * delta(i[0], i[1]);
      case 4 -> {
        double a = x[i[0]];
        double b = x[i[1]];
        double c = x[i[2]];
        double e = x[i[3]];
        yield a * b * c * e
            - a * b * delta(i[2], i[3]) - a * c * delta(i[1], i[3]) - a * e * delta(i[1], i[2])
            - b * c * delta(i[0], i[3]) - b * e * delta(i[0], i[2]) - c * e * delta(i[0], i[1])
            + delta(i[0], i[1]) * delta(i[2], i[3]) + delta(i[0], i[2]) * delta(i[1], i[3])
            + delta(i[0], i[3]) * delta(i[1], i[2]);
      }
      default -> throw new AssertionError();
    };
  }

  /** mean_j y_j He_j(x_j)[a_1, .., a_j] by explicit full-tensor summation. */
  private static double bruteForce(Samples s, double[] y, double[][] vectors) {
    int j = vectors.length;
    int size = (int) Math.pow(D, j);
    double total = 0;
    double[] x = new double[D];
    int[] idx = new int[j];
    for (int sample = 0; sample < s.n(); sample++) {
      System.arraycopy(s.x(), sample * D, x, 0, D);
      double value = 0;
      for (int flat = 0; flat < size; flat++) {
        int rest = flat;
        double weight = 1;
        for (int p = j - 1; p >= 0; p--) {
          idx[p] = rest % D;
          rest /= D;
          weight *= vectors[p][idx[p]];
        }
        value += weight * explicit(x, idx);
      }
      total += y[sample] * value;
    }
    return total / s.n();
  }

  private static Samples samples(SplittableRandom random) {
    double[] x = new double[N * D];
    double[] y = new double[N];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
    }
    for (int j = 0; j < N; j++) {
      y[j] = Math.max(0, x[j * D] + 0.5 * x[j * D + 1]) + 0.3 * random.nextGaussian();
    }
    return new Samples(x, y, D);
  }

  private static double[] column(double[] m, int c, int rows) {
    double[] out = new double[rows];
    System.arraycopy(m, c * rows, out, 0, rows);
    return out;
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void projectedContractionsMatchExplicitHermiteTensors(SampleKernels kernels) {
    SplittableRandom random = new SplittableRandom(3);
    Samples s = samples(random);
    int k = 2;
    double[] basis = Dense.orthonormalize(JennrichDecomposerProvider.gaussian(random, D * k), D, k);
    double[] alpha = MomentSteps.randomUnit(random, D);
    double[] gamma = {Vectors.dot(basis, 0, alpha, 0, D), Vectors.dot(basis, D, alpha, 0, D)};
    try (BlockExecutor executor = new BlockExecutor(2)) {
      Moments moments = new Moments(s, executor, kernels);
      int[] rows = MomentSteps.allRows(N);
      double[][] projection = moments.project(rows, basis, k, alpha);
      double[] y = moments.affineResiduals(rows, 0, null);
      double[][] v = {column(basis, 0, D), column(basis, 1, D)};
      // s = 3 slots of V with m = 1 alpha: He_4 (the ReLU R3); s = 2, m = 2: He_4; s = 1, m = 2.
      int[][] cases = {{3, 1}, {3, 0}, {2, 2}, {2, 0}, {1, 2}, {1, 1}};
      for (int[] c : cases) {
        int slots = c[0];
        int m = c[1];
        double[] got = moments.projectedContraction(slots, m, projection[0], k, y, projection[1],
            gamma);
        int size = (int) Math.pow(k, slots);
        for (int flat = 0; flat < size; flat++) {
          double[][] vectors = new double[slots + m][];
          int rest = flat;
          for (int p = slots - 1; p >= 0; p--) {
            vectors[p] = v[rest % k];
            rest /= k;
          }
          for (int q = 0; q < m; q++) {
            vectors[slots + q] = alpha;
          }
          if (slots + m == 1) {
            continue;
          }
          assertEquals(bruteForce(s, y, vectors), got[flat], TOL, "s = " + slots + ", m = " + m);
        }
      }
    }
  }

  /**
   * P2_hat U with plain labels and with variance-reduced ones (y - mean - x . m1, computed by the
   * operator from each block) against the explicit tensors weighted by those labels.
   */
  @ParameterizedTest
  @MethodSource("kernels")
  @SuppressWarnings("deprecation")
  void secondMomentProductMatchesExplicitHermiteTensors(SampleKernels kernels) {
    SplittableRandom random = new SplittableRandom(5);
    Samples s = samples(random);
    double[] alpha = MomentSteps.randomUnit(random, D);
    double[] u = JennrichDecomposerProvider.gaussian(random, D * 2);
    double[] m1 = {0.5, -1, 0.25, 2};
    double[] reduced = new double[N];
    for (int j = 0; j < N; j++) {
      reduced[j] = s.y()[j] - 0.125 - Vectors.dot(s.x(), j * D, m1, 0, D);
    }
    try (BlockExecutor executor = new BlockExecutor(2)) {
      Moments moments = new Moments(s, executor, kernels);
      int[] rows = MomentSteps.allRows(N);
      for (int m = 0; m <= 2; m++) {
        for (boolean plain : new boolean[] {true, false}) {
          Moments.Labels labels = plain ? Moments.Labels.PLAIN : new Moments.Labels(0.125, m1);
          double[] y = plain ? s.y() : reduced;
          double[] got = moments.secondMoment(rows, labels, m, alpha).apply(u, 2);
          for (int c = 0; c < 2; c++) {
            for (int a = 0; a < D; a++) {
              double[][] vectors = new double[2 + m][];
              double[] unit = new double[D];
              unit[a] = 1;
              vectors[0] = unit;
              vectors[1] = column(u, c, D);
              for (int q = 0; q < m; q++) {
                vectors[2 + q] = alpha;
              }
              assertEquals(bruteForce(s, y, vectors), got[c * D + a], TOL, "m = " + m
                  + (plain ? "" : ", variance-reduced labels"));
            }
          }
        }
      }
    }
  }

  /**
   * The projected moments of orders 0..3 (block scatters over the per-sample projections) against
   * direct sums of w t_a, w (t_a t_b - delta_ab) and w (t_a t_b t_c - t_a delta_bc - t_b delta_ac -
   * t_c delta_ab), at k = 7 (off the vector width) over more than one block of positions.
   */
  @ParameterizedTest
  @MethodSource("kernels")
  void projectedHermiteMomentsEqualDirectSums(SampleKernels kernels) {
    SplittableRandom random = new SplittableRandom(13);
    int k = 7;
    double[] t = JennrichDecomposerProvider.gaussian(random, N * k);
    double[][] weights = new double[4][];
    for (int r = 0; r < 4; r++) {
      weights[r] = JennrichDecomposerProvider.gaussian(random, N);
    }
    try (BlockExecutor executor = new BlockExecutor(2)) {
      double[][] e = new Moments(samples(random), executor, kernels)
          .hermiteOfProjection(t, k, weights);
      for (int a = 0; a < k; a++) {
        double first = 0;
        for (int j = 0; j < N; j++) {
          first += weights[1][j] * t[j * k + a];
        }
        assertEquals(first / N, e[1][a], TOL, "order 1");
        for (int b = 0; b < k; b++) {
          double second = 0;
          for (int j = 0; j < N; j++) {
            second += weights[2][j] * (t[j * k + a] * t[j * k + b] - delta(a, b));
          }
          assertEquals(second / N, e[2][a * k + b], TOL, "order 2");
          for (int c = 0; c < k; c++) {
            double third = 0;
            for (int j = 0; j < N; j++) {
              double ta = t[j * k + a];
              double tb = t[j * k + b];
              double tc = t[j * k + c];
              third += weights[3][j] * (ta * tb * tc - ta * delta(b, c) - tb * delta(a, c)
                  - tc * delta(a, b));
            }
            assertEquals(third / N, e[3][(a * k + b) * k + c], TOL, "order 3 at " + a + b + c);
          }
        }
      }
    }
  }

  /**
   * On a row subset (increasing, with rows on both sides of the block boundary at 2048) the block
   * passes find each block's rows: mean label, first moments, residuals and projections equal
   * plain sums over the subset's rows; a subset out of order is refused.
   */
  @ParameterizedTest
  @MethodSource("kernels")
  @SuppressWarnings("deprecation")
  void subsetPassesEqualSumsOverTheSubsetRows(SampleKernels kernels) {
    SplittableRandom random = new SplittableRandom(9);
    Samples s = samples(random);
    int[] rows = java.util.stream.IntStream.range(0, N).filter(j -> j % 3 == 1 || j > 2040)
        .toArray();
    double[] x = s.x();
    double[] y = s.y();
    double[] m1 = {0.5, -1, 0.25, 2};
    double[] basis = JennrichDecomposerProvider.gaussian(random, D * 2);
    double mean = 0;
    double[] first = new double[D + 1];
    double[] residuals = new double[rows.length];
    double[] t = new double[rows.length * 2];
    for (int j = 0; j < rows.length; j++) {
      int row = rows[j];
      mean += y[row];
      first[0] += y[row];
      double dot = 0;
      for (int a = 0; a < D; a++) {
        first[1 + a] += y[row] * x[row * D + a];
        dot += x[row * D + a] * m1[a];
        t[2 * j] += x[row * D + a] * basis[a];
        t[2 * j + 1] += x[row * D + a] * basis[D + a];
      }
      residuals[j] = y[row] - 0.125 - dot;
    }
    for (int a = 0; a <= D; a++) {
      first[a] /= rows.length;
    }
    try (BlockExecutor executor = new BlockExecutor(2)) {
      Moments moments = new Moments(s, executor, kernels);
      assertEquals(mean / rows.length, moments.meanLabel(rows), TOL);
      assertArrayEquals(first, moments.firstMoments(rows), TOL);
      assertArrayEquals(residuals, moments.affineResiduals(rows, 0.125, m1), TOL);
      assertArrayEquals(t, moments.project(rows, basis, 2, null)[0], TOL);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> moments.meanLabel(new int[] {5, 3}));
      assertEquals("row subsets must be strictly increasing sample indices in [0, 3000); "
          + "position 1 holds 3", e.getMessage());
    }
  }
}
