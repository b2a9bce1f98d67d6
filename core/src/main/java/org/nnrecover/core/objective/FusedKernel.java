package org.nnrecover.core.objective;

import java.util.Arrays;
import org.nnrecover.api.Activation;

/**
 * The fused loss + gradient pass over one block of samples (METHOD.md section 2): for a tile of
 * samples that stays in cache, {@code Z = X W^T}, phi and phi' in one bulk call, the residuals, and
 * {@code G += C^T X} with {@code C = r v^T o phi'(Z)}, so X is read from memory once per
 * evaluation. Static and allocation-free; all scratch space is in a per-worker {@link Scratch}.
 *
 * <p>The products run in {@link VectorTiles} (SIMD register tiles) when the
 * {@code jdk.incubator.vector} module is loaded, else in {@link ScalarTiles}; both give the same
 * bits, so results depend neither on the machine, the JVM flags nor the thread count.
 */
public final class FusedKernel {
  private static final Tiles TILES = Tiles.BEST;

  private FusedKernel() {}

  /** Whether the SIMD implementation is in use (only speed depends on it, never the result). */
  public static boolean simd() {
    return !(TILES instanceof ScalarTiles);
  }

  /**
   * Starts compiling the SIMD tiles on a background thread (once per JVM), so that the first
   * passes of a run do not run them uncompiled; see {@link SimdWarmUp}. Call it before making the
   * samples.
   */
  public static void warmUp() {
    SimdWarmUp.start();
  }

  /** Per-worker scratch space for blocks of dimension d with k hidden units. */
  public static final class Scratch {
    final int d;
    final int k;
    final int kp;
    final int tile;
    final double[] wt;
    final double[] gt;
    final double[] z;
    final double[] phi;
    final double[] dphi;
    /** The residuals of a tile's samples. */
    final double[] res;
    /** v padded with zeros to kp. */
    final double[] vp;
    final double[] gv;
    /** Where {@link #touch} leaves its sum, so that the JIT cannot drop the reads. */
    private double sink;

    /** Scratch for dimension d and k hidden units (about 2 d kp + 3 * 256 kp doubles). */
    public Scratch(int d, int k) {
      if (d < 1 || k < 1) {
        throw new IllegalArgumentException("d and k must be >= 1, got d = " + d + ", k = " + k);
      }
      this.d = d;
      this.k = k;
      this.kp = TILES.padded(k);
      this.tile = Tiles.tileRows(d);
      this.wt = new double[d * kp];
      this.gt = new double[d * kp];
      this.z = new double[tile * kp];
      this.phi = new double[tile * kp];
      this.dphi = new double[tile * kp];
      this.res = new double[tile];
      this.vp = new double[kp];
      this.gv = new double[k];
    }

    private void check(int rows, int d, int k) {
      if (d != this.d || k != this.k) {
        throw new IllegalArgumentException("scratch is for d = " + this.d + ", k = " + this.k
            + ", got d = " + d + ", k = " + k);
      }
      if (rows < 0) {
        throw new IllegalArgumentException("rows must be >= 0, got " + rows);
      }
    }

    /** {@link Tiles#touch}, its sum kept. */
    void touch(double[] x, int from, int len) {
      sink += Tiles.touch(x, from, len);
    }

    /** W (k rows of d) transposed into d rows of kp, pad units zero. */
    private void loadWeights(double[] w) {
      for (int i = 0; i < k; i++) {
        for (int a = 0; a < d; a++) {
          wt[a * kp + i] = w[i * d + a];
        }
      }
    }
  }

  /**
   * Adds one block's unnormalized sums to {@code acc} (width k d + k + 1): the gradient in W
   * (entries [0, k d), w_i at i d) and in v (next k entries, only when {@code trainV}) when
   * {@code wantGradient}, and the sum of squared residuals (last entry).
   *
   * @param x inputs, {@code rows} rows of d from {@code xo}
   * @param y labels from {@code yo}
   * @param w k rows of d (from index 0)
   * @param v the k output weights (from index 0)
   */
  public static void accumulate(double[] x, int xo, double[] y, int yo, int rows, int d, int k,
      double[] w, double[] v, boolean trainV, boolean wantGradient, Activation activation,
      double[] acc, Scratch scratch) {
    scratch.check(rows, d, k);
    scratch.loadWeights(w);
    int kp = scratch.kp;
    double[] z = scratch.z;
    double[] phi = scratch.phi;
    double[] dphi = scratch.dphi;
    double[] res = scratch.res;
    double[] vp = scratch.vp;
    double[] gv = scratch.gv;
    System.arraycopy(v, 0, vp, 0, k);
    double loss = 0;
    for (int t = 0; t < rows; t += scratch.tile) {
      int m = Math.min(scratch.tile, rows - t);
      int txo = xo + t * d;
      scratch.touch(x, txo, m * d);
      TILES.forward(x, txo, m, d, kp, scratch.wt, z);
      activation.apply(z, 0, m * kp, phi, wantGradient ? dphi : null);
      // the coefficients go into z, which is not needed after the activation: one tile array
      // less in L1 (at d = 10 the x tile and the z, phi, dphi rows are about 80 KB)
      double[] coef = wantGradient ? z : null;
      loss = TILES.residuals(phi, dphi, y, yo + t, m, k, kp, vp, res, coef, loss);
      if (wantGradient && trainV) {
        for (int s = 0; s < m; s++) {
          int zo = s * kp;
          for (int i = 0; i < k; i++) {
            gv[i] += res[s] * phi[zo + i];
          }
        }
      }
      if (wantGradient) {
        TILES.backward(x, txo, m, d, kp, z, scratch.gt);
      }
    }
    if (wantGradient) {
      double[] gt = scratch.gt;
      for (int i = 0; i < k; i++) {
        for (int a = 0; a < d; a++) {
          acc[i * d + a] += gt[a * kp + i];
        }
      }
      Arrays.fill(gt, 0);
      if (trainV) {
        for (int i = 0; i < k; i++) {
          acc[k * d + i] += gv[i];
        }
        Arrays.fill(gv, 0);
      }
    }
    acc[acc.length - 1] += loss;
  }

  /**
   * The hidden pre-activations {@code z[s * k + i] = w_i . x_s} of {@code rows} samples with exactly
   * the arithmetic of {@link #accumulate}: labels computed from them give a loss of exactly zero at
   * the truth.
   */
  public static void hiddenInputs(double[] x, int xo, int rows, int d, int k, double[] w,
      double[] z, Scratch scratch) {
    scratch.check(rows, d, k);
    scratch.loadWeights(w);
    int kp = scratch.kp;
    for (int t = 0; t < rows; t += scratch.tile) {
      int m = Math.min(scratch.tile, rows - t);
      TILES.forward(x, xo + t * d, m, d, kp, scratch.wt, scratch.z);
      for (int s = 0; s < m; s++) {
        System.arraycopy(scratch.z, s * kp, z, (t + s) * k, k);
      }
    }
  }

  /** The network output {@code sum_i v_i phi[po + i]} in the order the objective sums it. */
  public static double predict(double[] phi, int po, double[] v, int k) {
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += v[i] * phi[po + i];
    }
    return sum;
  }
}
