package org.nnrecover.initializers.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The conventions {@link Dense} adds to ojalgo (signs, order, null for singular, zero for a
 * dependent column), against closed forms, reconstruction residuals and known condition numbers.
 */
class DenseTest {
  private static final double EPS = Math.ulp(1.0);

  private static double[] gaussian(long seed, int size) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[size];
    for (int i = 0; i < size; i++) {
      x[i] = random.nextGaussian();
    }
    return x;
  }

  /** The m x c product of the column-major m x l matrix a and l x c matrix b. */
  private static double[] multiply(double[] a, int m, int l, double[] b, int c) {
    double[] out = new double[m * c];
    for (int j = 0; j < c; j++) {
      for (int p = 0; p < l; p++) {
        for (int i = 0; i < m; i++) {
          out[j * m + i] += a[p * m + i] * b[j * l + p];
        }
      }
    }
    return out;
  }

  private static double[] transpose(double[] a, int m, int c) {
    double[] t = new double[m * c];
    for (int j = 0; j < c; j++) {
      for (int i = 0; i < m; i++) {
        t[i * c + j] = a[j * m + i];
      }
    }
    return t;
  }

  private static double maxAbs(double[] a) {
    double max = 0;
    for (double x : a) {
      max = Math.max(max, Math.abs(x));
    }
    return max;
  }

  /** The n x n Hilbert matrix 1 / (i + j + 1). */
  private static double[] hilbert(int n) {
    double[] h = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h[j * n + i] = 1.0 / (i + j + 1);
      }
    }
    return h;
  }

  @Test
  void orthonormalizeOfAKnownMatrix() {
    // columns (3, 4, 0) and (1, 2, 5): Q's first column is (0.6, 0.8, 0); the second is the
    // normalized remainder of (1, 2, 5) after removing its component 2.2 along it.
    double[] q = Dense.orthonormalize(new double[] {3, 4, 0, 1, 2, 5}, 3, 2);
    double[] rest = {1 - 2.2 * 0.6, 2 - 2.2 * 0.8, 5};
    double norm = Math.sqrt(rest[0] * rest[0] + rest[1] * rest[1] + rest[2] * rest[2]);
    double[] expected = {0.6, 0.8, 0, rest[0] / norm, rest[1] / norm, rest[2] / norm};
    assertArrayEquals(expected, q, 1e-15);
  }

  @Test
  void orthonormalizeIsAQrWithNonNegativeDiagonal() {
    int m = 200;
    int c = 18;
    double[] a = gaussian(1, m * c);
    double[] q = Dense.orthonormalize(a, m, c);
    double[] qtq = multiply(transpose(q, m, c), c, m, q, c);
    for (int j = 0; j < c; j++) {
      qtq[j * c + j] -= 1;
    }
    assertTrue(maxAbs(qtq) < 100 * EPS, "|Q^T Q - I| = " + maxAbs(qtq));
    double[] r = multiply(transpose(q, m, c), c, m, a, c);
    for (int j = 0; j < c; j++) {
      assertTrue(r[j * c + j] > 0, "R_jj > 0");
      for (int i = j + 1; i < c; i++) {
        assertEquals(0, r[j * c + i], 1e-13 * maxAbs(a), "R below the diagonal");
      }
    }
    double[] residual = multiply(q, m, c, r, c);
    for (int i = 0; i < residual.length; i++) {
      residual[i] -= a[i];
    }
    assertTrue(maxAbs(residual) < 1e-13 * maxAbs(a), "|QR - A| = " + maxAbs(residual));
  }

  @Test
  void symmetricEigenOfAKnownMatrixSortsByAbsoluteValueAndFixesSigns() {
    // [[4, 1], [1, 2]] has eigenvalues 3 +- sqrt 2 with vectors (1, lambda - 4): (1, sqrt 2 - 1)
    // and (1, -1 - sqrt 2), normalized, the second flipped so that its largest entry is positive;
    // minus the matrix has the same vectors and eigenvalues -(3 +- sqrt 2), still sorted by |.|.
    double r = Math.sqrt(2);
    double n1 = Math.sqrt(1 + (r - 1) * (r - 1));
    double n2 = Math.sqrt(1 + (1 + r) * (1 + r));
    double[] vectors = {1 / n1, (r - 1) / n1, -1 / n2, (1 + r) / n2};
    for (double sign : new double[] {1, -1}) {
      Dense.SymmetricEigen eigen = Dense.symmetricEigen(
          new double[] {4 * sign, sign, sign, 2 * sign}, 2);
      assertArrayEquals(new double[] {(3 + r) * sign, (3 - r) * sign}, eigen.values(), 1e-14);
      assertArrayEquals(vectors, eigen.vectors(), 1e-15);
    }
    Dense.SymmetricEigen diagonal = Dense.symmetricEigen(
        new double[] {1, 0, 0, 0, -3, 0, 0, 0, 2}, 3);
    assertArrayEquals(new double[] {-3, 2, 1}, diagonal.values(), 0);
    assertArrayEquals(new double[] {0, 1, 0, 0, 0, 1, 1, 0, 0}, diagonal.vectors(), 0);
  }

  @Test
  void symmetricEigenReconstructsARandomMatrix() {
    int n = 13;
    double[] g = gaussian(2, n * n);
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[j * n + i] = g[j * n + i] + g[i * n + j];
      }
    }
    Dense.SymmetricEigen eigen = Dense.symmetricEigen(a, n);
    double[] v = eigen.vectors();
    double[] av = multiply(a, n, n, v, n);
    double[] vtv = multiply(transpose(v, n, n), n, n, v, n);
    for (int j = 0; j < n; j++) {
      vtv[j * n + j] -= 1;
      if (j > 0) {
        assertTrue(Math.abs(eigen.values()[j]) <= Math.abs(eigen.values()[j - 1]), "order");
      }
      for (int i = 0; i < n; i++) {
        av[j * n + i] -= eigen.values()[j] * v[j * n + i];
      }
    }
    assertTrue(maxAbs(av) < 1e-13 * maxAbs(a), "|A V - V D| = " + maxAbs(av));
    for (int j = 0; j < n; j++) {
      double largest = 0;
      for (int i = 0; i < n; i++) {
        largest = Math.abs(v[j * n + i]) > Math.abs(largest) ? v[j * n + i] : largest;
      }
      assertTrue(largest > 0, "the largest entry of vector " + j + " is positive");
    }
    assertTrue(maxAbs(vtv) < 100 * EPS, "|V^T V - I| = " + maxAbs(vtv));
  }

  @Test
  void leastSquaresFitsALineInClosedForm() {
    // y = (0, 1, 1, 3) at t = 0..3 on columns (1, t): slope 0.9, intercept -0.1 (the normal
    // equations [[4, 6], [6, 14]] x = [5, 12] by hand).
    double[] x = Dense.leastSquares(new double[] {1, 1, 1, 1, 0, 1, 2, 3}, 4, 2,
        new double[] {0, 1, 1, 3});
    assertArrayEquals(new double[] {-0.1, 0.9}, x, 1e-15);
  }

  @Test
  void leastSquaresGivesADependentColumnAZeroCoefficient() {
    // the middle column is twice the first: it gets 0, the others the fit of the line above
    double[] x = Dense.leastSquares(new double[] {1, 1, 1, 1, 2, 2, 2, 2, 0, 1, 2, 3}, 4, 3,
        new double[] {0, 1, 1, 3});
    assertArrayEquals(new double[] {-0.1, 0, 0.9}, x, 1e-14);
  }

  @Test
  void choleskySolvesTheHilbertSystem() {
    // H x = H 1 has x = 1; cond(H_5) = 4.8e5, so x is right to about 4.8e5 eps = 1e-10
    int n = 5;
    double[] h = hilbert(n);
    double[] b = multiply(h, n, n, new double[] {1, 1, 1, 1, 1}, 1);
    assertArrayEquals(new double[] {1, 1, 1, 1, 1}, Dense.choleskySolve(h, n, b), 1e-9);
    // two right-hand sides at once: x = 1 and x = (1, 2, 3, 4, 5); the larger x, the larger error
    double[] both = multiply(h, n, n, new double[] {1, 1, 1, 1, 1, 1, 2, 3, 4, 5}, 2);
    assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 2, 3, 4, 5},
        Dense.choleskySolve(h, n, both), 1e-8);
    assertNull(Dense.choleskySolve(new double[] {1, 2, 2, 1}, 2, new double[] {1, 1}),
        "indefinite [[1, 2], [2, 1]]");
  }

  @Test
  void solveHandlesSeveralRightHandSidesAndRefusesASingularMatrix() {
    // [[2, 1], [1, 3]]^-1 = [[3, -1], [-1, 2]] / 5: solving against the identity gives it
    double[] inverse = Dense.solve(new double[] {2, 1, 1, 3}, 2, new double[] {1, 0, 0, 1});
    assertArrayEquals(new double[] {0.6, -0.2, -0.2, 0.4}, inverse, 1e-15);
    // rows 1 and 2 of the first matrix need a pivot: [[0, 1], [1, 0]] x = (2, 3) -> (3, 2)
    assertArrayEquals(new double[] {3, 2},
        Dense.solve(new double[] {0, 1, 1, 0}, 2, new double[] {2, 3}), 0);
    assertNull(Dense.solve(new double[] {1, 2, 2, 4}, 2, new double[] {1, 1}), "rank 1");
  }

  @Test
  void conditionNumberOfARectangularDiagonalMatrix() {
    double[] a = {3, 0, 0, 0, 0.5, 0}; // 3 x 2, column-major: singular values 3 and 0.5
    assertEquals(6, Dense.conditionNumber(a, 3, 2), 1e-12);
  }

  @Test
  void conditionNumberBeyondTheReachOfTheGramMatrix() {
    // [[1, 1], [1, 1 + e]] is symmetric with eigenvalues (2 + e -+ sqrt(4 + e^2)) / 2, so its
    // condition number is their ratio, about 4 / e = 4e9. A^T A would have a smallest eigenvalue
    // of 2.5e-19, below the rounding error of its largest (16 x 1e-16).
    double e = 1e-9;
    double root = Math.sqrt(4 + e * e);
    double small = 2 * e / (2 + e + root); // (2 + e - root) / 2 without cancellation
    double expected = ((2 + e + root) / 2) / small;
    double[] a = {1, 1, 1, 1 + e};
    assertEquals(expected, Dense.conditionNumber(a, 2, 2), 1e-5 * expected);
  }

  @Test
  void conditionNumbersOfHilbertMatrices() {
    // exact values (40-digit SVD of the exact matrices): 4.76607250242561e5 and
    // 1.52575757416469e10.
    // Rounding the entries to doubles moves them by about cond * eps relative: 1e-10 and 2e-6.
    // Through A^T A the second would be about 2.3e20, beyond what doubles can resolve.
    assertEquals(4.76607250242561e5, Dense.conditionNumber(hilbert(5), 5, 5), 1e-8 * 4.8e5);
    assertEquals(1.52575757416469e10, Dense.conditionNumber(hilbert(8), 8, 8), 1e-5 * 1.5e10);
    double singular = Dense.conditionNumber(new double[] {1, 2, 2, 4}, 2, 2);
    assertTrue(singular > 1e15, "rank 1: " + singular); // infinite, or 5 over a rounding error
  }

  @Test
  void nonFiniteEntriesGiveTheDocumentedResultsWithoutHanging() {
    // ojalgo's SVD loops forever on a NaN: every method must answer before reaching it
    double nan = Double.NaN;
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      assertEquals(Double.POSITIVE_INFINITY,
          Dense.conditionNumber(new double[] {1, nan, 0, 1}, 2, 2));
      assertTrue(Double.isNaN(Dense.leastSquares(new double[] {1, nan, 0, 1}, 2, 2,
          new double[] {1, 1})[0]));
      assertTrue(Double.isNaN(Dense.leastSquares(new double[] {1, 0, 0, 1}, 2, 2,
          new double[] {1, Double.POSITIVE_INFINITY})[1]));
      assertTrue(Double.isNaN(Dense.symmetricEigen(new double[] {1, nan, nan, 2}, 2).values()[0]));
      assertNull(Dense.generalEigen(new double[] {1, nan, 0, 1}, 2));
      assertNull(Dense.solve(new double[] {1, nan, 0, 1}, 2, new double[] {1, 1}));
      assertNull(Dense.choleskySolve(new double[] {1, nan, nan, 1}, 2, new double[] {1, 1}));
    });
  }
}
