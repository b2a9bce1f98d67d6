package org.nnrecover.core.objective;

/**
 * {@link Tiles} in plain Java with {@link Math#fma}: the same operations in the same order as
 * {@link VectorTiles}, one lane at a time, so the results are bit-identical to it. Used when the
 * {@code jdk.incubator.vector} module is not loaded (for example {@code java -jar} without
 * {@code --add-modules}).
 */
final class ScalarTiles implements Tiles {

  /** Any kp works one lane at a time; 4 keeps the pad units, which cost time here, few. */
  @Override
  public int lanes() {
    return 4;
  }

  @Override
  public void coefficients(double[] res, int rows, int kp, double[] v, double[] dphi,
      double[] coef) {
    for (int s = 0; s < rows; s++) {
      for (int i = 0, p = s * kp; i < kp; i++, p++) {
        coef[p] = res[s] * v[i] * dphi[p];
      }
    }
  }

  @Override
  public void forward(double[] x, int xo, int rows, int d, int kp, double[] wt, double[] z) {
    for (int s = 0; s < rows; s++) {
      int row = xo + s * d;
      for (int i = 0; i < kp; i++) {
        double acc = 0;
        for (int a = 0; a < d; a++) {
          acc = Math.fma(x[row + a], wt[a * kp + i], acc);
        }
        z[s * kp + i] = acc;
      }
    }
  }

  @Override
  public void backward(double[] x, int xo, int rows, int d, int kp, double[] coef, double[] gt) {
    for (int a = 0; a < d; a++) {
      for (int i = 0; i < kp; i++) {
        double acc = 0;
        for (int s = 0; s < rows; s++) {
          acc = Math.fma(x[xo + s * d + a], coef[s * kp + i], acc);
        }
        gt[a * kp + i] += acc;
      }
    }
  }
}
