package org.nnrecover.api;

import java.util.Arrays;

/**
 * Deterministic parallel sums over samples, supplied by the core.
 *
 * <p>The core cuts the samples into fixed blocks of {@link Samples#BLOCK_ROWS} (fixed by n, never
 * by the thread count), calls the task once per block with a zeroed accumulator, and adds the block
 * accumulators in block order. The result is therefore bit-identical for any number of threads.
 *
 * @since 1.0
 */
public interface SampleReducer {

  /** Work on one block of sample indices. */
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
   * Work on one block of samples, handed the block's data.
   *
   * @since 1.1
   */
  @FunctionalInterface
  interface SampleBlockTask {
    /**
     * Adds this block's contribution to {@code accumulator}.
     *
     * @param block the block's rows (a view owned by the calling worker: valid during this call
     *     only, never written to)
     * @param accumulator zeroed array of the requested width, owned by this call
     */
    void accumulate(SampleBlock block, double[] accumulator);
  }

  /**
   * A block task that may run in another JVM: it reads only its block and the values it captured
   * (which must be serializable), and writes only its accumulator. A reducer that keeps the samples
   * on other machines (distributed recovery on Spark) ships such a task to where the blocks are and
   * adds the returned block accumulators in block order, so the sum has the same bits; any other
   * task runs where the caller is. Declare a pass as one by typing the lambda:
   * {@code SampleReducer.PortableTask task = (block, acc) -> ...}. A task that also fills a
   * per-sample array of the caller's must not be declared portable: on another JVM its writes
   * would be lost.
   *
   * @since 1.2
   */
  @FunctionalInterface
  interface PortableTask extends SampleBlockTask, java.io.Serializable {}

  /**
   * Sums {@code task} over the blocks of the index range [0, n) (blocks of {@link
   * Samples#BLOCK_ROWS}). For passes over per-sample arrays; a pass over the samples themselves
   * uses {@link #sum(Samples, int, SampleBlockTask)}.
   *
   * @param n number of samples
   * @param width length of the accumulator
   * @return the summed accumulator (a new array)
   */
  double[] sum(int n, int width, BlockTask task);

  /**
   * Sums {@code task} over the blocks of {@code samples}, handing each call the block's data. The
   * default runs the blocks one after another on the calling thread; the core's reducer runs them
   * in parallel with the same result, bit for bit.
   *
   * @param samples the sample set
   * @param width length of the accumulator
   * @return the summed accumulator (a new array)
   * @since 1.1
   */
  default double[] sum(Samples samples, int width, SampleBlockTask task) {
    double[] total = new double[width];
    double[] partial = new double[width];
    SampleBlock view = new SampleBlock();
    for (int b = 0; b < samples.blocks(); b++) {
      Arrays.fill(partial, 0);
      task.accumulate(samples.block(b, view), partial);
      for (int i = 0; i < width; i++) {
        total[i] += partial[i];
      }
    }
    return total;
  }
}
