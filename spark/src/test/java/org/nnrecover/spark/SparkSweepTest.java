package org.nnrecover.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.core.ablation.AblationRunner;
import org.nnrecover.core.ablation.AblationSummary;
import org.nnrecover.core.ablation.ProgressListener;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginJarsForTests;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.Runner;
import org.nnrecover.core.store.ResultStore;
import org.nnrecover.core.sweep.Sweep;
import org.nnrecover.core.sweep.SweepFile;
import org.nnrecover.core.sweep.SweepRun;

/**
 * Distributed sweeps in Spark's local[2] mode against the local {@code ablate} path: the same
 * lines, resume, a run executed twice recorded once, a plugin jar that fails on the executors.
 */
class SparkSweepTest {
  /** 2 initializers x 3 seeds of small, quick runs (tensor and random initialization). */
  static final String SWEEP = """
      name: spark-test
      seeds: 1..3
      fixed:
        activation: squared-relu
        optimizer: gd
        d: 6
        k: 2
        n: 3000
        gd.step: 0.02
        gd.max-iterations: 150
        run.trace-every: 25
      axes:
        - initializer: [tensor, random]
      """;

  @TempDir static Path dir;
  private static JavaSparkContext spark;
  private static PluginRegistry registry;
  private static Sweep sweep;
  private static Path local;

  @BeforeAll
  static void start() {
    spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("test")
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1"));
    registry = PluginRegistry.discover(SparkSweepTest.class.getClassLoader());
    sweep = parse(SWEEP, registry);
    local = dir.resolve("local");
    try (ResultStore store = ResultStore.open(local, false)) {
      new AblationRunner(registry, 2).run(sweep, store, ProgressListener.NONE);
    }
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Sweep parse(String text, PluginRegistry plugins) {
    try (BlockExecutor unused = new BlockExecutor(1)) {
      return SweepFile.parse(text, "test.yaml", new Runner(plugins, unused));
    }
  }

  @Test
  void everyRecordEqualsTheLocalAblateRecordTimingAside() throws IOException {
    Path out = dir.resolve("spark");
    AblationSummary summary;
    List<Integer> progress = new ArrayList<>();
    try (ResultStore store = ResultStore.open(out, false)) {
      summary = new SparkSweep(spark, List.of()).run(sweep, store,
          (done, total, run, outcome) -> progress.add(done));
    }
    assertEquals(6, summary.runs());
    assertEquals(List.of(1, 2, 3, 4, 5, 6), progress);
    List<String> expected = RecordLines.of(local);
    assertEquals(6, expected.size());
    assertEquals(expected, RecordLines.of(out));
    // the comparison is not vacuous: the runs did optimize, and differ from each other
    JsonNode first = Json.mapper().readTree(expected.get(0));
    assertTrue(first.path("iterations").asInt() > 0, expected.get(0));
    assertEquals(6, expected.stream().distinct().count());
  }

  @Test
  void resumeRunsOnlyWhatIsMissingAfterATornLine() throws IOException {
    Path out = dir.resolve("resumed");
    Files.createDirectories(out);
    List<String> localLines = Files.readAllLines(local.resolve(ResultStore.RUNS_FILE));
    // a driver killed after two records, in the middle of writing the third
    Files.writeString(out.resolve(ResultStore.RUNS_FILE), localLines.get(0) + "\n"
        + localLines.get(1) + "\n" + localLines.get(2).substring(0, 40));
    AblationSummary summary;
    try (ResultStore store = ResultStore.open(out, true)) {
      summary = new SparkSweep(spark, List.of()).run(sweep, store, (d, t, r, o) -> { });
    }
    assertEquals(4, summary.runs());
    assertEquals(2, summary.skipped());
    assertEquals(RecordLines.of(local), RecordLines.of(out));
    // the two kept lines were not rewritten
    List<String> lines = Files.readAllLines(out.resolve(ResultStore.RUNS_FILE));
    assertEquals(localLines.subList(0, 2), lines.subList(0, 2));
  }

  @Test
  void aRunWhoseTaskRanTwiceIsRecordedOnce() throws IOException {
    Path out = dir.resolve("twice");
    List<SweepRun> twice = new ArrayList<>(sweep.runs());
    twice.addAll(sweep.runs()); // every run submitted twice: both tasks finish, both report
    AblationSummary summary;
    try (ResultStore store = ResultStore.open(out, false)) {
      summary = new SparkSweep(spark, List.of()).execute(sweep.name(), twice, store, 0,
          (d, t, r, o) -> { });
    }
    assertEquals(6, summary.runs());
    assertEquals(RecordLines.of(local), RecordLines.of(out));
  }

  @Test
  void aPluginJarThatFailsOnTheExecutorsFailsItsRunsNotTheJob() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    PluginJarsForTests.compile(Map.of("test.plugins.Cube", """
        package test.plugins;
        import org.nnrecover.api.*;
        public final class Cube implements ActivationProvider {
          public String name() { return "cube"; }
          public String summary() { return "z^3 for tests"; }
          public Activation create(Params p) {
            return new Activation() {
              public double value(double z) { return z * z * z; }
              public double derivative(double z) { return 3 * z * z; }
              public double secondDerivative(double z) { return 6 * z; }
            };
          }
        }
        """), classes);
    Map<String, String> services = Map.of("org.nnrecover.api.ActivationProvider",
        "test.plugins.Cube\n");
    // the driver validates with a good jar; the executors get a copy built for another API
    Path good = PluginJarsForTests.jar(Files.createDirectories(dir.resolve("good"))
        .resolve("cube.jar"), classes, services, "1.0");
    Path bad = PluginJarsForTests.jar(Files.createDirectories(dir.resolve("bad"))
        .resolve("cube.jar"), classes, services, "99.0");
    PluginRegistry driver = PluginRegistry.discover(getClass().getClassLoader(),
        List.of(good.getParent()));
    Sweep mixed = parse(SWEEP.replace("name: spark-test", "name: mixed")
        .replace("activation: squared-relu", "initializer: random")
        .replace("- initializer: [tensor, random]", "- activation: [squared-relu, cube]"),
        driver);
    Path out = dir.resolve("plugin");
    try (ResultStore store = ResultStore.open(out, false)) {
      AblationSummary summary = new SparkSweep(spark, SparkSweep.ship(spark, List.of(bad)))
          .run(mixed, store, (d, t, r, o) -> { });
      assertEquals(6, summary.runs());
      assertEquals(3, summary.failures());
    }
    for (String line : Files.readAllLines(out.resolve(ResultStore.RUNS_FILE))) {
      JsonNode record = Json.mapper().readTree(line);
      if (record.path("spec").path("activation").asText().equals("cube")) {
        assertEquals("failed", record.path("outcome").asText(), line);
        String message = record.path("message").asText();
        assertTrue(message.contains("run failed on executor driver"), message);
        assertTrue(message.contains("cube.jar"), message);
        assertTrue(message.contains("99.0"), message);
      } else {
        assertFalse(record.path("outcome").asText().equals("failed"), line);
      }
    }
  }

  @Test
  void anUnreachableMasterIsOneLineAndExitCode2BeforeAnythingIsWritten() throws IOException {
    Path sweepFile = Files.writeString(dir.resolve("s.yaml"), SWEEP);
    Path out = dir.resolve("never");
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"ablate", sweepFile.toString(), "--out",
        out.toString(), "--master", "spark://127.0.0.1:1"}, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertEquals(Main.USAGE, code);
    assertTrue(err.toString().startsWith("nnrecover-spark ablate: cannot reach the Spark master "
        + "spark://127.0.0.1:1 ("), err.toString());
    assertFalse(Files.exists(out));
  }

  @Test
  void anInvalidSweepIsRefusedOnTheDriverWithExitCode2() throws IOException {
    Path sweepFile = Files.writeString(dir.resolve("bad.yaml"),
        SWEEP.replace("optimizer: gd", "optimizer: no-such-optimizer"));
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"ablate", sweepFile.toString(), "--out",
        dir.resolve("bad-out").toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertEquals(Main.USAGE, code);
    assertTrue(err.toString().contains("no-such-optimizer"), err.toString());
    assertFalse(Files.exists(dir.resolve("bad-out")));
  }
}
