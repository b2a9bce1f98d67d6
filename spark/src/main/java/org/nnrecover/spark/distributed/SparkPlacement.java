package org.nnrecover.spark.distributed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.storage.StorageLevel;
import org.nnrecover.api.Activation;
import org.nnrecover.api.Network;
import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.SampleReducer;
import org.nnrecover.api.Samples;
import org.nnrecover.core.data.SampleFiles;
import org.nnrecover.core.data.SampleGenerator;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.objective.BlockLosses;
import org.nnrecover.core.objective.LossKernel;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.run.RunSpec;
import org.nnrecover.core.run.SamplePlacement;

/**
 * One run's samples on Spark executors: an RDD of the sample blocks, partitioned into contiguous
 * ranges of block indices, each block generated on its executor from the run's seed with
 * {@link SampleGenerator#generateBlock} (no sample crosses the network) and cached there.
 *
 * <p>Each evaluation of the objective ships the point with its tasks, every partition returns its blocks'
 * sums from the core's {@link LossKernel} (one accumulator per block), and the driver places them
 * by block index, so that {@code NetworkObjective} adds them in block order exactly as on one
 * machine: the same bits. A lost or evicted partition is generated again from the seed, and a
 * task that runs twice returns the same bits, so Spark's retries cannot change a result.
 *
 * <p>The initializer's passes declared {@link SampleReducer.PortableTask} run on the executors in
 * the same way ({@link ExecutorReducer}). The driver's view of the samples (read by the
 * initializer's other passes and for the zero-network loss) is {@link SampleGenerator#onDemand}:
 * blocks generated again on the driver at each of those passes, never held.
 *
 * <p>Serves one run; {@link #close} drops the cached blocks.
 */
public final class SparkPlacement implements SamplePlacement, AutoCloseable {
  private final JavaSparkContext spark;
  private final String spec;
  private final ArrayList<String> pluginFiles;
  private final int partitions;
  private final boolean cache;
  private final EvaluationTimes times = new EvaluationTimes();
  private JavaRDD<ExecutorBlock> blocks;
  private Samples driverSamples;

  /**
   * @param spark the Spark context
   * @param spec the run (its samples are generated: no data file)
   * @param pluginFiles the file names of the plugin jars shipped to the executors
   * @param partitions partitions of the blocks (at most one per block is used)
   * @param cache keep the generated blocks in executor memory; false regenerates them at every
   *     evaluation
   */
  public SparkPlacement(JavaSparkContext spark, RunSpec spec, List<String> pluginFiles,
      int partitions, boolean cache) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
    }
    this.spark = spark;
    this.spec = Json.compact(spec);
    this.pluginFiles = new ArrayList<>(pluginFiles);
    this.partitions = partitions;
    this.cache = cache;
  }

  /** The time the evaluations took so far. */
  public EvaluationTimes times() {
    return times;
  }

  /** Number of partitions of the blocks (after {@link #generate}). */
  public int partitions() {
    return blocks == null ? 0 : blocks.getNumPartitions();
  }

  @Override
  public Samples generate(Network teacher, Activation activation, RunSpec run,
      BlockExecutor executor) {
    driverSamples = SampleGenerator.onDemand(teacher, activation, run.n(), run.noise(),
        run.seed());
    place(generator(teacher.weights(), teacher.outputWeights(), teacher.d(), run.n(),
        run.noise(), run.seed(), spec, pluginFiles), "sample blocks of seed " + run.seed(),
        "generate");
    return driverSamples;
  }

  /**
   * Reads the data on the driver (every value checked, as on one machine) and has each executor
   * read its blocks from the same path, which must therefore be visible at that absolute path on
   * every executor (a shared file system).
   */
  @Override
  public Samples read(Path file, int expectedD) throws IOException {
    driverSamples = SampleFiles.read(file, expectedD);
    place(reader(file.toAbsolutePath().toString(), driverSamples.n(), driverSamples.d()),
        "sample blocks of " + file.getFileName(), "read");
    return driverSamples;
  }

  /** The blocks of {@link #driverSamples} on the executors, made there by {@code make}. */
  private void place(FlatMapFunction<Iterator<Integer>, ExecutorBlock> make, String name,
      String verb) {
    if (blocks != null) {
      throw new IllegalStateException("a SparkPlacement serves one run");
    }
    int count = driverSamples.blocks();
    JavaRDD<Integer> indices = spark.parallelize(IntStream.range(0, count).boxed().toList(),
        Math.min(partitions, count));
    blocks = indices.mapPartitions(make, true).setName(name);
    if (cache) {
      blocks.persist(StorageLevel.MEMORY_ONLY());
      long start = System.nanoTime();
      spark.setJobDescription("nnrecover: " + verb + " " + count + " sample blocks");
      blocks.count();
      times.generated((System.nanoTime() - start) * 1e-9);
    }
  }

  @Override
  public BlockLosses losses(Samples samples, Activation activation, int k,
      BlockExecutor executor) {
    if (samples != driverSamples) {
      throw new IllegalStateException("the distributed objective only sums the samples this "
          + "placement generated");
    }
    int d = samples.d();
    return (point, fixedV, wantGradient, start, end, partial) -> {
      long begin = System.nanoTime();
      spark.setJobDescription("nnrecover: objective" + (wantGradient ? " and gradient" : ""));
      // the point travels inside the task: Spark broadcasts each job's serialized task once, so
      // this is the one broadcast of the point (a Broadcast of its own would be a second one)
      List<BlockSums> results = blocks.mapPartitions(kernelPass(point.clone(), fixedV,
          wantGradient, start, end, k, d, spec, pluginFiles)).collect();
      long slowest = 0;
      long all = 0;
      for (BlockSums result : results) {
        slowest = Math.max(slowest, result.computeNanos());
        all += result.computeNanos();
      }
      int first = Samples.blockOf(start);
      BlockSums.place(results, first, Samples.blockOf(end - 1L) - first + 1, partial);
      times.add(System.nanoTime() - begin, slowest, all);
    };
  }

  /** Generates a partition's blocks on its executor (captures only the teacher and the seed). */
  private static FlatMapFunction<Iterator<Integer>, ExecutorBlock> generator(double[] w,
      double[] v, int d, int n, double noise, long seed, String spec,
      ArrayList<String> pluginFiles) {
    return indices -> {
      Network teacher = new Network(w, v, d);
      Activation activation = ExecutorActivations.of(spec, pluginFiles);
      List<ExecutorBlock> out = new ArrayList<>();
      while (indices.hasNext()) {
        int b = indices.next();
        int rows = (int) Math.min(Samples.BLOCK_ROWS, n - (long) b * Samples.BLOCK_ROWS);
        double[] x = new double[rows * d];
        double[] y = new double[rows];
        SampleGenerator.generateBlock(teacher, activation, n, noise, seed, b, x, 0, y, 0);
        out.add(new ExecutorBlock(b, x, y));
      }
      return out.iterator();
    };
  }

  /**
   * Reads a partition's blocks on its executor from the run's data file or folder, opened once per
   * executor JVM and without scanning its values again (the driver did).
   */
  private static FlatMapFunction<Iterator<Integer>, ExecutorBlock> reader(String path, int n,
      int d) {
    return indices -> {
      Samples samples = ExecutorData.of(path, d);
      if (samples.n() != n) {
        throw new IllegalStateException(path + " holds " + samples.n() + " samples on this "
            + "executor but " + n + " on the driver: the data must not change during a run");
      }
      List<ExecutorBlock> out = new ArrayList<>();
      SampleBlock view = new SampleBlock();
      while (indices.hasNext()) {
        SampleBlock block = samples.block(indices.next(), view);
        int rows = block.rows();
        out.add(new ExecutorBlock(block.index(),
            Arrays.copyOfRange(block.x(), block.xOffset(), block.xOffset() + rows * d),
            Arrays.copyOfRange(block.y(), block.yOffset(), block.yOffset() + rows)));
      }
      return out.iterator();
    };
  }

  /**
   * One evaluation on a partition: {@link LossKernel#accumulate} over each of its blocks' rows in
   * [start, end), one accumulator per block.
   */
  private static FlatMapFunction<Iterator<ExecutorBlock>, BlockSums> kernelPass(
      double[] point, double[] fixedV, boolean wantGradient, int start, int end,
      int k, int d, String spec, ArrayList<String> pluginFiles) {
    return blocks -> {
      LossKernel kernel = new LossKernel(ExecutorActivations.of(spec, pluginFiles), k, d);
      List<double[]> sums = new ArrayList<>();
      int first = -1;
      long compute = 0;
      while (blocks.hasNext()) {
        ExecutorBlock block = blocks.next();
        long firstRow = (long) block.index() * Samples.BLOCK_ROWS;
        int rows = block.y().length;
        if (firstRow + rows <= start || firstRow >= end) {
          continue;
        }
        long begin = System.nanoTime();
        int from = (int) Math.max(0, start - firstRow);
        int to = (int) Math.min(rows, end - firstRow);
        double[] acc = new double[LossKernel.width(k, d)];
        kernel.accumulate(point, fixedV, wantGradient, block.x(), from * d, block.y(), from,
            to - from, acc);
        compute += System.nanoTime() - begin;
        if (first < 0) {
          first = block.index();
        }
        sums.add(acc);
      }
      return List.of(new BlockSums(first, sums.toArray(double[][]::new), compute)).iterator();
    };
  }

  @Override
  public SampleReducer reducer(Samples samples, BlockExecutor executor) {
    return new ExecutorReducer(blocks, driverSamples, executor, times);
  }

  @Override
  public void close() {
    if (blocks != null) {
      blocks.unpersist(false);
    }
  }
}
