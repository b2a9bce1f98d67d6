package org.nnrecover.api;

/**
 * {@link SampleKernels} in plain loops: a dot product per entry of Z, and for G one axpy per row
 * and column into G^T (which the JIT vectorizes along the d entries of a row), reading X once.
 */
final class PlainKernels implements SampleKernels {
  static final PlainKernels INSTANCE = new PlainKernels();

  private PlainKernels() {}

  @Override
  public void project(double[] x, int xOffset, int rows, int d, double[] u, int m, double[] z,
      int zOffset) {
    checkRange(x, xOffset, rows, d, "x");
    for (int r = 0; r < rows; r++) {
      int row = xOffset + r * d;
      int out = zOffset + r * m;
      for (int c = 0; c < m; c++) {
        double s = 0;
        for (int a = 0; a < d; a++) {
          s += x[row + a] * u[a * m + c];
        }
        z[out + c] = s;
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
