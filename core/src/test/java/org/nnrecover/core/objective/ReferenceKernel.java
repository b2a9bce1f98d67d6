package org.nnrecover.core.objective;

import org.nnrecover.api.Activation;

/**
 * The plain loss + gradient kernel that {@link FusedKernel} replaced, kept as the reference the
 * fast one is tested against: one sample at a time, dot products with four partial sums and the
 * gradient added sample by sample, as before; unlike before it calls the scalar activation methods
 * (not the bulk form), so the comparison checks the bulk forms too. Same slice signature and
 * accumulator layout as {@link FusedKernel#accumulate}.
 */
final class ReferenceKernel {
  private ReferenceKernel() {}

  static void accumulate(double[] x, int xo, double[] y, int yo, int rows, int d, int k,
      double[] w, double[] v, boolean trainV, boolean wantGradient, Activation activation,
      double[] acc) {
    double[] phi = new double[k];
    double[] dphi = new double[k];
    double loss = 0;
    for (int s = 0; s < rows; s++) {
      int row = xo + s * d;
      double prediction = 0;
      for (int i = 0; i < k; i++) {
        double z = dot(w, i * d, x, row, d);
        phi[i] = activation.value(z);
        dphi[i] = activation.derivative(z);
        prediction += v[i] * phi[i];
      }
      double r = prediction - y[yo + s];
      loss += r * r;
      if (!wantGradient) {
        continue;
      }
      for (int i = 0; i < k; i++) {
        double c = r * v[i] * dphi[i];
        for (int a = 0; a < d; a++) {
          acc[i * d + a] += c * x[row + a];
        }
        if (trainV) {
          acc[k * d + i] += r * phi[i];
        }
      }
    }
    acc[acc.length - 1] += loss;
  }

  /** Dot product with four independent partial sums (the old objective's arithmetic). */
  static double dot(double[] a, int ao, double[] b, int bo, int len) {
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
