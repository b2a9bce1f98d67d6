package org.nnrecover.api;

/**
 * {@link SampleKernels} in plain loops that read U, G and X along their rows (which the JIT can
 * vectorize): for Z one axpy of a row of U per input entry, for G one axpy of the input row per
 * row and column into G^T; X is read once.
 */
final class PlainKernels implements SampleKernels, java.io.Serializable {
  private static final long serialVersionUID = 1L;
  static final PlainKernels INSTANCE = new PlainKernels();

  private PlainKernels() {}

  /** One instance per JVM, also when a portable pass carries it to another. */
  private Object readResolve() {
    return INSTANCE;
  }

  @Override
  public void project(double[] x, int xOffset, int rows, int d, double[] u, int m, double[] z,
      int zOffset) {
    checkRange(x, xOffset, rows, d, "x");
    for (int r = 0; r < rows; r++) {
      int row = xOffset + r * d;
      int out = zOffset + r * m;
      java.util.Arrays.fill(z, out, out + m, 0);
      for (int a = 0; a < d; a++) {
        double xa = x[row + a];
        int ua = a * m;
        for (int c = 0; c < m; c++) {
          z[out + c] += xa * u[ua + c];
        }
      }
    }
  }

  @Override
  public void scatter(double[] x, int xOffset, int rows, int d, double[] c, int cOffset, int m,
      double[] g) {
    checkRange(x, xOffset, rows, d, "x");
    double[] columns = new double[m * d]; // G^T, so that each row's axpy runs along d
    for (int r = 0; r < rows; r++) {
      int row = xOffset + r * d;
      for (int col = 0; col < m; col++) {
        double f = c[cOffset + r * m + col];
        int to = col * d;
        for (int a = 0; a < d; a++) {
          columns[to + a] += f * x[row + a];
        }
      }
    }
    for (int col = 0; col < m; col++) {
      for (int a = 0; a < d; a++) {
        g[a * m + col] += columns[col * d + a];
      }
    }
  }

  /** Refuses a row range that leaves the array (before any write). */
  static void checkRange(double[] x, int xOffset, int rows, int d, String name) {
    if (rows < 0 || d < 1 || xOffset < 0 || xOffset + (long) rows * d > x.length) {
      throw new IllegalArgumentException(rows + " rows of d = " + d + " from " + xOffset
          + " do not fit " + name + " (" + x.length + " entries); need rows >= 0, d >= 1");
    }
  }
}
