package org.nnrecover.core.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.SampleKernels;

class TiledKernelsTest {
  /**
   * (d, m, rows): d and m off every vector width, m = 1, d = 1, m a multiple of 4 (no padding), and
   * rows that end inside a tile (256 rows for d <= 64, 124 at d = 130, 52 at d = 300) and inside
   * a register tile, up to a whole block and one past it; with 512-bit vectors also overlapping
   * last register tiles of 16 rows (9, 3, 45) and 8 rows over 3 + 2 vectors (22, 40, 269).
   */
  private static final int[][] SHAPES = {
      {1, 1, 37}, {1, 6, 300}, {7, 1, 513}, {3, 2, 1}, {10, 5, 1030}, {13, 9, 515},
      {5, 4, 7}, {33, 17, 301}, {130, 3, 250}, {70, 12, 700}, {100, 19, 2048}, {300, 8, 2049},
      {4, 20, 0}, {9, 3, 45}, {22, 40, 269}};

  private static double[] gaussian(SplittableRandom random, int length) {
    double[] a = new double[length];
    for (int i = 0; i < length; i++) {
      a[i] = random.nextGaussian();
    }
    return a;
  }

  /**
   * The tiled kernels against the plain ones on slices that start inside their arrays. Both sum
   * the same products in different orders, so they differ by rounding only, at most about (terms)
   * x 1.1e-16 of the sum of the terms' absolute values (2049 x 1.1e-16 = 2.3e-13 here): each entry
   * is held to 1e-12 of that sum, which any wrong index, sign or missing term exceeds by far.
   */
  @Test
  void matchThePlainKernels() {
    SplittableRandom random = new SplittableRandom(21);
    SampleKernels plain = SampleKernels.plain();
    for (int[] shape : SHAPES) {
      int d = shape[0];
      int m = shape[1];
      int rows = shape[2];
      String where = "d=" + d + " m=" + m + " rows=" + rows;
      int xo = 2 * d + 1;
      double[] x = gaussian(random, xo + rows * d + 3);
      double[] u = gaussian(random, d * m);
      double[] fast = new double[5 + rows * m];
      double[] slow = new double[5 + rows * m];
      TiledKernels.INSTANCE.project(x, xo, rows, d, u, m, fast, 5);
      plain.project(x, xo, rows, d, u, m, slow, 5);
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < m; c++) {
          double size = 0;
          for (int a = 0; a < d; a++) {
            size += Math.abs(x[xo + r * d + a] * u[a * m + c]);
          }
          assertEquals(slow[5 + r * m + c], fast[5 + r * m + c], 1e-12 * size,
              where + ": z(" + r + ", " + c + ")");
        }
      }
      assertEquals(0, fast[4], 0, where + ": nothing written before zOffset");

      double[] coef = gaussian(random, 3 + rows * m);
      double[] g0 = gaussian(random, d * m);
      double[] gFast = g0.clone();
      double[] gSlow = g0.clone();
      TiledKernels.INSTANCE.scatter(x, xo, rows, d, coef, 3, m, gFast);
      plain.scatter(x, xo, rows, d, coef, 3, m, gSlow);
      for (int a = 0; a < d; a++) {
        for (int c = 0; c < m; c++) {
          double size = Math.abs(g0[a * m + c]);
          for (int r = 0; r < rows; r++) {
            size += Math.abs(coef[3 + r * m + c] * x[xo + r * d + a]);
          }
          assertEquals(gSlow[a * m + c], gFast[a * m + c], 1e-12 * size,
              where + ": g(" + a + ", " + c + ")");
        }
      }
    }
  }

  /** Small integer data make every sum exact, so the two kernels must agree with brute force. */
  @Test
  void exactOnIntegers() {
    int d = 6;
    int m = 3;
    int rows = 5;
    double[] x = new double[rows * d];
    double[] u = new double[d * m];
    double[] coef = new double[rows * m];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i * 7) % 11 - 5;
    }
    for (int i = 0; i < u.length; i++) {
      u[i] = (i * 5) % 7 - 3;
    }
    for (int i = 0; i < coef.length; i++) {
      coef[i] = (i * 3) % 5 - 2;
    }
    double[] z = new double[rows * m];
    double[] g = new double[d * m];
    for (SampleKernels kernels : new SampleKernels[] {TiledKernels.INSTANCE,
        SampleKernels.plain()}) {
      kernels.project(x, 0, rows, d, u, m, z, 0);
      java.util.Arrays.fill(g, 1);
      kernels.scatter(x, 0, rows, d, coef, 0, m, g);
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < m; c++) {
          double expected = 0;
          for (int a = 0; a < d; a++) {
            expected += x[r * d + a] * u[a * m + c];
          }
          assertEquals(expected, z[r * m + c], 0);
        }
      }
      for (int a = 0; a < d; a++) {
        for (int c = 0; c < m; c++) {
          double expected = 1;
          for (int r = 0; r < rows; r++) {
            expected += coef[r * m + c] * x[r * d + a];
          }
          assertEquals(expected, g[a * m + c], 0);
        }
      }
    }
  }

  /** With and without the Vector API the kernels give the same bits, on every tile path. */
  @Test
  void simdAndScalarAreBitIdentical() {
    assertTrue(FusedKernel.simd(), "tests run with --add-modules jdk.incubator.vector");
    TiledKernels simd = new TiledKernels(new VectorTiles());
    TiledKernels scalar = new TiledKernels(new ScalarTiles());
    SplittableRandom random = new SplittableRandom(22);
    for (int[] shape : SHAPES) {
      int d = shape[0];
      int m = shape[1];
      int rows = shape[2];
      String where = "d=" + d + " m=" + m + " rows=" + rows;
      double[] x = gaussian(random, d + rows * d);
      double[] u = gaussian(random, d * m);
      double[] zSimd = new double[rows * m];
      double[] zScalar = new double[rows * m];
      simd.project(x, d, rows, d, u, m, zSimd, 0);
      scalar.project(x, d, rows, d, u, m, zScalar, 0);
      assertArrayEquals(zScalar, zSimd, 0, where);
      double[] coef = gaussian(random, rows * m);
      double[] gSimd = gaussian(random, d * m);
      double[] gScalar = gSimd.clone();
      simd.scatter(x, d, rows, d, coef, 0, m, gSimd);
      scalar.scatter(x, d, rows, d, coef, 0, m, gScalar);
      assertArrayEquals(gScalar, gSimd, 0, where);
    }
  }

  @Test
  void refusesRowsOutsideTheArray() {
    double[] x = new double[10];
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TiledKernels.INSTANCE.project(x, 4, 2, 4, new double[4], 1, new double[2], 0));
    assertTrue(e.getMessage().contains("do not fit x (10 entries)"), e.getMessage());
  }
}
