package org.nnrecover.api.numerics;

/**
 * Probabilists' Hermite polynomials He_j (METHOD.md section 4: He_0 = 1, He_1 = z, He_{j+1}(z) =
 * z He_j(z) - j He_{j-1}(z)), orthogonal under the standard Gaussian with E[He_j^2] = j!.
 *
 * @since 1.2
 */
public final class Hermite {
  private Hermite() {}

  /**
   * He_0(z)..He_m(z) into {@code out[0..m]} by the three-term recurrence (stable for the orders and
   * arguments of Gaussian samples).
   *
   * @param out at least m + 1 entries
   * @throws IllegalArgumentException when m is negative
   */
  public static void values(double z, int m, double[] out) {
    if (m < 0) {
      throw new IllegalArgumentException("Hermite order must be >= 0, got " + m);
    }
    out[0] = 1;
    if (m >= 1) {
      out[1] = z;
    }
    for (int j = 1; j < m; j++) {
      out[j + 1] = z * out[j] - j * out[j - 1];
    }
  }

  /** He_j(z) alone. */
  public static double value(int j, double z) {
    double[] out = new double[j + 1];
    values(z, j, out);
    return out[j];
  }
}
