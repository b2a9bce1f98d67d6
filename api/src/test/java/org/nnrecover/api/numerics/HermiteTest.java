package org.nnrecover.api.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The recurrence against the closed forms and the Gaussian orthogonality E[He_i He_j] = j! d_ij. */
class HermiteTest {
  @Test
  void closedFormsOfTheFirstOrders() {
    double[] out = new double[6];
    for (double z : new double[] {-2.5, -0.3, 0, 0.7, 3.1}) {
      Hermite.values(z, 5, out);
      assertEquals(1, out[0], 0);
      assertEquals(z, out[1], 0);
      assertEquals(z * z - 1, out[2], 1e-14);
      assertEquals(z * z * z - 3 * z, out[3], 1e-13);
      assertEquals(Math.pow(z, 4) - 6 * z * z + 3, out[4], 1e-12);
      assertEquals(Math.pow(z, 5) - 10 * Math.pow(z, 3) + 15 * z, out[5], 1e-11);
      assertEquals(out[5], Hermite.value(5, z), 0);
    }
    assertThrows(IllegalArgumentException.class, () -> Hermite.values(1, -1, out));
  }

  @Test
  void orthogonalUnderTheGaussianWithNormJFactorial() {
    // Gauss quadrature of this degree integrates polynomials of degree <= 12 exactly (to rounding)
    for (int i = 0; i <= 6; i++) {
      for (int j = 0; j <= 6; j++) {
        int a = i;
        int b = j;
        double product = GaussianQuadrature.expectation(
            z -> Hermite.value(a, z) * Hermite.value(b, z));
        double expected = i == j ? factorial(j) : 0;
        assertEquals(expected, product, 1e-10 * Math.max(1, expected), i + ", " + j);
      }
    }
  }

  private static double factorial(int j) {
    double f = 1;
    for (int q = 2; q <= j; q++) {
      f *= q;
    }
    return f;
  }
}
