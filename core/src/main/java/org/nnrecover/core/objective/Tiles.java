package org.nnrecover.core.objective;

import java.util.Arrays;

/**
 * The two matrix products of the fused pass over one tile of samples, with the arithmetic fixed
 * lane by lane so that every implementation gives the same bits.
 *
 * <p>Layouts: x rows of length d at {@code xo + s * d}; {@code wt} and {@code gt} are d rows of
 * {@code kp} entries (kp = k rounded up to a multiple of {@link #lanes}, pad entries zero), unit i
 * of column a at {@code a * kp + i}; {@code z} and {@code coef} are tile rows of kp entries. The
 * padding depends on the implementation, never the bits of the k real units: each is its own
 * chain.
 *
 * <p>The contract both implementations follow exactly:
 * <ul>
 *   <li>forward: {@code z[s*kp+i] = fma(x_s[d-1], wt[d-1][i], ... fma(x_s[0], wt[0][i], 0))}, the
 *       chain in column order;
 *   <li>backward: {@code gt[a*kp+i] += fma(x_{rows-1}[a], coef[rows-1][i], ... fma(x_0[a],
 *       coef[0][i], 0))}, the chain over the tile's samples in order, added once.
 * </ul>
 */
interface Tiles {
  /** The x entries of one tile: about 128 KB, so the tile is still in L2 for the backward product. */
  int TILE_ENTRIES = 16384;

  /** The most samples in one tile. */
  int MAX_TILE = 256;

  /**
   * The implementation in use: {@link VectorTiles} when the {@code jdk.incubator.vector} module is
   * loaded, else {@link ScalarTiles}; both give the same bits.
   */
  Tiles BEST = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      ? new VectorTiles() : new ScalarTiles();

  /** Samples per tile for dimension d: a multiple of 4 (the register tile), fixed by d alone. */
  static int tileRows(int d) {
    return Math.max(4, Math.min(MAX_TILE, TILE_ENTRIES / d / 4 * 4));
  }

  /** Units per SIMD vector; kp must be a multiple of it. */
  int lanes();

  /** k rounded up to a multiple of {@link #lanes}. */
  default int padded(int k) {
    int lanes = lanes();
    return (k + lanes - 1) / lanes * lanes;
  }

  /**
   * Reads one entry per cache line of x[from, from + len) in one sequential sweep and returns their
   * sum (keep it, so that the JIT cannot drop the reads), so that a tile is in cache before the
   * register tiles walk it four rows at a time: the hardware prefetcher keeps up with one stream
   * far better than with the tiles' interleaved ones (measured at n = 200000, d = 100, k = 10:
   * 64 -> 47 ms on one thread).
   */
  static double touch(double[] x, int from, int len) {
    // four sums, so that the reads are not serialized by one chain of additions
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int end = from + len;
    int p = from;
    for (; p + 24 < end; p += 32) {
      s0 += x[p];
      s1 += x[p + 8];
      s2 += x[p + 16];
      s3 += x[p + 24];
    }
    for (; p < end; p += 8) {
      s0 += x[p];
    }
    return s0 + s1 + s2 + s3;
  }

  /**
   * The residuals of a tile and, when {@code coef} is not null, its coefficients: for each of its
   * rows s, {@code r = predict(phi_s) - y[yo + s]} ({@link FusedKernel#predict}),
   * {@code res[s] = r} and {@code coef[s*kp+i] = (r * v[i]) * dphi[s*kp+i]} for every i < kp
   * ({@code v} padded with zeros to kp); returns {@code loss} plus the r^2 added in row order.
   */
  default double residuals(double[] phi, double[] dphi, double[] y, int yo, int rows, int k, int kp,
      double[] v, double[] res, double[] coef, double loss) {
    // predict's sums (from 0, unit by unit in order), built unit by unit over the whole tile: the
    // same additions per sample, without a loop of k iterations per sample (at k = 5 that loop
    // cost about as much as the sums)
    Arrays.fill(res, 0, rows, 0.0);
    for (int i = 0; i < k; i++) {
      double vi = v[i];
      for (int s = 0, p = i; s < rows; s++, p += kp) {
        res[s] += vi * phi[p];
      }
    }
    for (int s = 0; s < rows; s++) {
      double r = res[s] - y[yo + s];
      loss += r * r;
      res[s] = r;
    }
    if (coef != null) {
      coefficients(res, rows, kp, v, dphi, coef);
    }
    return loss;
  }

  /** {@code coef[s*kp+i] = (res[s] * v[i]) * dphi[s*kp+i]} for the tile's rows s and i < kp. */
  void coefficients(double[] res, int rows, int kp, double[] v, double[] dphi, double[] coef);

  /** z for {@code rows} samples starting at x[xo]. */
  void forward(double[] x, int xo, int rows, int d, int kp, double[] wt, double[] z);

  /** Adds the tile's x^T coef to gt. */
  void backward(double[] x, int xo, int rows, int d, int kp, double[] coef, double[] gt);
}
