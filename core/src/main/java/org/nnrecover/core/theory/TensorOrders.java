package org.nnrecover.core.theory;

/**
 * The moment orders the tensor method uses (METHOD.md section 4); a null field means no such order
 * exists among j <= 8.
 *
 * @param j2 smallest j >= 2 with M_j != 0 (the matrix P2)
 * @param j3 smallest j >= 3 with M_j != 0 (the tensor P3)
 * @param l1 smallest j >= 1 with M_j != 0 (signs, Q1)
 * @param l2 smallest j >= 2 with M_j != 0 (magnitudes, Q2)
 * @param nonzero which of M_0..M_8 are nonzero under the relative tolerance
 */
public record TensorOrders(Integer j2, Integer j3, Integer l1, Integer l2, boolean[] nonzero) {

  /** Relative tolerance under which a Hermite coefficient counts as zero. */
  public static final double RELATIVE_TOLERANCE = 1e-9;

  /** Sigmas over which a non-homogeneous activation's coefficients are examined. */
  static final double[] SIGMA_GRID = {0.1, 0.178, 0.316, 0.562, 1, 1.78, 3.16, 5.62, 10};

  /**
   * Decides which M_j are nonzero: |m_j(sigma)| > 1e-9 max_{i <= 8} |m_i(sigma)| for some sigma of
   * the grid (for a homogeneous phi the ratio does not depend on sigma, so this is the rule on
   * m_j(1)).
   */
  static TensorOrders from(GaussianMoments[] moments) {
    boolean[] nonzero = new boolean[GaussianMoments.MAX_ORDER + 1];
    for (GaussianMoments m : moments) {
      double largest = 0;
      for (double c : m.hermite()) {
        largest = Math.max(largest, Math.abs(c));
      }
      for (int j = 0; j < nonzero.length; j++) {
        nonzero[j] |= Math.abs(m.hermite()[j]) > RELATIVE_TOLERANCE * largest;
      }
    }
    return new TensorOrders(first(nonzero, 2), first(nonzero, 3), first(nonzero, 1),
        first(nonzero, 2), nonzero);
  }

  private static Integer first(boolean[] nonzero, int from) {
    for (int j = from; j < nonzero.length; j++) {
      if (nonzero[j]) {
        return j;
      }
    }
    return null;
  }

  /** True when both tensor orders exist, so the tensor initializer can run. */
  public boolean usable() {
    return j2 != null && j3 != null;
  }

  /** A sentence saying what is missing, or that all orders exist. */
  public String statement() {
    if (usable()) {
      return "tensor orders j2 = " + j2 + ", j3 = " + j3 + ", l1 = " + l1 + ", l2 = " + l2;
    }
    if (j2 == null) {
      return "no usable order: M_j = 0 for every 2 <= j <= 8 (no second-order matrix P2 nor"
          + " third-order tensor P3)";
    }
    return "no usable order: M_j = 0 for every 3 <= j <= 8 (no third-order tensor P3)";
  }
}
