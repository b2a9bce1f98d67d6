package org.nnrecover.spark.distributed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.SampleReducer;
import org.nnrecover.api.Samples;
import org.nnrecover.core.parallel.BlockExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The initializer's block passes on the executors that hold the run's blocks. A {@link
 * SampleReducer.PortableTask} over the run's samples travels to the partitions; each returns one
 * accumulator per block and the driver adds them in block order with {@link
 * BlockExecutor#combineInOrder}, as the local reducer does: the same bits. A per-row pass ({@link
 * SampleReducer.RowTask}) returns each block's rows, placed in sample order. Every other pass (a task
 * that fills the caller's arrays, an index-range sum, a task that does not serialize, or one whose
 * class the executors cannot load because it came from a plugin jar's own class loader) runs on
 * the driver's threads over the driver's view of the samples, with the same result.
 */
final class ExecutorReducer implements SampleReducer {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorReducer.class);

  private final JavaRDD<ExecutorBlock> blocks;
  private final Samples driverSamples;
  private final BlockExecutor local;
  private final EvaluationTimes times;

  /**
   * @param blocks the run's blocks on the executors
   * @param driverSamples the driver's view of the same samples
   * @param local the driver's threads
   * @param times where the time of the shipped passes is added
   */
  ExecutorReducer(JavaRDD<ExecutorBlock> blocks, Samples driverSamples, BlockExecutor local,
      EvaluationTimes times) {
    this.blocks = blocks;
    this.driverSamples = driverSamples;
    this.local = local;
    this.times = times;
  }

  @Override
  public double[] sum(int n, int width, BlockTask task) {
    return local.sum(n, width, task);
  }

  @Override
  public double[] sum(Samples samples, int width, SampleBlockTask task) {
    if (samples != driverSamples || !(task instanceof PortableTask portable)
        || !shippable(portable)) {
      return local.sum(samples, width, task);
    }
    double[][] partial = onExecutors(samples, b -> width, "pass (width " + width + ")", block -> {
      double[] acc = new double[width];
      portable.accumulate(block, acc);
      return acc;
    });
    return BlockExecutor.combineInOrder(partial, width);
  }

  @Override
  public double[] rows(Samples samples, int width, RowTask task) {
    if (samples != driverSamples || !shippable(task)) {
      return local.rows(samples, width, task);
    }
    double[] result = new double[SampleReducer.rowsLength(samples, width)];
    double[][] perBlock = onExecutors(samples, b -> samples.blockRows(b) * width,
        "per-row pass (width " + width + ")", block -> task.of(block, width));
    for (int b = 0; b < perBlock.length; b++) {
      System.arraycopy(perBlock[b], 0, result, b * Samples.BLOCK_ROWS * width,
          perBlock[b].length);
    }
    return result;
  }

  /** What a shipped pass computes from one block. */
  private interface BlockResult extends java.io.Serializable {
    double[] of(SampleBlock block);
  }

  /**
   * Runs {@code result} on every block where the blocks are, one job; the blocks' arrays (block b's
   * of length {@code length(b)}) by block index.
   */
  private double[][] onExecutors(Samples samples, IntUnaryOperator length, String what,
      BlockResult result) {
    long begin = System.nanoTime();
    blocks.context().setJobDescription("nnrecover: initializer " + what);
    List<BlockSums> results = blocks.mapPartitions(pass(result, samples.n(), samples.d()))
        .collect();
    double[][] perBlock = new double[samples.blocks()][];
    for (int b = 0; b < perBlock.length; b++) {
      perBlock[b] = new double[length.applyAsInt(b)];
    }
    BlockSums.place(results, 0, perBlock.length, perBlock);
    times.initializerPass(System.nanoTime() - begin);
    return perBlock;
  }

  /**
   * Whether the executors can run {@code task}: its class comes from the application's class
   * path (built-in plugins; a plugin jar's classes live in a loader of their own there too) and it
   * serializes.
   */
  private static boolean shippable(java.io.Serializable task) {
    if (task.getClass().getClassLoader() != ExecutorReducer.class.getClassLoader()) {
      return false;
    }
    try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
      out.writeObject(task);
      return true;
    } catch (IOException e) {
      LOG.debug("initializer pass {} runs on the driver: it does not serialize ({})",
          task.getClass().getName(), e.toString());
      return false;
    }
  }

  /** {@code result} of each block of a partition, in block order. */
  private static FlatMapFunction<Iterator<ExecutorBlock>, BlockSums> pass(BlockResult result,
      int n, int d) {
    return partition -> {
      List<double[]> sums = new ArrayList<>();
      int first = -1;
      long begin = System.nanoTime();
      SampleBlock view = new SampleBlock();
      while (partition.hasNext()) {
        ExecutorBlock block = partition.next();
        // a one-block view of the whole set, so that the task sees the block's true index and rows
        Samples one = new Samples(n, d, (b, into) -> into.point(block.x(), 0, block.y(), 0));
        sums.add(result.of(one.block(block.index(), view)));
        if (first < 0) {
          first = block.index();
        }
      }
      return List.of(new BlockSums(first, sums.toArray(double[][]::new),
          System.nanoTime() - begin)).iterator();
    };
  }
}
