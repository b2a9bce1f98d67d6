package org.nnrecover.api.numerics;

/**
 * The dense-vector operations that the core, the plugins and the test kit all need, written once.
 * Every sum runs in index order, one term at a time, so a result is the same to the bit wherever
 * it is computed (the determinism contract of run records relies on it). They are plain loops on
 * purpose: the hot kernels of the core have their own vectorized code; these serve the k- and
 * d-sized work around them.
 *
 * @since 1.2
 */
public final class Vectors {
  private Vectors() {}

  /** The sum of the entries, in index order. */
  public static double sum(double[] x) {
    double s = 0;
    for (double value : x) {
      s += value;
    }
    return s;
  }

  /** The inner product of two vectors of equal length. */
  public static double dot(double[] a, double[] b) {
    checkSameLength(a, b);
    return dot(a, 0, b, 0, a.length);
  }

  /** The inner product of {@code a[aFrom, aFrom + length)} and {@code b[bFrom, bFrom + length)}. */
  public static double dot(double[] a, int aFrom, double[] b, int bFrom, int length) {
    double s = 0;
    for (int i = 0; i < length; i++) {
      s += a[aFrom + i] * b[bFrom + i];
    }
    return s;
  }

  /** The Euclidean norm (of a vector, or the Frobenius norm of a matrix or tensor stored flat). */
  public static double norm(double[] x) {
    return norm(x, 0, x.length);
  }

  /** The Euclidean norm of {@code x[from, from + length)}, e.g. one row of a row-major matrix. */
  public static double norm(double[] x, int from, int length) {
    return Math.sqrt(dot(x, from, x, from, length));
  }

  /** The Euclidean distance {@code |a - b|} of two vectors of equal length. */
  public static double distance(double[] a, double[] b) {
    checkSameLength(a, b);
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double t = a[i] - b[i];
      s += t * t;
    }
    return Math.sqrt(s);
  }

  /** {@code y += alpha x}, in place, for vectors of equal length. */
  public static void axpy(double alpha, double[] x, double[] y) {
    axpy(alpha, x, y, y);
  }

  /**
   * {@code out = y + alpha x} for vectors of equal length; {@code out} may be {@code x} or
   * {@code y} (a step from y along x, written where it is wanted).
   */
  public static void axpy(double alpha, double[] x, double[] y, double[] out) {
    checkSameLength(x, y);
    checkSameLength(x, out);
    for (int i = 0; i < x.length; i++) {
      out[i] = y[i] + alpha * x[i];
    }
  }

  /** {@code x *= alpha}, in place. */
  public static void scale(double alpha, double[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= alpha;
    }
  }

  /**
   * Scales {@code x} to unit length in place (dividing each entry by the norm); a zero vector is
   * left as it is.
   *
   * @return the norm {@code x} had
   */
  public static double normalize(double[] x) {
    double norm = norm(x);
    if (norm > 0) {
      for (int i = 0; i < x.length; i++) {
        x[i] /= norm;
      }
    }
    return norm;
  }

  private static void checkSameLength(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vectors of different lengths: " + a.length + " and " + b.length);
    }
  }
}
