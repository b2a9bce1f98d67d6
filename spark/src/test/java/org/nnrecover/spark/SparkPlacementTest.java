package org.nnrecover.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.Network;
import org.nnrecover.api.PluginKind;
import org.nnrecover.api.SampleReducer;
import org.nnrecover.api.Samples;
import org.nnrecover.core.data.SampleFiles;
import org.nnrecover.core.data.SampleGenerator;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.Outcome;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.run.RunSpec;
import org.nnrecover.core.run.SpecSchema;
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
  static final RunSpec SPEC = SpecSchema.bind(Map.of("activation", "squared-relu", "d", 20,
      "k", 3, "n", 20000, "seed", 7L), Map.of("gd", Map.of("max-iterations", "50", "step", "0.02"),
          "run", Map.of("trace-every", "10")));

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
      // the tensor initializer's portable passes (first moments, P2_hat U products) ran there
      assertTrue(times[0].initializerPasses() >= 5, times[0].toString());
    }
  }

  @Test
  void resamplingNoiseAndRegeneratedBlocksGiveTheLocalRecord() {
    // 3 batches of 6666-6667 samples: every batch bound falls inside a block
    RunSpec spec = SpecSchema.bind(Map.of("activation", "squared-relu", "initializer", "random",
        "d", 20, "k", 3, "n", 20000, "noise", 0.1, "seed", 3L),
        Map.of("gd", Map.of("max-iterations", "20", "step", "0.02"),
            "run", Map.of("resample-batches", "3")));
    RunRecord local = local(spec);
    assertEquals(20, local.iterations(), local.message());
    String expected = withoutTiming(local);
    EvaluationTimes[] times = new EvaluationTimes[1];
    assertEquals(expected, withoutTiming(distributed(spec, 4, false, times)));
    assertEquals(expected, withoutTiming(distributed(spec, 3, true, times)));
  }

  @Test
  void portablePassesRunOnTheExecutorsWithTheLocalBitsAndOtherPassesOnTheDriver() {
    Activation activation = activation();
    int d = SPEC.d();
    Network teacher = teacher();
    // sum of y x_a and of y^2 over rows; captured values (a weight vector) travel with the task
    double[] scale = {0.5, 2};
    SampleReducer.PortableTask moments = (block, acc) -> {
      for (int r = 0; r < block.rows(); r++) {
        double y = block.y()[block.yOffset() + r];
        for (int a = 0; a < block.d(); a++) {
          acc[a] += scale[0] * y * block.x()[block.xOffset() + r * block.d() + a];
        }
        acc[d] += scale[1] * y * y + block.firstRow() * 1e-9; // the block's true position
      }
    };
    double[] filled = new double[1];
    SampleReducer.SampleBlockTask fills = (block, acc) -> {
      synchronized (filled) {
        filled[0] += block.rows(); // writes the caller's array: must run here
      }
    };
    try (BlockExecutor executor = new BlockExecutor(2);
        SparkPlacement placement = new SparkPlacement(spark, SPEC, List.of(), 3, true)) {
      Samples samples = placement.generate(teacher, activation, SPEC, executor);
      SampleReducer reducer = placement.reducer(samples, executor);
      double[] expected = executor.sum(SampleGenerator.generate(teacher, activation, SPEC.n(),
          SPEC.noise(), SPEC.seed(), executor), d + 1, moments);
      assertTrue(expected[d] > 0);
      assertArrayEquals(expected, reducer.sum(samples, d + 1, moments));
      assertEquals(1, placement.times().initializerPasses());
      reducer.sum(samples, 1, fills);
      assertEquals(SPEC.n(), filled[0]);
      assertEquals(1, placement.times().initializerPasses());
      // a per-row pass: each row's y x_1 and position, in sample order, from the executors
      SampleReducer.RowTask rows = (block, out) -> {
        for (int r = 0; r < block.rows(); r++) {
          out[2 * r] = block.y()[block.yOffset() + r] * block.x()[block.xOffset() + r * d];
          out[2 * r + 1] = block.firstRow() + r;
        }
      };
      double[] shipped = reducer.rows(samples, 2, rows);
      assertEquals(2, placement.times().initializerPasses());
      for (int j = 0; j < SPEC.n(); j += 997) {
        assertEquals(j, shipped[2 * j + 1]);
      }
      try (BlockExecutor local = new BlockExecutor(1)) {
        assertArrayEquals(local.rows(SampleGenerator.generate(teacher, activation, SPEC.n(),
            SPEC.noise(), SPEC.seed(), local), 2, rows), shipped);
      }
    }
  }

  @Test
  void aFolderOfNpyPartsIsReadOnTheExecutorsWithTheLocalRecord(@TempDir Path dir)
      throws IOException {
    Samples all;
    try (BlockExecutor executor = new BlockExecutor(2)) {
      all = SampleGenerator.generate(teacher(), activation(), 9000, 0, 3, executor);
    }
    // parts of 3000 and 6000 rows: block 1 (rows 2048-4095) straddles the two files
    Path folder = Files.createDirectory(dir.resolve("parts"));
    int d = all.d();
    SampleFiles.writeNpy(folder.resolve("part-0.npy"), new Samples(
        Arrays.copyOfRange(all.x(), 0, 3000 * d), Arrays.copyOfRange(all.y(), 0, 3000), d));
    SampleFiles.writeNpy(folder.resolve("part-1.npy"), new Samples(
        Arrays.copyOfRange(all.x(), 3000 * d, 9000 * d), Arrays.copyOfRange(all.y(), 3000, 9000),
        d));
    RunSpec spec = new RunSpec("squared-relu", "tensor", "gd", 20, 3, 0, 2, 0, "random", 7,
        Map.of("gd", Map.of("max-iterations", "20", "step", "0.02")), folder.toString(), null);
    RunRecord local = local(spec);
    assertEquals(Outcome.BUDGET_EXHAUSTED, local.outcome(), local.message());
    String expected = withoutTiming(local);
    EvaluationTimes[] times = new EvaluationTimes[1];
    assertEquals(expected, withoutTiming(distributed(spec, 3, true, times)));
    assertTrue(times[0].evaluations() >= 21, times[0].toString());
  }

  private static Activation activation() {
    return ((ActivationProvider) registry.find(PluginKind.ACTIVATION, "squared-relu")
        .provider()).create(registry.resolveParams(PluginKind.ACTIVATION, "squared-relu",
        Map.of()));
  }

  /** Any fixed teacher of SPEC's shape. */
  private static Network teacher() {
    double[] w = new double[SPEC.k() * SPEC.d()];
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.sin(i + 1.0);
    }
    return new Network(w, new double[] {1, -1, 0.5}, SPEC.d());
  }
}
