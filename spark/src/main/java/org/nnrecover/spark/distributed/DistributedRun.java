package org.nnrecover.spark.distributed;

import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.Outcome;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.run.RunSpec;
import org.nnrecover.core.run.Runner;
import org.nnrecover.core.run.SpecLimits;
import picocli.CommandLine.Option;

/**
 * The options of {@code nnrecover-spark run --distributed} and the run itself: the core's
 * {@link Runner} with a {@link SparkPlacement}, so initializer, optimizer, metrics and record are
 * the code of {@code nnrecover run} and the record is its record, bit for bit (timing aside).
 */
public final class DistributedRun {
  /** Exit code of a refused run (bad input for the plugin), as for {@code nnrecover run}. */
  private static final int REFUSED = 2;
  private static final int FAILED = 1;

  @Option(names = "--partitions", paramLabel = "P",
      description = "with --distributed: partitions of the sample blocks (default: Spark's "
          + "default parallelism; at most one per block of " + org.nnrecover.api.Samples.BLOCK_ROWS
          + " samples). Results do not depend on it")
  Integer partitions;

  @Option(names = "--no-block-cache",
      description = "with --distributed: generate the sample blocks again at every evaluation "
          + "instead of caching them in executor memory")
  boolean noCache;

  @Option(names = "--threads", paramLabel = "T",
      description = "with --distributed: the driver's threads for the initializer's passes "
          + "(default: all processors); results do not depend on it")
  Integer threads;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "output format: json (the only format of nnrecover-spark run)")
  String format;

  /**
   * Refuses options that only mean something with --distributed, and formats other than json.
   *
   * @throws IllegalArgumentException saying which option
   */
  public void check(boolean distributed) {
    if (format != null && !format.equals("json")) {
      throw new IllegalArgumentException("--format " + format + " is not available: "
          + "nnrecover-spark run prints json only");
    }
    if (!distributed && (partitions != null || noCache || threads != null)) {
      throw new IllegalArgumentException("--partitions, --no-block-cache and --threads are "
          + "options of --distributed runs");
    }
    if (partitions != null && partitions < 1) {
      throw new IllegalArgumentException("--partitions must be >= 1, got " + partitions);
    }
    if (threads != null) {
      SpecLimits.checkThreads("--threads", threads);
    }
  }

  /**
   * Runs {@code spec} with its samples on the executors, prints its record as JSON to {@code out}
   * and the time split of the evaluations to {@code err}.
   *
   * @return the exit code of {@code nnrecover run} for the record's outcome
   */
  public int run(JavaSparkContext spark, PluginRegistry registry, List<String> pluginFiles,
      RunSpec spec, PrintWriter out, PrintWriter err) {
    int parts = partitions != null ? partitions : spark.defaultParallelism();
    RunRecord record;
    try (SparkPlacement placement = new SparkPlacement(spark, spec, pluginFiles, parts, !noCache);
        BlockExecutor executor = threads != null ? new BlockExecutor(threads)
            : BlockExecutor.forAvailableProcessors()) {
      record = new Runner(registry, executor, placement).run(spec);
      err.println("nnrecover-spark run: " + placement.partitions() + " partitions; "
          + placement.times());
    }
    out.println(Json.pretty(record));
    if (record.outcome() == Outcome.REFUSED) {
      err.println("nnrecover-spark run: refused by " + record.failedPlugin() + ": "
          + record.message());
      return REFUSED;
    }
    return record.outcome() == Outcome.FAILED ? FAILED : 0;
  }
}
