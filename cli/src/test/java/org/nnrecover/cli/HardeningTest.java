package org.nnrecover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.store.ResultStore;

/** Interrupted sweeps, edited sweeps, store repair, data runs and the progress lines. */
class HardeningTest {
  /** {@link AblateTest#SWEEP} with a zipped key that does not vary (as fig1c's run.v-domain). */
  private static final String SWEEP = AblateTest.SWEEP.replace("seeds: 1..6", "seeds: SEEDS")
      .replace("random.v: [random, oracle]\n",
          "random.v: [random, oracle]\n      run.v-domain: [signs, signs]\n");

  @TempDir Path dir;

  private Path sweep(String name, String seeds, int iterations) throws IOException {
    return Files.writeString(dir.resolve(name), SWEEP.replace("SEEDS", seeds)
        .replace("ITERATIONS", String.valueOf(iterations)));
  }

  private record Result(int code, String out, String err) {}

  private static Result nnrecover(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  private static long lines(Path file) throws IOException {
    return Files.readString(file).chars().filter(c -> c == '\n').count();
  }

  /** SIGTERM mid-sweep: one line with the recorded count and a command that resumes it. */
  @Test
  void sigtermSaysHowManyRunsAreRecordedAndHowToResume() throws Exception {
    Path sweep = sweep("tiny.yaml", "1..6", 800);
    Path out = dir.resolve("out");
    Path runs = out.resolve(ResultStore.RUNS_FILE);
    Path log = dir.resolve("child.err");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "ablate", sweep.toString(), "--out", out.toString(), "--threads", "1")
        .redirectError(log.toFile())
        .redirectOutput(dir.resolve("child.out").toFile())
        .start();
    while (child.isAlive() && (!Files.exists(runs) || lines(runs) < 2)) {
      Thread.sleep(5);
    }
    assertTrue(child.isAlive(), "the child must still be running when it is stopped");
    child.destroy(); // SIGTERM: shutdown hooks run
    assertTrue(child.waitFor(20, TimeUnit.SECONDS));
    List<String> said = Files.readAllLines(log);
    assertEquals(1, said.size(), "one line: " + said);
    Matcher m = Pattern.compile("interrupted: (\\d+) of 12 runs are recorded in (.+); resume "
        + "with: nnrecover (ablate .* --resume)").matcher(said.get(0));
    assertTrue(m.matches(), said.get(0));
    assertEquals(lines(runs), Long.parseLong(m.group(1)), "the count is what is on disk");
    assertEquals(runs.toString(), m.group(2));
    // the printed command resumes the sweep (no word of it needs quoting here)
    Result resumed = nnrecover(m.group(3).split(" "));
    assertEquals(0, resumed.code(), resumed.err());
    assertEquals(12, lines(runs));
  }

  /** An edited sweep file is refused on --resume, naming the change; --extend keeps history. */
  @Test
  void anEditedSweepNeedsExtendWhichKeepsTheEarlierFile() throws Exception {
    Path out = dir.resolve("out");
    Path first = sweep("a.yaml", "1..2", 5);
    assertEquals(0, nnrecover("ablate", first.toString(), "--out", out.toString()).code());
    Path second = sweep("b.yaml", "1..3", 5);
    Result refused = nnrecover("ablate", second.toString(), "--out", out.toString(), "--resume");
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("seeds: 1..2 before, 1..3 now"), refused.err());
    assertEquals(4, lines(out.resolve(ResultStore.RUNS_FILE)), "nothing ran");
    Result extended = nnrecover("ablate", second.toString(), "--out", out.toString(), "--extend");
    assertEquals(0, extended.code(), extended.err());
    assertTrue(extended.out().contains("4 already recorded, 2 to run"), extended.out());
    assertEquals(6, lines(out.resolve(ResultStore.RUNS_FILE)));
    assertEquals(Files.readString(first), Files.readString(out.resolve("sweep.1.yaml")));
    assertEquals(Files.readString(second), Files.readString(out.resolve(ResultStore.SWEEP_FILE)));
  }

  /** Progress lines name the cell by the keys that vary (not the constant run.v-domain). */
  @Test
  void progressLinesShowOnlyTheKeysThatVary() throws Exception {
    Result r = nnrecover("ablate", sweep("a.yaml", "1", 3).toString(), "--out",
        dir.resolve("out").toString());
    assertEquals(0, r.code(), r.err());
    List<String> progress = r.out().lines().filter(l -> l.startsWith("[")).toList();
    assertEquals(2, progress.size(), r.out());
    assertTrue(progress.get(0).contains("label=A, random.v=random seed 1")
        || progress.get(0).contains("label=B, random.v=oracle seed 1"), progress.get(0));
    progress.forEach(line -> assertFalse(line.contains("v-domain"), line));
  }

  /** A divergence is an outcome of the run, reported as such and not as a failure. */
  @Test
  void aDivergenceIsNotAnnouncedAsAFailure() throws Exception {
    String text = SWEEP.replace("SEEDS", "1").replace("ITERATIONS", "200")
        .replace("  gd.gradient-tolerance: 0\n", "  gd.gradient-tolerance: 0\n  gd.step: 1e3\n");
    Path sweep = Files.writeString(dir.resolve("wild.yaml"), text);
    Result r = nnrecover("ablate", sweep.toString(), "--out", dir.resolve("out").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("diverged"), r.out());
    assertFalse(r.out().contains("failed"), r.out());
    assertTrue(r.out().contains("failures 0"), r.out());
  }

  /** store repair moves the unreadable lines aside and says how many; report works again. */
  @Test
  void storeRepairMovesUnreadableLinesAside() throws Exception {
    Path out = dir.resolve("out");
    assertEquals(0, nnrecover("ablate", sweep("a.yaml", "1", 3).toString(), "--out",
        out.toString()).code());
    Path runs = out.resolve(ResultStore.RUNS_FILE);
    List<String> records = Files.readAllLines(runs);
    Files.writeString(runs, records.get(0) + "\n#garbage\n" + records.get(1) + "\n");
    assertEquals(2, nnrecover("report", out.toString(), "--no-charts").code());
    Result repaired = nnrecover("store", "repair", out.toString());
    assertEquals(0, repaired.code(), repaired.err());
    assertTrue(repaired.out().contains("moved 1 unreadable line (line 2)"), repaired.out());
    assertEquals(List.of("#garbage"), Files.readAllLines(out.resolve(
        ResultStore.UNREADABLE_FILE)));
    assertEquals(records, Files.readAllLines(runs));
    assertEquals(0, nnrecover("report", out.toString(), "--no-charts").code());
  }

  /** A run on a data file records the d and n it used, in the header line and the JSON. */
  @Test
  void aDataRunRecordsTheDimensionAndSampleCountItUsed() throws Exception {
    StringBuilder csv = new StringBuilder("x1,x2,x3,y\n");
    for (int i = 0; i < 40; i++) {
      csv.append(i % 3 - 1).append(',').append(i % 5 - 2).append(',').append(i % 7 - 3)
          .append(',').append(i % 2).append('\n');
    }
    Path data = Files.writeString(dir.resolve("data.csv"), csv);
    String[] args = {"run", "--activation", "relu", "-k", "1", "--initializer", "random",
        "--set", "gd.max-iterations=1", "--data", data.toString()};
    Result text = nnrecover(args);
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().lines().findFirst().orElseThrow().contains("d=3 k=1 n=40 data="),
        text.out());
    String[] json = java.util.Arrays.copyOf(args, args.length + 2);
    json[args.length] = "--format";
    json[args.length + 1] = "json";
    JsonNode record = Json.mapper().readTree(nnrecover(json).out());
    assertEquals(3, record.get("d").asInt());
    assertEquals(40, record.get("n").asInt());
    assertEquals(0, record.get("spec").get("n").asInt(), "the spec is kept as given");
  }
}
