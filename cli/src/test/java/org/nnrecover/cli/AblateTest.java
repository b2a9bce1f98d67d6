package org.nnrecover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.core.ablation.AblationRunner;
import org.nnrecover.core.ablation.AblationSummary;
import org.nnrecover.core.ablation.ProgressListener;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.Outcome;
import org.nnrecover.core.run.Runner;
import org.nnrecover.core.store.ResultStore;
import org.nnrecover.core.store.StoredRun;
import org.nnrecover.core.sweep.Sweep;
import org.nnrecover.core.sweep.SweepFile;
import org.nnrecover.core.sweep.SweepRun;

/** Parallel ablations: thread-count independence, and surviving SIGKILL with --resume. */
class AblateTest {
  /** 2 cells x 6 seeds of tiny problems; fixed iteration counts (tolerances off). */
  static final String SWEEP = """
      name: tiny
      seeds: 1..6
      fixed:
        activation: squared-relu
        initializer: random
        optimizer: gd
        d: 5
        k: 2
        n: 500
        gd.max-iterations: ITERATIONS
        gd.gradient-tolerance: 0
        gd.objective-tolerance: 0
        run.trace-every: 50
      axes:
        - zip:
            label: [A, B]
            random.v: [random, oracle]
      """;

  @TempDir Path dir;

  private Path sweepFile(int iterations) throws IOException {
    return Files.writeString(dir.resolve("tiny.yaml"),
        SWEEP.replace("ITERATIONS", String.valueOf(iterations)));
  }

  /** Each stored line as written, keyed by its spec, with every timing field removed. */
  private static Map<String, JsonNode> withoutTimings(Path out) throws IOException {
    Map<String, JsonNode> runs = new HashMap<>();
    List<String> lines = Files.readAllLines(out.resolve(ResultStore.RUNS_FILE));
    for (StoredRun run : ResultStore.read(out)) {
      JsonNode copy = Json.mapper().readTree(lines.get(run.line() - 1));
      dropSeconds(copy);
      JsonNode before = runs.put(ResultStore.specKey(run.record().spec()), copy);
      assertEquals(null, before, "a spec is recorded twice");
    }
    return runs;
  }

  private static void dropSeconds(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("seconds");
    }
    node.forEach(AblateTest::dropSeconds);
  }

  private static AblationSummary ablate(Path sweepFile, Path out, int threads) {
    PluginRegistry registry = PluginRegistry.discover(AblateTest.class.getClassLoader());
    Sweep sweep;
    try (BlockExecutor executor = new BlockExecutor(1)) {
      sweep = SweepFile.load(sweepFile, new Runner(registry, executor));
    }
    try (ResultStore store = ResultStore.open(out, false)) {
      return new AblationRunner(registry, threads).run(sweep, store, ProgressListener.NONE);
    }
  }

  @Test
  void recordsDoNotDependOnTheThreadCount() throws IOException {
    Path sweep = sweepFile(100);
    AblationSummary one = ablate(sweep, dir.resolve("one"), 1);
    AblationSummary two = ablate(sweep, dir.resolve("two"), 2);
    assertEquals(12, one.runs());
    assertEquals(12, two.runs());
    assertEquals(Map.of(Outcome.BUDGET_EXHAUSTED, 12), one.byOutcome());
    Map<String, JsonNode> a = withoutTimings(dir.resolve("one"));
    assertEquals(12, a.size());
    // bit-identical numbers: JSON holds every double exactly (shortest round-trip form)
    assertEquals(a, withoutTimings(dir.resolve("two")));
    List<StoredRun> stored = ResultStore.read(dir.resolve("one"));
    assertEquals(6, stored.stream().filter(r -> r.cell().equals("label=B, random.v=oracle"))
        .count());
    // the sweep's cell keys are the one cell-key function's (readers derive missing ones with it)
    stored.forEach(r -> assertEquals(SweepRun.cellKey(r.coordinates()), r.cell()));
    assertEquals(Map.of("label", "A", "random.v", "random"),
        stored.stream().filter(r -> r.cell().startsWith("label=A")).findFirst().orElseThrow()
            .coordinates());
  }

  @Test
  void aSweepKilledWithSigkillAndResumedEqualsAnUninterruptedOne() throws Exception {
    Path sweep = sweepFile(500);
    Path killed = dir.resolve("killed");
    Path runs = killed.resolve(ResultStore.RUNS_FILE);
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "ablate", sweep.toString(), "--out", killed.toString(), "--threads", "1")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
    long linesAtKill = 0;
    while (child.isAlive() && linesAtKill < 2) {
      Thread.sleep(2);
      linesAtKill = Files.exists(runs) ? Files.readString(runs).chars().filter(c -> c == '\n')
          .count() : 0;
    }
    boolean aliveAtKill = child.isAlive();
    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
    assertTrue(child.waitFor(10, TimeUnit.SECONDS));
    assertTrue(aliveAtKill && linesAtKill < 12,
        "the child must be killed mid-sweep (it had " + linesAtKill + " lines); log:\n"
            + Files.readString(dir.resolve("child.log")));

    StringWriter out = new StringWriter();
    int code = Main.execute(new String[] {"ablate", sweep.toString(), "--out", killed.toString(),
        "--resume", "--threads", "2"}, new PrintWriter(out), new PrintWriter(out));
    assertEquals(0, code, out.toString());
    assertTrue(out.toString().contains("already recorded"), out.toString());

    ablate(sweep, dir.resolve("whole"), 2);
    Map<String, JsonNode> resumed = withoutTimings(killed);
    assertEquals(12, resumed.size());
    assertEquals(withoutTimings(dir.resolve("whole")), resumed);
    assertEquals(Files.readString(sweep), Files.readString(killed.resolve(ResultStore.SWEEP_FILE)));
  }
}
