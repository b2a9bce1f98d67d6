package org.nnrecover.api;

import java.util.Arrays;

/**
 * A one-hidden-layer network {@code x -> sum_i v_i phi(w_i . x)} with k hidden units on R^d.
 *
 * <p>Immutable: the constructor and accessors copy. Weights are k rows of length d: w_i starts at
 * {@code i * d} of {@link #weights()}.
 *
 * @since 1.0
 */
public final class Network {
  private final double[] w;
  private final double[] v;
  private final int d;

  /**
   * @param w k x d weights, row i = w_i (copied)
   * @param v k output weights (copied)
   * @param d input dimension
   */
  public Network(double[] w, double[] v, int d) {
    if (d < 1 || v.length < 1 || w.length != (long) v.length * d) {
      throw new IllegalArgumentException("network shape mismatch: w has " + w.length
          + " entries, v has " + v.length + ", d = " + d);
    }
    this.w = w.clone();
    this.v = v.clone();
    this.d = d;
  }

  /** Input dimension d. */
  public int d() {
    return d;
  }

  /** Number of hidden units k. */
  public int k() {
    return v.length;
  }

  /** A copy of the weights, k x d row-major. */
  public double[] weights() {
    return w.clone();
  }

  /** A copy of unit i's weight vector w_i. */
  public double[] unit(int i) {
    return Arrays.copyOfRange(w, i * d, (i + 1) * d);
  }

  /** A copy of the output weights v. */
  public double[] outputWeights() {
    return v.clone();
  }

  /** Weight entry (unit i, coordinate a). */
  public double weight(int i, int a) {
    return w[i * d + a];
  }

  /** Output weight v_i. */
  public double outputWeight(int i) {
    return v[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Network other && other.d == d && Arrays.equals(other.w, w)
        && Arrays.equals(other.v, v);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(w) + Arrays.hashCode(v);
  }
}
