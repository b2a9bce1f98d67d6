package org.nnrecover.core.objective;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Tiles} with the JDK Vector API: units along the vector lanes, register tiles of 4 samples
 * (forward) or 4 columns (backward) times 3 or 2 vectors, so every loaded x entry is broadcast once
 * and used for 12 or 8 units, and every loaded W or coefficient vector for 4 samples or columns.
 * Units are covered by 3-vector tiles, then 2-vector ones (4 vectors as 2 + 2), so a single-vector
 * tile, which is bound by its loads, is only used when k <= 4.
 *
 * <p>The species is fixed at 256 bits (never the preferred species), and only lane-wise fused
 * multiply-adds and additions are used (no cross-lane reductions, whose order the API leaves
 * open), so the bits do not depend on the machine, and {@link ScalarTiles} reproduces them.
 */
final class VectorTiles implements Tiles {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

  @Override
  public void forward(double[] x, int xo, int rows, int d, int kp, double[] wt, double[] z) {
    int s = 0;
    for (; s + 3 < rows; s += 4) {
      int r0 = xo + s * d;
      int r1 = r0 + d;
      int r2 = r1 + d;
      int r3 = r2 + d;
      int i = 0;
      for (; kp - i >= 3 * LANES && kp - i != 4 * LANES; i += 3 * LANES) {
        forward4x3(x, r0, d, kp, wt, i, z, s * kp + i);
      }
      for (; i + 2 * LANES <= kp; i += 2 * LANES) {
        DoubleVector a00 = DoubleVector.zero(S);
        DoubleVector a01 = a00;
        DoubleVector a10 = a00;
        DoubleVector a11 = a00;
        DoubleVector a20 = a00;
        DoubleVector a21 = a00;
        DoubleVector a30 = a00;
        DoubleVector a31 = a00;
        for (int a = 0, wo = i; a < d; a++, wo += kp) {
          DoubleVector w0 = DoubleVector.fromArray(S, wt, wo);
          DoubleVector w1 = DoubleVector.fromArray(S, wt, wo + LANES);
          DoubleVector x0 = DoubleVector.broadcast(S, x[r0 + a]);
          a00 = x0.fma(w0, a00);
          a01 = x0.fma(w1, a01);
          DoubleVector x1 = DoubleVector.broadcast(S, x[r1 + a]);
          a10 = x1.fma(w0, a10);
          a11 = x1.fma(w1, a11);
          DoubleVector x2 = DoubleVector.broadcast(S, x[r2 + a]);
          a20 = x2.fma(w0, a20);
          a21 = x2.fma(w1, a21);
          DoubleVector x3 = DoubleVector.broadcast(S, x[r3 + a]);
          a30 = x3.fma(w0, a30);
          a31 = x3.fma(w1, a31);
        }
        int zo = s * kp + i;
        a00.intoArray(z, zo);
        a01.intoArray(z, zo + LANES);
        a10.intoArray(z, zo + kp);
        a11.intoArray(z, zo + kp + LANES);
        a20.intoArray(z, zo + 2 * kp);
        a21.intoArray(z, zo + 2 * kp + LANES);
        a30.intoArray(z, zo + 3 * kp);
        a31.intoArray(z, zo + 3 * kp + LANES);
      }
      if (i < kp) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        for (int a = 0, wo = i; a < d; a++, wo += kp) {
          DoubleVector w0 = DoubleVector.fromArray(S, wt, wo);
          a0 = DoubleVector.broadcast(S, x[r0 + a]).fma(w0, a0);
          a1 = DoubleVector.broadcast(S, x[r1 + a]).fma(w0, a1);
          a2 = DoubleVector.broadcast(S, x[r2 + a]).fma(w0, a2);
          a3 = DoubleVector.broadcast(S, x[r3 + a]).fma(w0, a3);
        }
        int zo = s * kp + i;
        a0.intoArray(z, zo);
        a1.intoArray(z, zo + kp);
        a2.intoArray(z, zo + 2 * kp);
        a3.intoArray(z, zo + 3 * kp);
      }
    }
    for (; s < rows; s++) {
      int r0 = xo + s * d;
      for (int i = 0; i < kp; i += LANES) {
        DoubleVector a0 = DoubleVector.zero(S);
        for (int a = 0, wo = i; a < d; a++, wo += kp) {
          a0 = DoubleVector.broadcast(S, x[r0 + a]).fma(DoubleVector.fromArray(S, wt, wo), a0);
        }
        a0.intoArray(z, s * kp + i);
      }
    }
  }

  @Override
  public void backward(double[] x, int xo, int rows, int d, int kp, double[] coef, double[] gt) {
    int a = 0;
    for (; a + 3 < d; a += 4) {
      int i = 0;
      for (; kp - i >= 3 * LANES && kp - i != 4 * LANES; i += 3 * LANES) {
        backward4x3(x, xo + a, rows, d, kp, coef, i, gt, a * kp + i);
      }
      for (; i + 2 * LANES <= kp; i += 2 * LANES) {
        DoubleVector a00 = DoubleVector.zero(S);
        DoubleVector a01 = a00;
        DoubleVector a10 = a00;
        DoubleVector a11 = a00;
        DoubleVector a20 = a00;
        DoubleVector a21 = a00;
        DoubleVector a30 = a00;
        DoubleVector a31 = a00;
        for (int s = 0, row = xo + a, co = i; s < rows; s++, row += d, co += kp) {
          DoubleVector c0 = DoubleVector.fromArray(S, coef, co);
          DoubleVector c1 = DoubleVector.fromArray(S, coef, co + LANES);
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
        int go = a * kp + i;
        addInto(gt, go, a00);
        addInto(gt, go + LANES, a01);
        addInto(gt, go + kp, a10);
        addInto(gt, go + kp + LANES, a11);
        addInto(gt, go + 2 * kp, a20);
        addInto(gt, go + 2 * kp + LANES, a21);
        addInto(gt, go + 3 * kp, a30);
        addInto(gt, go + 3 * kp + LANES, a31);
      }
      if (i < kp) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        for (int s = 0, row = xo + a, co = i; s < rows; s++, row += d, co += kp) {
          DoubleVector c0 = DoubleVector.fromArray(S, coef, co);
          a0 = DoubleVector.broadcast(S, x[row]).fma(c0, a0);
          a1 = DoubleVector.broadcast(S, x[row + 1]).fma(c0, a1);
          a2 = DoubleVector.broadcast(S, x[row + 2]).fma(c0, a2);
          a3 = DoubleVector.broadcast(S, x[row + 3]).fma(c0, a3);
        }
        int go = a * kp + i;
        addInto(gt, go, a0);
        addInto(gt, go + kp, a1);
        addInto(gt, go + 2 * kp, a2);
        addInto(gt, go + 3 * kp, a3);
      }
    }
    for (; a < d; a++) {
      backwardColumn(x, xo + a, rows, d, kp, coef, gt, a * kp);
    }
  }

  /**
   * One of the last d mod 4 columns: 2 vectors per pass over the samples, so that two independent
   * chains hide part of the FMA latency (one chain per pass was twice as slow at d = 10).
   */
  private static void backwardColumn(double[] x, int col, int rows, int d, int kp, double[] coef,
      double[] gt, int go) {
    int i = 0;
    for (; i + 2 * LANES <= kp; i += 2 * LANES) {
      DoubleVector a0 = DoubleVector.zero(S);
      DoubleVector a1 = a0;
      for (int s = 0, row = col, co = i; s < rows; s++, row += d, co += kp) {
        DoubleVector x0 = DoubleVector.broadcast(S, x[row]);
        a0 = x0.fma(DoubleVector.fromArray(S, coef, co), a0);
        a1 = x0.fma(DoubleVector.fromArray(S, coef, co + LANES), a1);
      }
      addInto(gt, go + i, a0);
      addInto(gt, go + i + LANES, a1);
    }
    if (i < kp) {
      DoubleVector a0 = DoubleVector.zero(S);
      for (int s = 0, row = col, co = i; s < rows; s++, row += d, co += kp) {
        a0 = DoubleVector.broadcast(S, x[row]).fma(DoubleVector.fromArray(S, coef, co), a0);
      }
      addInto(gt, go + i, a0);
    }
  }

  /** z of 4 samples (rows from x[r0], d apart) for the 12 units from {@code i}, written at zo. */
  private static void forward4x3(double[] x, int r0, int d, int kp, double[] wt, int i, double[] z,
      int zo) {
    int r1 = r0 + d;
    int r2 = r1 + d;
    int r3 = r2 + d;
    DoubleVector a00 = DoubleVector.zero(S);
    DoubleVector a01 = a00;
    DoubleVector a02 = a00;
    DoubleVector a10 = a00;
    DoubleVector a11 = a00;
    DoubleVector a12 = a00;
    DoubleVector a20 = a00;
    DoubleVector a21 = a00;
    DoubleVector a22 = a00;
    DoubleVector a30 = a00;
    DoubleVector a31 = a00;
    DoubleVector a32 = a00;
    for (int a = 0, wo = i; a < d; a++, wo += kp) {
      DoubleVector w0 = DoubleVector.fromArray(S, wt, wo);
      DoubleVector w1 = DoubleVector.fromArray(S, wt, wo + LANES);
      DoubleVector w2 = DoubleVector.fromArray(S, wt, wo + 2 * LANES);
      DoubleVector x0 = DoubleVector.broadcast(S, x[r0 + a]);
      a00 = x0.fma(w0, a00);
      a01 = x0.fma(w1, a01);
      a02 = x0.fma(w2, a02);
      DoubleVector x1 = DoubleVector.broadcast(S, x[r1 + a]);
      a10 = x1.fma(w0, a10);
      a11 = x1.fma(w1, a11);
      a12 = x1.fma(w2, a12);
      DoubleVector x2 = DoubleVector.broadcast(S, x[r2 + a]);
      a20 = x2.fma(w0, a20);
      a21 = x2.fma(w1, a21);
      a22 = x2.fma(w2, a22);
      DoubleVector x3 = DoubleVector.broadcast(S, x[r3 + a]);
      a30 = x3.fma(w0, a30);
      a31 = x3.fma(w1, a31);
      a32 = x3.fma(w2, a32);
    }
    a00.intoArray(z, zo);
    a01.intoArray(z, zo + LANES);
    a02.intoArray(z, zo + 2 * LANES);
    a10.intoArray(z, zo + kp);
    a11.intoArray(z, zo + kp + LANES);
    a12.intoArray(z, zo + kp + 2 * LANES);
    a20.intoArray(z, zo + 2 * kp);
    a21.intoArray(z, zo + 2 * kp + LANES);
    a22.intoArray(z, zo + 2 * kp + 2 * LANES);
    a30.intoArray(z, zo + 3 * kp);
    a31.intoArray(z, zo + 3 * kp + LANES);
    a32.intoArray(z, zo + 3 * kp + 2 * LANES);
  }

  /** Adds x^T coef for 4 columns (from x[col0]) and the 12 units from {@code i} to gt at go. */
  private static void backward4x3(double[] x, int col0, int rows, int d, int kp, double[] coef,
      int i, double[] gt, int go) {
    DoubleVector a00 = DoubleVector.zero(S);
    DoubleVector a01 = a00;
    DoubleVector a02 = a00;
    DoubleVector a10 = a00;
    DoubleVector a11 = a00;
    DoubleVector a12 = a00;
    DoubleVector a20 = a00;
    DoubleVector a21 = a00;
    DoubleVector a22 = a00;
    DoubleVector a30 = a00;
    DoubleVector a31 = a00;
    DoubleVector a32 = a00;
    for (int s = 0, row = col0, co = i; s < rows; s++, row += d, co += kp) {
      DoubleVector c0 = DoubleVector.fromArray(S, coef, co);
      DoubleVector c1 = DoubleVector.fromArray(S, coef, co + LANES);
      DoubleVector c2 = DoubleVector.fromArray(S, coef, co + 2 * LANES);
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
    addInto(gt, go, a00);
    addInto(gt, go + LANES, a01);
    addInto(gt, go + 2 * LANES, a02);
    addInto(gt, go + kp, a10);
    addInto(gt, go + kp + LANES, a11);
    addInto(gt, go + kp + 2 * LANES, a12);
    addInto(gt, go + 2 * kp, a20);
    addInto(gt, go + 2 * kp + LANES, a21);
    addInto(gt, go + 2 * kp + 2 * LANES, a22);
    addInto(gt, go + 3 * kp, a30);
    addInto(gt, go + 3 * kp + LANES, a31);
    addInto(gt, go + 3 * kp + 2 * LANES, a32);
  }

  private static void addInto(double[] target, int offset, DoubleVector value) {
    DoubleVector.fromArray(S, target, offset).add(value).intoArray(target, offset);
  }
}
