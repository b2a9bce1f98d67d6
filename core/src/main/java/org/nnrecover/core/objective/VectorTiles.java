package org.nnrecover.core.objective;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Tiles} with the JDK Vector API: units along the vector lanes, register tiles of R samples
 * (forward) or R columns (backward) times 3, 2 or 1 vectors, so every loaded x entry is broadcast
 * once and used for up to 3 vectors of units, and every loaded W or coefficient vector for R
 * samples or columns. With 512-bit vectors (AVX-512: 32 vector registers) R is 8, and 16 samples
 * for a single vector of units (k <= 8), whose short chains need many independent accumulators;
 * the backward uses 8 columns for at most 2 vectors of units (8 x 3 accumulators spill) and 4
 * otherwise. With 256-bit vectors (16 registers) R is 4. A last tile that does not fit overlaps
 * the one before it (only calls with fewer rows or columns than a tile use smaller tiles), so no
 * pass runs the one or two latency-bound chains of a tail. Units are covered by 3-vector tiles,
 * then 2-vector ones (4 vectors as 2 + 2), so a single-vector tile, which is bound by its loads,
 * is only used for a last odd vector or k <= 8.
 *
 * <p>The vector width is the machine's preferred one, 512 or 256 bits (512 where AVX-512 is
 * available: on this project's machine, a Zen 5 core with full-width 512-bit FMAs, the products
 * ran up to 2x faster than with 256 bits). The width does not change the bits: every lane is one
 * unit's own FMA chain, computed exactly as the {@link Tiles} contract fixes it, and only
 * lane-wise fused multiply-adds and additions are used (no cross-lane reductions, whose order the
 * API leaves open), so {@link ScalarTiles}, one lane at a time, reproduces them. Only k's padding
 * (to a multiple of the lane count) depends on the width, and pad units are zero lanes that
 * nothing reads back.
 */
final class VectorTiles implements Tiles {
  /**
   * 512 bits where the JIT compiles them (AVX-512), else 256. Never narrower: 256-bit vectors are
   * what this class was measured with on AVX2 machines.
   */
  private static final VectorSpecies<Double> S =
      DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512
          ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_256;

  /** Doubles per vector: 8 or 4. */
  private static final int L = S.length();

  /** Samples or columns per full register tile: 8 with AVX-512's 32 registers, else 4. */
  private static final int R = L == 8 ? 8 : 4;

  @Override
  public int lanes() {
    return L;
  }

  @Override
  public void coefficients(double[] res, int rows, int kp, double[] v, double[] dphi,
      double[] coef) {
    if (kp == L) {
      // one vector of units (k <= L): v loaded once for the tile
      DoubleVector v0 = DoubleVector.fromArray(S, v, 0);
      for (int s = 0, p = 0; s < rows; s++, p += L) {
        DoubleVector.broadcast(S, res[s]).mul(v0).mul(DoubleVector.fromArray(S, dphi, p))
            .intoArray(coef, p);
      }
      return;
    }
    for (int s = 0; s < rows; s++) {
      DoubleVector r = DoubleVector.broadcast(S, res[s]);
      for (int i = 0, p = s * kp; i < kp; i += L, p += L) {
        r.mul(DoubleVector.fromArray(S, v, i)).mul(DoubleVector.fromArray(S, dphi, p))
            .intoArray(coef, p);
      }
    }
  }

  @Override
  public void forward(double[] x, int xo, int rows, int d, int kp, double[] wt, double[] z) {
    // Each register tile writes whole z rows, so a last tile that overlaps the one before it
    // (when rows is not a multiple of its height) writes the same values again: no row tails.
    if (R == 8 && kp == L && rows >= 16) {
      // one vector of units: 16 samples, so that 16 independent chains hide the FMA latency
      for (int s = 0; s < rows; s += 16) {
        int start = Math.min(s, rows - 16);
        forward16x1(x, xo + start * d, d, kp, wt, 0, z, start * kp);
      }
    } else if (R == 8 && rows >= 8) {
      for (int s = 0; s < rows; s += 8) {
        int start = Math.min(s, rows - 8);
        forwardRows8(x, xo + start * d, d, kp, wt, z, start * kp);
      }
    } else if (rows >= 4) {
      for (int s = 0; s < rows; s += 4) {
        int start = Math.min(s, rows - 4);
        forwardRows4(x, xo + start * d, d, kp, wt, z, start * kp);
      }
    } else {
      for (int s = 0; s < rows; s++) {
        int r0 = xo + s * d;
        for (int i = 0; i < kp; i += L) {
          DoubleVector a0 = DoubleVector.zero(S);
          for (int a = 0, wo = i; a < d; a++, wo += kp) {
            a0 = DoubleVector.broadcast(S, x[r0 + a]).fma(DoubleVector.fromArray(S, wt, wo), a0);
          }
          a0.intoArray(z, s * kp + i);
        }
      }
    }
  }

  /** 8 samples from x[r0], all units: 3-vector tiles, then 2-vector ones, then a last vector. */
  private static void forwardRows8(double[] x, int r0, int d, int kp, double[] wt, double[] z,
      int zo) {
    int i = 0;
    for (; kp - i >= 3 * L && kp - i != 4 * L; i += 3 * L) {
      forward8x3(x, r0, d, kp, wt, i, z, zo + i);
    }
    for (; i + 2 * L <= kp; i += 2 * L) {
      forward8x2(x, r0, d, kp, wt, i, z, zo + i);
    }
    if (i < kp) {
      forward8x1(x, r0, d, kp, wt, i, z, zo + i);
    }
  }

  /** {@link #forwardRows8} for 4 samples. */
  private static void forwardRows4(double[] x, int r0, int d, int kp, double[] wt, double[] z,
      int zo) {
    int i = 0;
    for (; kp - i >= 3 * L && kp - i != 4 * L; i += 3 * L) {
      forward4x3(x, r0, d, kp, wt, i, z, zo + i);
    }
    for (; i + 2 * L <= kp; i += 2 * L) {
      forward4x2(x, r0, d, kp, wt, i, z, zo + i);
    }
    if (i < kp) {
      forward4x1(x, r0, d, kp, wt, i, z, zo + i);
    }
  }

  @Override
  public void backward(double[] x, int xo, int rows, int d, int kp, double[] coef, double[] gt) {
    // gt is added to, so a last column tile that overlaps the one before it skips the columns
    // that tile already added (their chains are the same): no column tails, whose one or two
    // chains per pass would be bound by the FMA latency
    if (R == 8 && d >= 8 && kp <= 2 * L) {
      // 8-column tiles only for 1 or 2 vectors of units: 8 x 3 accumulators spill in this loop
      // (measured 1.8x slower than 4-column tiles at d = 1000, k = 50)
      for (int a = 0; a < d; a += 8) {
        int start = Math.min(a, d - 8);
        columns8(x, xo + start, rows, d, kp, coef, gt, start * kp, a - start);
      }
    } else if (d >= 4) {
      for (int a = 0; a < d; a += 4) {
        int start = Math.min(a, d - 4);
        columns4(x, xo + start, rows, d, kp, coef, gt, start * kp, a - start);
      }
    } else {
      for (int a = 0; a < d; a++) {
        backwardColumn(x, xo + a, rows, d, kp, coef, gt, a * kp);
      }
    }
  }

  /** 8 columns from x[col0], all (1 or 2) vectors of units, the first {@code skip} not added. */
  private static void columns8(double[] x, int col0, int rows, int d, int kp, double[] coef,
      double[] gt, int go, int skip) {
    if (kp == L) {
      backward8x1(x, col0, rows, d, kp, coef, 0, gt, go, skip);
    } else {
      backward8x2(x, col0, rows, d, kp, coef, 0, gt, go, skip);
    }
  }

  /** 4 columns from x[col0], all units, the first {@code skip} columns not added. */
  private static void columns4(double[] x, int col0, int rows, int d, int kp, double[] coef,
      double[] gt, int go, int skip) {
    int i = 0;
    for (; kp - i >= 3 * L && kp - i != 4 * L; i += 3 * L) {
      backward4x3(x, col0, rows, d, kp, coef, i, gt, go + i, skip);
    }
    for (; i + 2 * L <= kp; i += 2 * L) {
      backward4x2(x, col0, rows, d, kp, coef, i, gt, go + i, skip);
    }
    if (i < kp) {
      backward4x1(x, col0, rows, d, kp, coef, i, gt, go + i, skip);
    }
  }

  /**
   * One column when d < 4: 2 vectors per pass over the samples, so that two independent chains
   * hide part of the FMA latency (one chain per pass was twice as slow at d = 10).
   */
  private static void backwardColumn(double[] x, int col, int rows, int d, int kp, double[] coef,
      double[] gt, int go) {
    int i = 0;
    for (; i + 2 * L <= kp; i += 2 * L) {
      DoubleVector a0 = DoubleVector.zero(S);
      DoubleVector a1 = a0;
      for (int s = 0, row = col, co = i; s < rows; s++, row += d, co += kp) {
        DoubleVector x0 = DoubleVector.broadcast(S, x[row]);
        a0 = x0.fma(DoubleVector.fromArray(S, coef, co), a0);
        a1 = x0.fma(DoubleVector.fromArray(S, coef, co + L), a1);
      }
      addInto(gt, go + i, a0);
      addInto(gt, go + i + L, a1);
    }
    if (i < kp) {
      DoubleVector a0 = DoubleVector.zero(S);
      for (int s = 0, row = col, co = i; s < rows; s++, row += d, co += kp) {
        a0 = DoubleVector.broadcast(S, x[row]).fma(DoubleVector.fromArray(S, coef, co), a0);
      }
      addInto(gt, go + i, a0);
    }
  }

  /** z of 16 samples (rows from x[r0], d apart) for the vector of units from i, written at zo. */
  private static void forward16x1(double[] x, int r0, int d, int kp, double[] wt, int i, double[] z,
      int zo) {
    DoubleVector zero = DoubleVector.zero(S);
    DoubleVector a00 = zero;
    DoubleVector a10 = zero;
    DoubleVector a20 = zero;
    DoubleVector a30 = zero;
    DoubleVector a40 = zero;
    DoubleVector a50 = zero;
    DoubleVector a60 = zero;
    DoubleVector a70 = zero;
    DoubleVector a80 = zero;
    DoubleVector a90 = zero;
    DoubleVector a100 = zero;
    DoubleVector a110 = zero;
    DoubleVector a120 = zero;
    DoubleVector a130 = zero;
    DoubleVector a140 = zero;
    DoubleVector a150 = zero;
    for (int a = 0, wo = i, xr = r0; a < d; a++, wo += kp, xr++) {
      DoubleVector w0 = DoubleVector.fromArray(S, wt, wo);
      DoubleVector x0 = DoubleVector.broadcast(S, x[xr]);
      a00 = x0.fma(w0, a00);
      DoubleVector x1 = DoubleVector.broadcast(S, x[xr + d]);
      a10 = x1.fma(w0, a10);
      DoubleVector x2 = DoubleVector.broadcast(S, x[xr + 2 * d]);
      a20 = x2.fma(w0, a20);
      DoubleVector x3 = DoubleVector.broadcast(S, x[xr + 3 * d]);
      a30 = x3.fma(w0, a30);
      DoubleVector x4 = DoubleVector.broadcast(S, x[xr + 4 * d]);
      a40 = x4.fma(w0, a40);
      DoubleVector x5 = DoubleVector.broadcast(S, x[xr + 5 * d]);
      a50 = x5.fma(w0, a50);
      DoubleVector x6 = DoubleVector.broadcast(S, x[xr + 6 * d]);
      a60 = x6.fma(w0, a60);
      DoubleVector x7 = DoubleVector.broadcast(S, x[xr + 7 * d]);
      a70 = x7.fma(w0, a70);
      DoubleVector x8 = DoubleVector.broadcast(S, x[xr + 8 * d]);
      a80 = x8.fma(w0, a80);
      DoubleVector x9 = DoubleVector.broadcast(S, x[xr + 9 * d]);
      a90 = x9.fma(w0, a90);
      DoubleVector x10 = DoubleVector.broadcast(S, x[xr + 10 * d]);
      a100 = x10.fma(w0, a100);
      DoubleVector x11 = DoubleVector.broadcast(S, x[xr + 11 * d]);
      a110 = x11.fma(w0, a110);
      DoubleVector x12 = DoubleVector.broadcast(S, x[xr + 12 * d]);
      a120 = x12.fma(w0, a120);
      DoubleVector x13 = DoubleVector.broadcast(S, x[xr + 13 * d]);
      a130 = x13.fma(w0, a130);
      DoubleVector x14 = DoubleVector.broadcast(S, x[xr + 14 * d]);
      a140 = x14.fma(w0, a140);
      DoubleVector x15 = DoubleVector.broadcast(S, x[xr + 15 * d]);
      a150 = x15.fma(w0, a150);
    }
    a00.intoArray(z, zo);
    a10.intoArray(z, zo + kp);
    a20.intoArray(z, zo + 2 * kp);
    a30.intoArray(z, zo + 3 * kp);
    a40.intoArray(z, zo + 4 * kp);
    a50.intoArray(z, zo + 5 * kp);
    a60.intoArray(z, zo + 6 * kp);
    a70.intoArray(z, zo + 7 * kp);
    a80.intoArray(z, zo + 8 * kp);
    a90.intoArray(z, zo + 9 * kp);
    a100.intoArray(z, zo + 10 * kp);
    a110.intoArray(z, zo + 11 * kp);
    a120.intoArray(z, zo + 12 * kp);
    a130.intoArray(z, zo + 13 * kp);
    a140.intoArray(z, zo + 14 * kp);
    a150.intoArray(z, zo + 15 * kp);
  }

  /** z of 8 samples (rows from x[r0], d apart) for the 3 vectors of units from i, written at zo. */
  private static void forward8x3(double[] x, int r0, int d, int kp, double[] wt, int i, double[] z,
      int zo) {
    DoubleVector zero = DoubleVector.zero(S);
    DoubleVector a00 = zero;
    DoubleVector a01 = zero;
    DoubleVector a02 = zero;
    DoubleVector a10 = zero;
    DoubleVector a11 = zero;
    DoubleVector a12 = zero;
    DoubleVector a20 = zero;
    DoubleVector a21 = zero;
    DoubleVector a22 = zero;
    DoubleVector a30 = zero;
    DoubleVector a31 = zero;
    DoubleVector a32 = zero;
    DoubleVector a40 = zero;
    DoubleVector a41 = zero;
    DoubleVector a42 = zero;
    DoubleVector a50 = zero;
    DoubleVector a51 = zero;
    DoubleVector a52 = zero;
    DoubleVector a60 = zero;
    DoubleVector a61 = zero;
    DoubleVector a62 = zero;
    DoubleVector a70 = zero;
    DoubleVector a71 = zero;
    DoubleVector a72 = zero;
    for (int a = 0, wo = i, xr = r0; a < d; a++, wo += kp, xr++) {
      DoubleVector w0 = DoubleVector.fromArray(S, wt, wo);
      DoubleVector w1 = DoubleVector.fromArray(S, wt, wo + L);
      DoubleVector w2 = DoubleVector.fromArray(S, wt, wo + 2 * L);
      DoubleVector x0 = DoubleVector.broadcast(S, x[xr]);
      a00 = x0.fma(w0, a00);
      a01 = x0.fma(w1, a01);
      a02 = x0.fma(w2, a02);
      DoubleVector x1 = DoubleVector.broadcast(S, x[xr + d]);
      a10 = x1.fma(w0, a10);
      a11 = x1.fma(w1, a11);
      a12 = x1.fma(w2, a12);
      DoubleVector x2 = DoubleVector.broadcast(S, x[xr + 2 * d]);
      a20 = x2.fma(w0, a20);
      a21 = x2.fma(w1, a21);
      a22 = x2.fma(w2, a22);
      DoubleVector x3 = DoubleVector.broadcast(S, x[xr + 3 * d]);
      a30 = x3.fma(w0, a30);
      a31 = x3.fma(w1, a31);
      a32 = x3.fma(w2, a32);
      DoubleVector x4 = DoubleVector.broadcast(S, x[xr + 4 * d]);
      a40 = x4.fma(w0, a40);
      a41 = x4.fma(w1, a41);
      a42 = x4.fma(w2, a42);
      DoubleVector x5 = DoubleVector.broadcast(S, x[xr + 5 * d]);
      a50 = x5.fma(w0, a50);
      a51 = x5.fma(w1, a51);
      a52 = x5.fma(w2, a52);
      DoubleVector x6 = DoubleVector.broadcast(S, x[xr + 6 * d]);
      a60 = x6.fma(w0, a60);
      a61 = x6.fma(w1, a61);
      a62 = x6.fma(w2, a62);
      DoubleVector x7 = DoubleVector.broadcast(S, x[xr + 7 * d]);
      a70 = x7.fma(w0, a70);
      a71 = x7.fma(w1, a71);
      a72 = x7.fma(w2, a72);
    }
    a00.intoArray(z, zo);
    a01.intoArray(z, zo + L);
    a02.intoArray(z, zo + 2 * L);
    a10.intoArray(z, zo + kp);
    a11.intoArray(z, zo + kp + L);
    a12.intoArray(z, zo + kp + 2 * L);
    a20.intoArray(z, zo + 2 * kp);
    a21.intoArray(z, zo + 2 * kp + L);
    a22.intoArray(z, zo + 2 * kp + 2 * L);
    a30.intoArray(z, zo + 3 * kp);
    a31.intoArray(z, zo + 3 * kp + L);
    a32.intoArray(z, zo + 3 * kp + 2 * L);
    a40.intoArray(z, zo + 4 * kp);
    a41.intoArray(z, zo + 4 * kp + L);
    a42.intoArray(z, zo + 4 * kp + 2 * L);
    a50.intoArray(z, zo + 5 * kp);
    a51.intoArray(z, zo + 5 * kp + L);
    a52.intoArray(z, zo + 5 * kp + 2 * L);
    a60.intoArray(z, zo + 6 * kp);
    a61.intoArray(z, zo + 6 * kp + L);
    a62.intoArray(z, zo + 6 * kp + 2 * L);
    a70.intoArray(z, zo + 7 * kp);
    a71.intoArray(z, zo + 7 * kp + L);
    a72.intoArray(z, zo + 7 * kp + 2 * L);
  }

  /** z of 8 samples (rows from x[r0], d apart) for the 2 vectors of units from i, written at zo. */
  private static void forward8x2(double[] x, int r0, int d, int kp, double[] wt, int i, double[] z,
      int zo) {
    DoubleVector zero = DoubleVector.zero(S);
    DoubleVector a00 = zero;
    DoubleVector a01 = zero;
    DoubleVector a10 = zero;
    DoubleVector a11 = zero;
    DoubleVector a20 = zero;
    DoubleVector a21 = zero;
    DoubleVector a30 = zero;
    DoubleVector a31 = zero;
    DoubleVector a40 = zero;
    DoubleVector a41 = zero;
    DoubleVector a50 = zero;
    DoubleVector a51 = zero;
    DoubleVector a60 = zero;
    DoubleVector a61 = zero;
    DoubleVector a70 = zero;
    DoubleVector a71 = zero;
    for (int a = 0, wo = i, xr = r0; a < d; a++, wo += kp, xr++) {
      DoubleVector w0 = DoubleVector.fromArray(S, wt, wo);
      DoubleVector w1 = DoubleVector.fromArray(S, wt, wo + L);
      DoubleVector x0 = DoubleVector.broadcast(S, x[xr]);
      a00 = x0.fma(w0, a00);
      a01 = x0.fma(w1, a01);
      DoubleVector x1 = DoubleVector.broadcast(S, x[xr + d]);
      a10 = x1.fma(w0, a10);
      a11 = x1.fma(w1, a11);
      DoubleVector x2 = DoubleVector.broadcast(S, x[xr + 2 * d]);
      a20 = x2.fma(w0, a20);
      a21 = x2.fma(w1, a21);
      DoubleVector x3 = DoubleVector.broadcast(S, x[xr + 3 * d]);
      a30 = x3.fma(w0, a30);
      a31 = x3.fma(w1, a31);
      DoubleVector x4 = DoubleVector.broadcast(S, x[xr + 4 * d]);
      a40 = x4.fma(w0, a40);
      a41 = x4.fma(w1, a41);
      DoubleVector x5 = DoubleVector.broadcast(S, x[xr + 5 * d]);
      a50 = x5.fma(w0, a50);
      a51 = x5.fma(w1, a51);
      DoubleVector x6 = DoubleVector.broadcast(S, x[xr + 6 * d]);
      a60 = x6.fma(w0, a60);
      a61 = x6.fma(w1, a61);
      DoubleVector x7 = DoubleVector.broadcast(S, x[xr + 7 * d]);
      a70 = x7.fma(w0, a70);
      a71 = x7.fma(w1, a71);
    }
    a00.intoArray(z, zo);
    a01.intoArray(z, zo + L);
    a10.intoArray(z, zo + kp);
    a11.intoArray(z, zo + kp + L);
    a20.intoArray(z, zo + 2 * kp);
    a21.intoArray(z, zo + 2 * kp + L);
    a30.intoArray(z, zo + 3 * kp);
    a31.intoArray(z, zo + 3 * kp + L);
    a40.intoArray(z, zo + 4 * kp);
    a41.intoArray(z, zo + 4 * kp + L);
    a50.intoArray(z, zo + 5 * kp);
    a51.intoArray(z, zo + 5 * kp + L);
    a60.intoArray(z, zo + 6 * kp);
    a61.intoArray(z, zo + 6 * kp + L);
    a70.intoArray(z, zo + 7 * kp);
    a71.intoArray(z, zo + 7 * kp + L);
  }

  /** z of 8 samples (rows from x[r0], d apart) for the vector of units from i, written at zo. */
  private static void forward8x1(double[] x, int r0, int d, int kp, double[] wt, int i, double[] z,
      int zo) {
    DoubleVector zero = DoubleVector.zero(S);
    DoubleVector a00 = zero;
    DoubleVector a10 = zero;
    DoubleVector a20 = zero;
    DoubleVector a30 = zero;
    DoubleVector a40 = zero;
    DoubleVector a50 = zero;
    DoubleVector a60 = zero;
    DoubleVector a70 = zero;
    for (int a = 0, wo = i, xr = r0; a < d; a++, wo += kp, xr++) {
      DoubleVector w0 = DoubleVector.fromArray(S, wt, wo);
      DoubleVector x0 = DoubleVector.broadcast(S, x[xr]);
      a00 = x0.fma(w0, a00);
      DoubleVector x1 = DoubleVector.broadcast(S, x[xr + d]);
      a10 = x1.fma(w0, a10);
      DoubleVector x2 = DoubleVector.broadcast(S, x[xr + 2 * d]);
      a20 = x2.fma(w0, a20);
      DoubleVector x3 = DoubleVector.broadcast(S, x[xr + 3 * d]);
      a30 = x3.fma(w0, a30);
      DoubleVector x4 = DoubleVector.broadcast(S, x[xr + 4 * d]);
      a40 = x4.fma(w0, a40);
      DoubleVector x5 = DoubleVector.broadcast(S, x[xr + 5 * d]);
      a50 = x5.fma(w0, a50);
      DoubleVector x6 = DoubleVector.broadcast(S, x[xr + 6 * d]);
      a60 = x6.fma(w0, a60);
      DoubleVector x7 = DoubleVector.broadcast(S, x[xr + 7 * d]);
      a70 = x7.fma(w0, a70);
    }
    a00.intoArray(z, zo);
    a10.intoArray(z, zo + kp);
    a20.intoArray(z, zo + 2 * kp);
    a30.intoArray(z, zo + 3 * kp);
    a40.intoArray(z, zo + 4 * kp);
    a50.intoArray(z, zo + 5 * kp);
    a60.intoArray(z, zo + 6 * kp);
    a70.intoArray(z, zo + 7 * kp);
  }

  /** z of 4 samples (rows from x[r0], d apart) for the 3 vectors of units from i, written at zo. */
  private static void forward4x3(double[] x, int r0, int d, int kp, double[] wt, int i, double[] z,
      int zo) {
    DoubleVector zero = DoubleVector.zero(S);
    DoubleVector a00 = zero;
    DoubleVector a01 = zero;
    DoubleVector a02 = zero;
    DoubleVector a10 = zero;
    DoubleVector a11 = zero;
    DoubleVector a12 = zero;
    DoubleVector a20 = zero;
    DoubleVector a21 = zero;
    DoubleVector a22 = zero;
    DoubleVector a30 = zero;
    DoubleVector a31 = zero;
    DoubleVector a32 = zero;
    for (int a = 0, wo = i, xr = r0; a < d; a++, wo += kp, xr++) {
      DoubleVector w0 = DoubleVector.fromArray(S, wt, wo);
      DoubleVector w1 = DoubleVector.fromArray(S, wt, wo + L);
      DoubleVector w2 = DoubleVector.fromArray(S, wt, wo + 2 * L);
      DoubleVector x0 = DoubleVector.broadcast(S, x[xr]);
      a00 = x0.fma(w0, a00);
      a01 = x0.fma(w1, a01);
      a02 = x0.fma(w2, a02);
      DoubleVector x1 = DoubleVector.broadcast(S, x[xr + d]);
      a10 = x1.fma(w0, a10);
      a11 = x1.fma(w1, a11);
      a12 = x1.fma(w2, a12);
      DoubleVector x2 = DoubleVector.broadcast(S, x[xr + 2 * d]);
      a20 = x2.fma(w0, a20);
      a21 = x2.fma(w1, a21);
      a22 = x2.fma(w2, a22);
      DoubleVector x3 = DoubleVector.broadcast(S, x[xr + 3 * d]);
      a30 = x3.fma(w0, a30);
      a31 = x3.fma(w1, a31);
      a32 = x3.fma(w2, a32);
    }
    a00.intoArray(z, zo);
    a01.intoArray(z, zo + L);
    a02.intoArray(z, zo + 2 * L);
    a10.intoArray(z, zo + kp);
    a11.intoArray(z, zo + kp + L);
    a12.intoArray(z, zo + kp + 2 * L);
    a20.intoArray(z, zo + 2 * kp);
    a21.intoArray(z, zo + 2 * kp + L);
    a22.intoArray(z, zo + 2 * kp + 2 * L);
    a30.intoArray(z, zo + 3 * kp);
    a31.intoArray(z, zo + 3 * kp + L);
    a32.intoArray(z, zo + 3 * kp + 2 * L);
  }

  /** z of 4 samples (rows from x[r0], d apart) for the 2 vectors of units from i, written at zo. */
  private static void forward4x2(double[] x, int r0, int d, int kp, double[] wt, int i, double[] z,
      int zo) {
    DoubleVector zero = DoubleVector.zero(S);
    DoubleVector a00 = zero;
    DoubleVector a01 = zero;
    DoubleVector a10 = zero;
    DoubleVector a11 = zero;
    DoubleVector a20 = zero;
    DoubleVector a21 = zero;
    DoubleVector a30 = zero;
    DoubleVector a31 = zero;
    for (int a = 0, wo = i, xr = r0; a < d; a++, wo += kp, xr++) {
      DoubleVector w0 = DoubleVector.fromArray(S, wt, wo);
      DoubleVector w1 = DoubleVector.fromArray(S, wt, wo + L);
      DoubleVector x0 = DoubleVector.broadcast(S, x[xr]);
      a00 = x0.fma(w0, a00);
      a01 = x0.fma(w1, a01);
      DoubleVector x1 = DoubleVector.broadcast(S, x[xr + d]);
      a10 = x1.fma(w0, a10);
      a11 = x1.fma(w1, a11);
      DoubleVector x2 = DoubleVector.broadcast(S, x[xr + 2 * d]);
      a20 = x2.fma(w0, a20);
      a21 = x2.fma(w1, a21);
      DoubleVector x3 = DoubleVector.broadcast(S, x[xr + 3 * d]);
      a30 = x3.fma(w0, a30);
      a31 = x3.fma(w1, a31);
    }
    a00.intoArray(z, zo);
    a01.intoArray(z, zo + L);
    a10.intoArray(z, zo + kp);
    a11.intoArray(z, zo + kp + L);
    a20.intoArray(z, zo + 2 * kp);
    a21.intoArray(z, zo + 2 * kp + L);
    a30.intoArray(z, zo + 3 * kp);
    a31.intoArray(z, zo + 3 * kp + L);
  }

  /** z of 4 samples (rows from x[r0], d apart) for the vector of units from i, written at zo. */
  private static void forward4x1(double[] x, int r0, int d, int kp, double[] wt, int i, double[] z,
      int zo) {
    DoubleVector zero = DoubleVector.zero(S);
    DoubleVector a00 = zero;
    DoubleVector a10 = zero;
    DoubleVector a20 = zero;
    DoubleVector a30 = zero;
    for (int a = 0, wo = i, xr = r0; a < d; a++, wo += kp, xr++) {
      DoubleVector w0 = DoubleVector.fromArray(S, wt, wo);
      DoubleVector x0 = DoubleVector.broadcast(S, x[xr]);
      a00 = x0.fma(w0, a00);
      DoubleVector x1 = DoubleVector.broadcast(S, x[xr + d]);
      a10 = x1.fma(w0, a10);
      DoubleVector x2 = DoubleVector.broadcast(S, x[xr + 2 * d]);
      a20 = x2.fma(w0, a20);
      DoubleVector x3 = DoubleVector.broadcast(S, x[xr + 3 * d]);
      a30 = x3.fma(w0, a30);
    }
    a00.intoArray(z, zo);
    a10.intoArray(z, zo + kp);
    a20.intoArray(z, zo + 2 * kp);
    a30.intoArray(z, zo + 3 * kp);
  }

  /**
   * Adds x^T coef for 8 columns (from x[col0]) and the 2 vectors of units from i to gt at go,
   * except for the first {@code skip} columns (already added by an overlapping tile).
   */
  private static void backward8x2(double[] x, int col0, int rows, int d, int kp, double[] coef,
      int i, double[] gt, int go, int skip) {
    DoubleVector zero = DoubleVector.zero(S);
    DoubleVector a00 = zero;
    DoubleVector a01 = zero;
    DoubleVector a10 = zero;
    DoubleVector a11 = zero;
    DoubleVector a20 = zero;
    DoubleVector a21 = zero;
    DoubleVector a30 = zero;
    DoubleVector a31 = zero;
    DoubleVector a40 = zero;
    DoubleVector a41 = zero;
    DoubleVector a50 = zero;
    DoubleVector a51 = zero;
    DoubleVector a60 = zero;
    DoubleVector a61 = zero;
    DoubleVector a70 = zero;
    DoubleVector a71 = zero;
    for (int s = 0, row = col0, co = i; s < rows; s++, row += d, co += kp) {
      DoubleVector c0 = DoubleVector.fromArray(S, coef, co);
      DoubleVector c1 = DoubleVector.fromArray(S, coef, co + L);
      DoubleVector x0 = DoubleVector.broadcast(S, x[row]);
      a00 = x0.fma(c0, a00);
      a01 = x0.fma(c1, a01);
      DoubleVector x1 = DoubleVector.broadcast(S, x[row + 1]);
      a10 = x1.fma(c0, a10);
      a11 = x1.fma(c1, a11);
      DoubleVector x2 = DoubleVector.broadcast(S, x[row + 2]);
      a20 = x2.fma(c0, a20);
      a21 = x2.fma(c1, a21);
      DoubleVector x3 = DoubleVector.broadcast(S, x[row + 3]);
      a30 = x3.fma(c0, a30);
      a31 = x3.fma(c1, a31);
      DoubleVector x4 = DoubleVector.broadcast(S, x[row + 4]);
      a40 = x4.fma(c0, a40);
      a41 = x4.fma(c1, a41);
      DoubleVector x5 = DoubleVector.broadcast(S, x[row + 5]);
      a50 = x5.fma(c0, a50);
      a51 = x5.fma(c1, a51);
      DoubleVector x6 = DoubleVector.broadcast(S, x[row + 6]);
      a60 = x6.fma(c0, a60);
      a61 = x6.fma(c1, a61);
      DoubleVector x7 = DoubleVector.broadcast(S, x[row + 7]);
      a70 = x7.fma(c0, a70);
      a71 = x7.fma(c1, a71);
    }
    addInto(gt, go, a00, skip <= 0);
    addInto(gt, go + L, a01, skip <= 0);
    addInto(gt, go + kp, a10, skip <= 1);
    addInto(gt, go + kp + L, a11, skip <= 1);
    addInto(gt, go + 2 * kp, a20, skip <= 2);
    addInto(gt, go + 2 * kp + L, a21, skip <= 2);
    addInto(gt, go + 3 * kp, a30, skip <= 3);
    addInto(gt, go + 3 * kp + L, a31, skip <= 3);
    addInto(gt, go + 4 * kp, a40, skip <= 4);
    addInto(gt, go + 4 * kp + L, a41, skip <= 4);
    addInto(gt, go + 5 * kp, a50, skip <= 5);
    addInto(gt, go + 5 * kp + L, a51, skip <= 5);
    addInto(gt, go + 6 * kp, a60, skip <= 6);
    addInto(gt, go + 6 * kp + L, a61, skip <= 6);
    addInto(gt, go + 7 * kp, a70, skip <= 7);
    addInto(gt, go + 7 * kp + L, a71, skip <= 7);
  }

  /**
   * Adds x^T coef for 8 columns (from x[col0]) and the vector of units from i to gt at go,
   * except for the first {@code skip} columns (already added by an overlapping tile).
   */
  private static void backward8x1(double[] x, int col0, int rows, int d, int kp, double[] coef,
      int i, double[] gt, int go, int skip) {
    DoubleVector zero = DoubleVector.zero(S);
    DoubleVector a00 = zero;
    DoubleVector a10 = zero;
    DoubleVector a20 = zero;
    DoubleVector a30 = zero;
    DoubleVector a40 = zero;
    DoubleVector a50 = zero;
    DoubleVector a60 = zero;
    DoubleVector a70 = zero;
    for (int s = 0, row = col0, co = i; s < rows; s++, row += d, co += kp) {
      DoubleVector c0 = DoubleVector.fromArray(S, coef, co);
      DoubleVector x0 = DoubleVector.broadcast(S, x[row]);
      a00 = x0.fma(c0, a00);
      DoubleVector x1 = DoubleVector.broadcast(S, x[row + 1]);
      a10 = x1.fma(c0, a10);
      DoubleVector x2 = DoubleVector.broadcast(S, x[row + 2]);
      a20 = x2.fma(c0, a20);
      DoubleVector x3 = DoubleVector.broadcast(S, x[row + 3]);
      a30 = x3.fma(c0, a30);
      DoubleVector x4 = DoubleVector.broadcast(S, x[row + 4]);
      a40 = x4.fma(c0, a40);
      DoubleVector x5 = DoubleVector.broadcast(S, x[row + 5]);
      a50 = x5.fma(c0, a50);
      DoubleVector x6 = DoubleVector.broadcast(S, x[row + 6]);
      a60 = x6.fma(c0, a60);
      DoubleVector x7 = DoubleVector.broadcast(S, x[row + 7]);
      a70 = x7.fma(c0, a70);
    }
    addInto(gt, go, a00, skip <= 0);
    addInto(gt, go + kp, a10, skip <= 1);
    addInto(gt, go + 2 * kp, a20, skip <= 2);
    addInto(gt, go + 3 * kp, a30, skip <= 3);
    addInto(gt, go + 4 * kp, a40, skip <= 4);
    addInto(gt, go + 5 * kp, a50, skip <= 5);
    addInto(gt, go + 6 * kp, a60, skip <= 6);
    addInto(gt, go + 7 * kp, a70, skip <= 7);
  }

  /**
   * Adds x^T coef for 4 columns (from x[col0]) and the 3 vectors of units from i to gt at go,
   * except for the first {@code skip} columns (already added by an overlapping tile).
   */
  private static void backward4x3(double[] x, int col0, int rows, int d, int kp, double[] coef,
      int i, double[] gt, int go, int skip) {
    DoubleVector zero = DoubleVector.zero(S);
    DoubleVector a00 = zero;
    DoubleVector a01 = zero;
    DoubleVector a02 = zero;
    DoubleVector a10 = zero;
    DoubleVector a11 = zero;
    DoubleVector a12 = zero;
    DoubleVector a20 = zero;
    DoubleVector a21 = zero;
    DoubleVector a22 = zero;
    DoubleVector a30 = zero;
    DoubleVector a31 = zero;
    DoubleVector a32 = zero;
    for (int s = 0, row = col0, co = i; s < rows; s++, row += d, co += kp) {
      DoubleVector c0 = DoubleVector.fromArray(S, coef, co);
      DoubleVector c1 = DoubleVector.fromArray(S, coef, co + L);
      DoubleVector c2 = DoubleVector.fromArray(S, coef, co + 2 * L);
      DoubleVector x0 = DoubleVector.broadcast(S, x[row]);
      a00 = x0.fma(c0, a00);
      a01 = x0.fma(c1, a01);
      a02 = x0.fma(c2, a02);
      DoubleVector x1 = DoubleVector.broadcast(S, x[row + 1]);
      a10 = x1.fma(c0, a10);
      a11 = x1.fma(c1, a11);
      a12 = x1.fma(c2, a12);
      DoubleVector x2 = DoubleVector.broadcast(S, x[row + 2]);
      a20 = x2.fma(c0, a20);
      a21 = x2.fma(c1, a21);
      a22 = x2.fma(c2, a22);
      DoubleVector x3 = DoubleVector.broadcast(S, x[row + 3]);
      a30 = x3.fma(c0, a30);
      a31 = x3.fma(c1, a31);
      a32 = x3.fma(c2, a32);
    }
    addInto(gt, go, a00, skip <= 0);
    addInto(gt, go + L, a01, skip <= 0);
    addInto(gt, go + 2 * L, a02, skip <= 0);
    addInto(gt, go + kp, a10, skip <= 1);
    addInto(gt, go + kp + L, a11, skip <= 1);
    addInto(gt, go + kp + 2 * L, a12, skip <= 1);
    addInto(gt, go + 2 * kp, a20, skip <= 2);
    addInto(gt, go + 2 * kp + L, a21, skip <= 2);
    addInto(gt, go + 2 * kp + 2 * L, a22, skip <= 2);
    addInto(gt, go + 3 * kp, a30, skip <= 3);
    addInto(gt, go + 3 * kp + L, a31, skip <= 3);
    addInto(gt, go + 3 * kp + 2 * L, a32, skip <= 3);
  }

  /**
   * Adds x^T coef for 4 columns (from x[col0]) and the 2 vectors of units from i to gt at go,
   * except for the first {@code skip} columns (already added by an overlapping tile).
   */
  private static void backward4x2(double[] x, int col0, int rows, int d, int kp, double[] coef,
      int i, double[] gt, int go, int skip) {
    DoubleVector zero = DoubleVector.zero(S);
    DoubleVector a00 = zero;
    DoubleVector a01 = zero;
    DoubleVector a10 = zero;
    DoubleVector a11 = zero;
    DoubleVector a20 = zero;
    DoubleVector a21 = zero;
    DoubleVector a30 = zero;
    DoubleVector a31 = zero;
    for (int s = 0, row = col0, co = i; s < rows; s++, row += d, co += kp) {
      DoubleVector c0 = DoubleVector.fromArray(S, coef, co);
      DoubleVector c1 = DoubleVector.fromArray(S, coef, co + L);
      DoubleVector x0 = DoubleVector.broadcast(S, x[row]);
      a00 = x0.fma(c0, a00);
      a01 = x0.fma(c1, a01);
      DoubleVector x1 = DoubleVector.broadcast(S, x[row + 1]);
      a10 = x1.fma(c0, a10);
      a11 = x1.fma(c1, a11);
      DoubleVector x2 = DoubleVector.broadcast(S, x[row + 2]);
      a20 = x2.fma(c0, a20);
      a21 = x2.fma(c1, a21);
      DoubleVector x3 = DoubleVector.broadcast(S, x[row + 3]);
      a30 = x3.fma(c0, a30);
      a31 = x3.fma(c1, a31);
    }
    addInto(gt, go, a00, skip <= 0);
    addInto(gt, go + L, a01, skip <= 0);
    addInto(gt, go + kp, a10, skip <= 1);
    addInto(gt, go + kp + L, a11, skip <= 1);
    addInto(gt, go + 2 * kp, a20, skip <= 2);
    addInto(gt, go + 2 * kp + L, a21, skip <= 2);
    addInto(gt, go + 3 * kp, a30, skip <= 3);
    addInto(gt, go + 3 * kp + L, a31, skip <= 3);
  }

  /**
   * Adds x^T coef for 4 columns (from x[col0]) and the vector of units from i to gt at go,
   * except for the first {@code skip} columns (already added by an overlapping tile).
   */
  private static void backward4x1(double[] x, int col0, int rows, int d, int kp, double[] coef,
      int i, double[] gt, int go, int skip) {
    DoubleVector zero = DoubleVector.zero(S);
    DoubleVector a00 = zero;
    DoubleVector a10 = zero;
    DoubleVector a20 = zero;
    DoubleVector a30 = zero;
    for (int s = 0, row = col0, co = i; s < rows; s++, row += d, co += kp) {
      DoubleVector c0 = DoubleVector.fromArray(S, coef, co);
      DoubleVector x0 = DoubleVector.broadcast(S, x[row]);
      a00 = x0.fma(c0, a00);
      DoubleVector x1 = DoubleVector.broadcast(S, x[row + 1]);
      a10 = x1.fma(c0, a10);
      DoubleVector x2 = DoubleVector.broadcast(S, x[row + 2]);
      a20 = x2.fma(c0, a20);
      DoubleVector x3 = DoubleVector.broadcast(S, x[row + 3]);
      a30 = x3.fma(c0, a30);
    }
    addInto(gt, go, a00, skip <= 0);
    addInto(gt, go + kp, a10, skip <= 1);
    addInto(gt, go + 2 * kp, a20, skip <= 2);
    addInto(gt, go + 3 * kp, a30, skip <= 3);
  }


  private static void addInto(double[] target, int offset, DoubleVector value) {
    DoubleVector.fromArray(S, target, offset).add(value).intoArray(target, offset);
  }

  /** {@link #addInto}, when {@code add}: false for a column an overlapping tile already added. */
  private static void addInto(double[] target, int offset, DoubleVector value, boolean add) {
    if (add) {
      addInto(target, offset, value);
    }
  }
}
