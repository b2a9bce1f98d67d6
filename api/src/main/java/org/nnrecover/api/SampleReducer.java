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
   * Work on one block that gives each of its rows a few numbers: a per-row map, not a sum. It
   * writes nothing but {@code out}, so it may run in another JVM (see {@link PortableTask}).
   *
   * @since 1.2
   */
  @FunctionalInterface
  interface RowTask extends java.io.Serializable {
    /**
     * Writes row r's {@code width} numbers to {@code out[r * width ...]} for every row r of the
     * block.
     *
     * @param block the block's rows (valid during this call only, never written to)
     * @param out zeroed, {@code block.rows() * width} entries, owned by this call
     */
    void rows(SampleBlock block, double[] out);

    /** This task's numbers for {@code block}: a new zeroed array of its rows times width, filled. */
    default double[] of(SampleBlock block, int width) {
      double[] out = new double[block.rows() * width];
      rows(block, out);
      return out;
    }
  }

  /**
   * Runs {@code task} on every block of {@code samples} and returns its rows' numbers in sample
   * order: sample j's {@code width} numbers at {@code [j * width, (j + 1) * width)}. Nothing is
   * summed, so the result is the same bits wherever each block ran. The default runs the blocks
   * one after another on the calling thread.
   *
   * @throws IllegalArgumentException when n * width does not fit one Java array
   * @since 1.2
   */
  default double[] rows(Samples samples, int width, RowTask task) {
    double[] result = new double[rowsLength(samples, width)];
    SampleBlock view = new SampleBlock();
    for (int b = 0; b < samples.blocks(); b++) {
      SampleBlock block = samples.block(b, view);
      double[] out = task.of(block, width);
      System.arraycopy(out, 0, result, (int) (block.firstRow() * width), out.length);
    }
    return result;
  }

  /**
   * The length of {@link #rows}'s result, n * width.
   *
   * @throws IllegalArgumentException when it does not fit one Java array
   * @since 1.2
   */
  static int rowsLength(Samples samples, int width) {
    long length = (long) samples.n() * width;
    long largest = Integer.MAX_VALUE - 8; // the largest Java array the JVM reliably allocates
    if (width < 1 || length > largest) {
      throw new IllegalArgumentException("a per-row pass needs 1 <= width and n * width <= "
          + largest + "; got n = " + samples.n() + ", width = " + width);
    }
    return (int) length;
  }

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
