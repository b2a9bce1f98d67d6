package org.nnrecover.api;

/**
 * The two dense products of a pass over a block of samples, for plugins: projecting the rows onto
 * a few directions, {@code Z = X U}, and scattering per-row coefficients back onto the input
 * space, {@code G += C^T X}. These are the costly parts of moment estimators, power iterations
 * and gradients (O(rows d m) each); everything else in such a pass is O(rows m).
 *
 * <p>{@link InitContext#kernels()} supplies an implementation. The core's runs SIMD register tiles
 * (the objective's kernel; several times faster than plain loops) and gives the same bits with or
 * without the {@code jdk.incubator.vector} module; {@link #plain()} is the plain-Java form that
 * contexts without the core use. Both are deterministic (the same inputs always give the same
 * bits), but they sum in different orders, so their results agree to rounding only (about
 * {@code d * 1e-16} relative for a projection, {@code rows * 1e-16} for a scatter), not bit for
 * bit. A pass that calls them with fixed row ranges inside each block stays bit-identical for any
 * thread count.
 *
 * <p>Layouts (all row-major, nothing is retained after a call, implementations are thread-safe):
 * <ul>
 *   <li>X: {@code rows} rows of d inputs, row r at {@code x[xOffset + r * d]} (a {@link
 *       SampleBlock}'s {@code x()} and {@code xOffset()}, plus {@code first * d} for rows from
 *       {@code first});
 *   <li>U and G: d x m, entry (a, c) at {@code a * m + c};
 *   <li>Z and C: rows x m, entry (r, c) at {@code offset + r * m + c}.
 * </ul>
 *
 * @since 1.2
 */
public interface SampleKernels {

  /**
   * {@code Z = X U}: {@code z[zOffset + r * m + c] = sum_a x_r[a] u[a * m + c]} for the {@code
   * rows} rows of x from {@code xOffset}; overwrites those rows x m entries of z.
   */
  void project(double[] x, int xOffset, int rows, int d, double[] u, int m, double[] z,
      int zOffset);

  /**
   * {@code G += C^T X}: {@code g[a * m + c] += sum_r c[cOffset + r * m + c] x_r[a]} over the
   * {@code rows} rows of x from {@code xOffset}.
   */
  void scatter(double[] x, int xOffset, int rows, int d, double[] c, int cOffset, int m,
      double[] g);

  /** The plain-Java implementation (no SIMD), for contexts without nnrecover's core. */
  static SampleKernels plain() {
    return PlainKernels.INSTANCE;
  }
}
