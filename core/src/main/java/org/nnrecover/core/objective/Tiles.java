package org.nnrecover.core.objective;

/**
 * The two matrix products of the fused pass over one tile of samples, with the arithmetic fixed
 * lane by lane so that every implementation gives the same bits.
 *
 * <p>Layouts: x rows of length d at {@code xo + s * d}; {@code wt} and {@code gt} are d rows of
 * {@code kp} entries (kp = k rounded up to a multiple of {@link #LANES}, pad entries zero), unit i of
 * column a at {@code a * kp + i}; {@code z} and {@code coef} are tile rows of kp entries.
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
  /** Units per SIMD vector (256-bit doubles); k is padded to a multiple of it. */
  int LANES = 4;

  /** z for {@code rows} samples starting at x[xo]. */
  void forward(double[] x, int xo, int rows, int d, int kp, double[] wt, double[] z);

  /** Adds the tile's x^T coef to gt. */
  void backward(double[] x, int xo, int rows, int d, int kp, double[] coef, double[] gt);
}
