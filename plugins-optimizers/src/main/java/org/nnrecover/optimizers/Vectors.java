package org.nnrecover.optimizers;

/** The few dense-vector operations the optimizers share. */
final class Vectors {
  private Vectors() {}

  /** Euclidean norm. */
  static double norm(double[] x) {
    return Math.sqrt(dot(x, x));
  }

  /** Inner product of two vectors of equal length. */
  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** {@code out = x + scale * direction}. */
  static void step(double[] x, double scale, double[] direction, double[] out) {
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] + scale * direction[i];
    }
  }
}
