package org.nnrecover.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.core.run.Metrics;
import org.nnrecover.core.run.Outcome;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.run.RunSpec;
import org.nnrecover.core.run.SpecSchema;

class ResultStoreTest {
  @TempDir Path dir;

  private static RunSpec spec(long seed, String step) {
    Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    settings.put("run", Map.of("trace-every", "10"));
    settings.put("gd", Map.of("step", step, "max-iterations", "200"));
    return SpecSchema.bind(Map.of("activation", "squared-relu", "initializer", "random", "d", 5,
        "k", 2, "n", 500, "seed", seed), settings);
  }

  private static RunRecord record(RunSpec spec, double unitError) {
    Metrics fin = new Metrics(unitError, 2 * unitError, true, unitError <= 0.01, unitError, null,
        1e-3, Double.NaN, 0.5);
    return new RunRecord(spec, Map.of("gd", Map.of("step", 0.02)), null, Outcome.CONVERGED,
        "gradient", null, null, null, fin, 17, 18, 0.75, Map.of(), Map.of(), List.of(), fin,
        false, spec.d(), spec.n());
  }

  private static Map<String, String> coordinates(String v) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("d", "5");
    c.put("label", "I");
    c.put("random.v", v);
    return c;
  }

  @Test
  void appendedRecordsAreOnDiskAtOnceAndReadBackWithTheirCoordinates() throws IOException {
    Path runs = dir.resolve(ResultStore.RUNS_FILE);
    try (ResultStore store = ResultStore.open(dir, false)) {
      store.append(record(spec(1, "0.02"), 0.5), "fig", coordinates("oracle"), "cell-a");
      // written and synced before append returns: visible through another reader while open
      assertEquals(1, Files.readAllLines(runs).size());
      store.append(record(spec(2, "0.02"), 0.005), "fig", coordinates("random"), "cell-b");
      assertEquals(2, Files.readAllLines(runs).size());
    }
    List<StoredRun> stored = ResultStore.read(dir);
    assertEquals(2, stored.size());
    StoredRun first = stored.get(0);
    assertEquals(1, first.line());
    assertEquals("fig", first.sweep());
    assertEquals("cell-a", first.cell());
    assertEquals(List.of("d", "label", "random.v"), List.copyOf(first.coordinates().keySet()));
    assertEquals("oracle", first.coordinates().get("random.v"));
    assertEquals(spec(1, "0.02"), first.record().spec());
    assertEquals(0.5, first.record().finalMetrics().unitError());
    assertEquals(1.0, first.record().finalMetrics().frobError());
    // NaN survives the round trip (written as the string "NaN")
    assertTrue(Double.isNaN(first.record().finalMetrics().relativeObjective()));
    assertEquals(17, first.record().iterations());
    assertEquals(Boolean.TRUE, stored.get(1).record().finalMetrics().success());
  }

  @Test
  void existingResultsAreRefusedWithoutResume() {
    try (ResultStore store = ResultStore.open(dir, false)) {
      store.append(record(spec(1, "0.02"), 0.5), "fig", Map.of(), "all");
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ResultStore.open(dir, false));
    assertTrue(e.getMessage().contains("already holds results"), e.getMessage());
    assertTrue(e.getMessage().contains("--resume"), e.getMessage());
  }

  @Test
  void resumeCutsATornLastLineAndMatchesRunsBySpec() throws IOException {
    Path runs = dir.resolve(ResultStore.RUNS_FILE);
    try (ResultStore store = ResultStore.open(dir, false)) {
      store.append(record(spec(3, "0.02"), 0.5), "fig", Map.of(), "all");
      store.append(record(spec(1, "0.02"), 0.5), "fig", Map.of(), "all");
    }
    long whole = Files.size(runs);
    String torn = "{\"spec\":{\"activation\":\"squared-re";
    Files.writeString(runs, torn, StandardOpenOption.APPEND);
    // the reader skips the torn line and leaves the file alone
    assertEquals(2, ResultStore.read(dir).size());
    assertEquals(whole + torn.length(), Files.size(runs));

    try (ResultStore store = ResultStore.open(dir, true)) {
      assertTrue(store.repair().orElseThrow().contains("(" + torn.length() + " bytes)"));
      assertEquals(whole, Files.size(runs));
      assertEquals(2, store.recordedCount());
      // matched by spec, whatever the position or the order settings were given in
      assertTrue(store.contains(spec(1, "0.02")));
      assertTrue(store.contains(spec(3, "0.02")));
      assertFalse(store.contains(spec(2, "0.02")));
      assertFalse(store.contains(spec(1, "0.03")));
      store.append(record(spec(2, "0.02"), 0.5), "fig", Map.of(), "all");
      assertTrue(store.contains(spec(2, "0.02")));
    }
    assertEquals(3, ResultStore.read(dir).size());
    try (ResultStore store = ResultStore.open(dir, true)) {
      assertTrue(store.repair().isEmpty());
      assertEquals(3, store.recordedCount());
    }
  }

  @Test
  void aDamagedCompleteLineIsReportedWithItsNumber() throws IOException {
    try (ResultStore store = ResultStore.open(dir, false)) {
      store.append(record(spec(1, "0.02"), 0.5), "fig", Map.of(), "all");
    }
    Files.writeString(dir.resolve(ResultStore.RUNS_FILE), "{\"no\":\"spec\"}\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ResultStore.open(dir, true));
    assertTrue(e.getMessage().contains("line 2 is not a run record"), e.getMessage());
  }

  @Test
  void aLineMadeElsewhereIsAppendedByteForByteAndASecondCopyOfASpecIsDropped() throws IOException {
    RunRecord first = record(spec(1, "0.02"), 0.5);
    String line = ResultStore.line(first, "fig", coordinates("oracle"), "cell-a");
    try (ResultStore store = ResultStore.open(dir, false)) {
      assertTrue(store.appendLine(first.spec(), line));
      // the same spec again (a task that ran twice), even with other numbers: not written
      assertFalse(store.appendLine(first.spec(),
          ResultStore.line(record(spec(1, "0.02"), 0.25), "fig", coordinates("oracle"), "cell-a")));
      assertFalse(store.append(first, "fig", coordinates("oracle"), "cell-a"));
      assertTrue(store.append(record(spec(2, "0.02"), 0.5), "fig", coordinates("oracle"),
          "cell-a"));
    }
    List<String> lines = Files.readAllLines(dir.resolve(ResultStore.RUNS_FILE));
    assertEquals(2, lines.size());
    assertEquals(line, lines.get(0));
    assertEquals(0.5, ResultStore.read(dir).get(0).record().finalMetrics().unitError());
  }

  @Test
  void aChangedSweepFileKeepsTheEarlierOneUnderANewName() throws IOException {
    Path out = dir.resolve("out");
    try (ResultStore store = ResultStore.open(out, false)) {
      assertEquals(java.util.Optional.empty(), store.recordSweepText("name: s\n"));
      assertEquals(java.util.Optional.empty(), store.recordSweepText("name: s\n"));
      assertEquals(java.util.Optional.of("sweep.1.yaml"), store.recordSweepText("name: t\n"));
      assertEquals(java.util.Optional.of("sweep.2.yaml"), store.recordSweepText("name: u\n"));
    }
    assertEquals("name: u\n", Files.readString(out.resolve(ResultStore.SWEEP_FILE)));
    assertEquals("name: s\n", Files.readString(out.resolve("sweep.1.yaml")));
    assertEquals("name: t\n", Files.readString(out.resolve("sweep.2.yaml")));
  }

  @Test
  void repairMovesUnreadableLinesAsideAndKeepsTheRest() throws IOException {
    try (ResultStore store = ResultStore.open(dir, false)) {
      store.append(record(spec(1, "0.02"), 0.5), "fig", Map.of(), "all");
    }
    Path runs = dir.resolve(ResultStore.RUNS_FILE);
    String first = Files.readString(runs);
    Files.writeString(runs, "garbage {\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (ResultStore store = ResultStore.open(dir, true)) {
      fail("a damaged middle line must be refused");
    } catch (IllegalArgumentException expected) {
      // the line is named; repair is what the test exercises
    }
    Files.writeString(runs, first + "garbage {\n" + first.replace("0.02", "0.03") + "{\"torn",
        StandardCharsets.UTF_8);
    assertEquals(List.of(2, 4), ResultStore.repairLines(dir));
    assertEquals(first + first.replace("0.02", "0.03"), Files.readString(runs));
    assertEquals("garbage {\n{\"torn\n",
        Files.readString(dir.resolve(ResultStore.UNREADABLE_FILE)));
    assertEquals(List.of(), ResultStore.repairLines(dir), "a second repair changes nothing");
    try (ResultStore store = ResultStore.open(dir, true)) {
      assertEquals(2, store.recordedCount());
    }
  }
}
