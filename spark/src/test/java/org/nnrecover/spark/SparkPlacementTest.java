package org.nnrecover.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.Outcome;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.run.RunSpec;
import org.nnrecover.core.run.Runner;
import org.nnrecover.spark.distributed.EvaluationTimes;
import org.nnrecover.spark.distributed.SparkPlacement;

/**
 * Distributed recovery in Spark's local[2] mode against the local runner: the same record, timing
 * aside, for any number of partitions, with and without cached blocks, with resampling batches
 * whose bounds fall inside blocks.
 */
class SparkPlacementTest {
  /** d = 20, k = 3, n = 20000: 10 blocks, the last one short; tensor initialization, 50 gd steps. */
  static final RunSpec SPEC = new RunSpec("squared-relu", "tensor", "gd", 20, 3, 20000, 2, 0,
      "random", 7, Map.of("gd", Map.of("max-iterations", "50", "step", "0.02"),
          "run", Map.of("trace-every", "10")), null, null);

  private static JavaSparkContext spark;
  private static PluginRegistry registry;

  @BeforeAll
  static void start() {
    spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("test")
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1"));
    registry = PluginRegistry.discover(SparkPlacementTest.class.getClassLoader());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** The record as compact JSON with the wall-time fields (the only allowed change) zeroed. */
  static String withoutTiming(Object record) {
    return RecordLines.withoutTiming(Json.compact(record));
  }

  private static RunRecord local(RunSpec spec) {
    try (BlockExecutor executor = new BlockExecutor(2)) {
      return new Runner(registry, executor).run(spec);
    }
  }

  private static RunRecord distributed(RunSpec spec, int partitions, boolean cache,
      EvaluationTimes[] times) {
    try (BlockExecutor executor = new BlockExecutor(2);
        SparkPlacement placement = new SparkPlacement(spark, spec, List.of(), partitions, cache)) {
      RunRecord record = new Runner(registry, executor, placement).run(spec);
      assertEquals(Math.min(partitions, 10), placement.partitions());
      times[0] = placement.times();
      return record;
    }
  }

  @Test
  void theRecordIsTheLocalRecordForOneThreeAndTenPartitions() {
    RunRecord local = local(SPEC);
    // not vacuous: the run did initialize and optimize, and changed the network
    assertEquals(Outcome.BUDGET_EXHAUSTED, local.outcome(), local.message());
    assertEquals(50, local.iterations());
    assertTrue(local.init().unitError() > 0);
    assertNotEquals(local.init().unitError(), local.finalMetrics().unitError());
    String expected = withoutTiming(local);
    for (int partitions : new int[] {1, 3, 10}) { // 2: DistributedRunCommandTest
      EvaluationTimes[] times = new EvaluationTimes[1];
      assertEquals(expected, withoutTiming(distributed(SPEC, partitions, true, times)),
          partitions + " partitions");
      // every objective evaluation of the run went through Spark: one per iteration, at least,
      // and the metrics' two
      assertTrue(times[0].evaluations() >= 52, times[0].toString());
    }
  }

  @Test
  void resamplingNoiseAndRegeneratedBlocksGiveTheLocalRecord() {
    // 3 batches of 6666-6667 samples: every batch bound falls inside a block
    RunSpec spec = new RunSpec("squared-relu", "random", "gd", 20, 3, 20000, 2, 0.1, "random", 3,
        Map.of("gd", Map.of("max-iterations", "20", "step", "0.02"),
            "run", Map.of("resample-batches", "3")), null, null);
    RunRecord local = local(spec);
    assertEquals(20, local.iterations(), local.message());
    String expected = withoutTiming(local);
    EvaluationTimes[] times = new EvaluationTimes[1];
    assertEquals(expected, withoutTiming(distributed(spec, 4, false, times)));
    assertEquals(expected, withoutTiming(distributed(spec, 3, true, times)));
  }
}
