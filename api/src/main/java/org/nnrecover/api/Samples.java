package org.nnrecover.api;

import java.util.Objects;

/**
 * A sample set S = {(x_j, y_j)}: X is n x d, row-major (x_j starts at {@code j * d}), y has length n.
 *
 * <p>The arrays are shared, not copied, because they are the largest objects of a run (n d doubles);
 * nobody may write to them. Instances are thread-safe for reading.
 *
 * @since 1.0
 */
public final class Samples {
  private final double[] x;
  private final double[] y;
  private final int n;
  private final int d;

  /**
   * @param x n x d inputs, row-major; not copied
   * @param y n labels; not copied
   * @param d input dimension
   */
  public Samples(double[] x, double[] y, int d) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (d < 1) {
      throw new IllegalArgumentException("dimension d must be >= 1, got " + d);
    }
    if (x.length != (long) y.length * d) {
      throw new IllegalArgumentException("x has " + x.length + " entries, expected n * d = "
          + y.length + " * " + d);
    }
    this.x = x;
    this.y = y;
    this.n = y.length;
    this.d = d;
  }

  /** Number of samples. */
  public int n() {
    return n;
  }

  /** Input dimension. */
  public int d() {
    return d;
  }

  /** The input matrix, n x d row-major. Shared: do not modify. */
  public double[] x() {
    return x;
  }

  /** The labels. Shared: do not modify. */
  public double[] y() {
    return y;
  }
}
