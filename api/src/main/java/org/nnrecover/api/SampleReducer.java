package org.nnrecover.api;

/**
 * Deterministic parallel sums over samples, supplied by the core.
 *
 * <p>The core cuts [0, n) into fixed blocks (fixed by n, never by the thread count), calls the task
 * once per block with a zeroed accumulator, and adds the block accumulators in block order. The
 * result is therefore bit-identical for any number of threads.
 *
 * @since 1.0
 */
public interface SampleReducer {

  /** Work on one block of samples. */
  @FunctionalInterface
  interface BlockTask {
    /**
     * Adds this block's contribution to {@code accumulator}.
     *
     * @param from first sample index (inclusive)
     * @param to last sample index (exclusive)
     * @param accumulator zeroed array of the requested width, owned by this call
     */
    void accumulate(int from, int to, double[] accumulator);
  }

  /**
   * Sums {@code task} over all blocks of [0, n).
   *
   * @param n number of samples
   * @param width length of the accumulator
   * @return the summed accumulator (a new array)
   */
  double[] sum(int n, int width, BlockTask task);
}
