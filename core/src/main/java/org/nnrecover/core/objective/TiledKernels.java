package org.nnrecover.core.objective;

import org.nnrecover.api.SampleKernels;

/**
 * The core's {@link SampleKernels}: the objective's register tiles ({@link Tiles}) on tiles of
 * {@link Tiles#tileRows} samples, each swept once ({@link Tiles#touch}) before the tiles walk it.
 * m is padded to a multiple of {@link Tiles#lanes} in per-call scratch (U, and C tile by tile),
 * so the copies cost O(d m + rows m) against the O(rows d m) products. Projections are FMA chains
 * over the d columns; scatters are FMA chains over each tile's samples, added to G tile by tile in
 * row order. With or without the Vector API module the bits are the same (the two {@link Tiles}
 * implementations are twins), and they depend only on the call's arguments.
 */
public final class TiledKernels implements SampleKernels, java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** The instance the core hands to plugins. */
  public static final TiledKernels INSTANCE = new TiledKernels(Tiles.BEST);

  private final transient Tiles tiles;
  /** Where the sweeps' sums go, so that the JIT keeps the reads (racy on purpose: never read). */
  private transient double sink;

  TiledKernels(Tiles tiles) {
    this.tiles = tiles;
  }

  /**
   * A portable pass carries its kernels to another JVM, which uses its own instance: its best
   * tiles give the same bits (the Vector API and scalar tiles are twins).
   */
  private Object readResolve() {
    return INSTANCE;
  }

  @Override
  public void project(double[] x, int xOffset, int rows, int d, double[] u, int m, double[] z,
      int zOffset) {
    check(x, xOffset, rows, d, m);
    int kp = tiles.padded(m);
    double[] ut = padColumns(u, d, m, kp);
    int tile = Tiles.tileRows(d);
    double[] zt = new double[Math.min(tile, rows) * kp];
    double swept = 0;
    for (int t = 0; t < rows; t += tile) {
      int count = Math.min(tile, rows - t);
      int from = xOffset + t * d;
      swept += Tiles.touch(x, from, count * d);
      tiles.forward(x, from, count, d, kp, ut, zt);
      for (int s = 0; s < count; s++) {
        System.arraycopy(zt, s * kp, z, zOffset + (t + s) * m, m);
      }
    }
    sink += swept;
  }

  @Override
  public void scatter(double[] x, int xOffset, int rows, int d, double[] c, int cOffset, int m,
      double[] g) {
    check(x, xOffset, rows, d, m);
    int kp = tiles.padded(m);
    int tile = Tiles.tileRows(d);
    double[] ct = new double[Math.min(tile, rows) * kp];
    double[] gt = new double[d * kp];
    double swept = 0;
    for (int t = 0; t < rows; t += tile) {
      int count = Math.min(tile, rows - t);
      int from = xOffset + t * d;
      swept += Tiles.touch(x, from, count * d);
      for (int s = 0; s < count; s++) {
        System.arraycopy(c, cOffset + (t + s) * m, ct, s * kp, m);
      }
      tiles.backward(x, from, count, d, kp, ct, gt);
    }
    for (int a = 0; a < d; a++) {
      for (int col = 0; col < m; col++) {
        g[a * m + col] += gt[a * kp + col];
      }
    }
    sink += swept;
  }

  /** The d x m row-major u as d rows of kp (pad entries zero); u itself when m == kp. */
  private static double[] padColumns(double[] u, int d, int m, int kp) {
    if (m == kp) {
      return u;
    }
    double[] out = new double[d * kp];
    for (int a = 0; a < d; a++) {
      System.arraycopy(u, a * m, out, a * kp, m);
    }
    return out;
  }

  private static void check(double[] x, int xOffset, int rows, int d, int m) {
    if (rows < 0 || d < 1 || m < 1 || xOffset < 0 || xOffset + (long) rows * d > x.length) {
      throw new IllegalArgumentException(rows + " rows of d = " + d + " from " + xOffset
          + " onto m = " + m + " columns do not fit x (" + x.length + " entries); need rows >= 0,"
          + " d >= 1, m >= 1");
    }
  }
}
