package org.nnrecover.core.objective;

/** Small allocation-free array kernels shared by the objective and the data generator. */
public final class Kernels {
  private Kernels() {}

  /**
   * Dot product of a[ao..ao+len) and b[bo..bo+len) with four independent partial sums: the
   * additions of one sum wait on each other, four sums keep the floating-point unit busy. The
   * order is fixed, so the result is still deterministic.
   */
  public static double dot(double[] a, int ao, double[] b, int bo, int len) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < len; i += 4) {
      s0 += a[ao + i] * b[bo + i];
      s1 += a[ao + i + 1] * b[bo + i + 1];
      s2 += a[ao + i + 2] * b[bo + i + 2];
      s3 += a[ao + i + 3] * b[bo + i + 3];
    }
    for (; i < len; i++) {
      s0 += a[ao + i] * b[bo + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

}
