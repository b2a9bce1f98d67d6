package org.nnrecover.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnrecover.api.Network;

class TeachersTest {

  /**
   * W* = U diag(s) Q^T has singular values s (1..kappa evenly spaced), so W*^T W* = Q diag(s^2) Q^T
   * has trace sum s^2 and determinant prod s^2; both checked to 1e-10 relative (orthonormality to
   * machine precision after two Gram-Schmidt passes).
   */
  @Test
  void randomTeacherHasTheRequestedSingularValues() {
    int d = 12;
    int k = 4;
    double kappa = 2;
    Network w = Teachers.make(TeacherKind.RANDOM, d, k, kappa, Seeds.stream(5, Seeds.TEACHER));
    double[] gram = gram(w);
    double[] s = Teachers.spread(k, kappa);
    assertArrayEquals(new double[] {1, 4.0 / 3, 5.0 / 3, 2}, s, 1e-15);
    double trace = 0;
    double expectedTrace = 0;
    double expectedDet = 1;
    for (int i = 0; i < k; i++) {
      trace += gram[i * k + i];
      expectedTrace += s[i] * s[i];
      expectedDet *= s[i] * s[i];
    }
    assertEquals(expectedTrace, trace, 1e-10 * expectedTrace);
    assertEquals(expectedDet, determinant(gram, k), 1e-10 * expectedDet);
    for (int i = 0; i < k; i++) {
      assertTrue(Math.abs(w.outputWeight(i)) == 1, "v* entries are signs");
    }
  }

  /** Orthogonal teacher: columns orthogonal with norms exactly s_i. */
  @Test
  void orthogonalTeacherHasOrthogonalColumnsWithSpreadNorms() {
    Network w = Teachers.make(TeacherKind.ORTHOGONAL, 8, 3, 5, Seeds.stream(1, Seeds.TEACHER));
    double[] gram = gram(w);
    double[] s = {1, 3, 5};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(i == j ? s[i] * s[i] : 0, gram[i * 3 + j], 1e-12);
      }
    }
  }

  @Test
  void identityTeacherIsTheIdentityWithUnitOutputs() {
    Network w = Teachers.make(TeacherKind.IDENTITY, 3, 3, 1, Seeds.stream(1, Seeds.TEACHER));
    assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, w.weights(), 0);
    assertArrayEquals(new double[] {1, 1, 1}, w.outputWeights(), 0);
    assertThrows(IllegalArgumentException.class,
        () -> Teachers.make(TeacherKind.IDENTITY, 3, 2, 1, Seeds.stream(1, Seeds.TEACHER)));
  }

  @Test
  void badSizesAreRejectedWithTheAllowedRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Teachers.make(TeacherKind.RANDOM, 3, 4, 2, Seeds.stream(1, Seeds.TEACHER)));
    assertTrue(e.getMessage().contains("[1, 3]"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Teachers.make(TeacherKind.RANDOM, 3, 2, 0.5, Seeds.stream(1, Seeds.TEACHER)));
  }

  /** Streams for different roles are independent: the same seed gives different numbers. */
  @Test
  void streamsDependOnSeedAndRole() {
    assertEquals(Seeds.stream(3, "a").nextLong(), Seeds.stream(3, "a").nextLong());
    assertTrue(Seeds.stream(3, "a").nextLong() != Seeds.stream(3, "b").nextLong());
    assertTrue(Seeds.stream(3, "a").nextLong() != Seeds.stream(4, "a").nextLong());
  }

  private static double[] gram(Network w) {
    int k = w.k();
    int d = w.d();
    double[] g = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double s = 0;
        for (int a = 0; a < d; a++) {
          s += w.weight(i, a) * w.weight(j, a);
        }
        g[i * k + j] = s;
      }
    }
    return g;
  }

  private static double determinant(double[] m, int k) {
    double[] a = m.clone();
    double det = 1;
    for (int c = 0; c < k; c++) {
      int pivot = c;
      for (int r = c + 1; r < k; r++) {
        if (Math.abs(a[r * k + c]) > Math.abs(a[pivot * k + c])) {
          pivot = r;
        }
      }
      if (pivot != c) {
        for (int j = 0; j < k; j++) {
          double t = a[c * k + j];
          a[c * k + j] = a[pivot * k + j];
          a[pivot * k + j] = t;
        }
        det = -det;
      }
      det *= a[c * k + c];
      for (int r = c + 1; r < k; r++) {
        double f = a[r * k + c] / a[c * k + c];
        for (int j = c; j < k; j++) {
          a[r * k + j] -= f * a[c * k + j];
        }
      }
    }
    return det;
  }
}
