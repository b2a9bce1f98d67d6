package org.nnrecover.api;

/**
 * How an optimizer's flat parameter vector is laid out: {@code k} blocks of length {@code d} (the
 * hidden units' weight vectors w_1..w_k, w_i at offset {@code i * d}), followed by the {@code k}
 * output weights v when they are trained. A problem that is not a network describes itself as one
 * block ({@code k = 1}, {@code d} = its dimension, nothing else trained).
 *
 * @param d length of one block (the input dimension of the network)
 * @param k number of blocks (hidden units)
 * @param trainsOutputWeights whether the k output weights follow the blocks
 * @since 1.1
 */
public record ParameterLayout(int d, int k, boolean trainsOutputWeights) {

  /** Validates the sizes. */
  public ParameterLayout {
    if (d < 1 || k < 1) {
      throw new IllegalArgumentException("layout needs d >= 1 and k >= 1, got d = " + d
          + ", k = " + k);
    }
  }

  /** Length of the parameter vector: {@code k d}, plus {@code k} when v is trained. */
  public int dimension() {
    return k * d + (trainsOutputWeights ? k : 0);
  }
}
