package org.nnrecover.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.run.Outcome;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.sweep.SweepRun;

/** The one reader of run records, on records written by the previous release and on bad ones. */
class RecordReaderTest {
  private static String resource(String name) throws Exception {
    try (var in = RecordReaderTest.class.getResourceAsStream("/records/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> legacyLines() throws Exception {
    return resource("legacy-runs.jsonl").lines().toList();
  }

  private static String refusal(String json) {
    return assertThrows(IllegalArgumentException.class,
        () -> RecordReader.read(json, 3, "runs.jsonl, line 3")).getMessage();
  }

  @Test
  void aStoredLineIsReadAndWrittenBackByteForByte() throws Exception {
    // the typed record loses nothing of the previous release's layout: read, then written by the
    // store's writer, each line is the same text
    for (String line : legacyLines()) {
      StoredRun run = RecordReader.read(line, 1, "legacy");
      assertEquals(line, ResultStore.line(run.record(), run.sweep(), run.coordinates(),
          run.cell()));
      // the cell keys the previous release wrote are the one cell-key function's
      assertEquals(run.cell(), SweepRun.cellKey(run.coordinates()));
    }
  }

  @Test
  void recordsOfRunFormatJsonAreReadWithoutStoreFields() throws Exception {
    StoredRun run = RecordReader.read(resource("legacy-run.json"), 1, "legacy-run.json");
    assertNull(run.sweep());
    assertEquals(Map.of(), run.coordinates());
    assertEquals("all", run.cell());
    RunRecord r = run.record();
    assertEquals(Outcome.BUDGET_EXHAUSTED, r.outcome());
    assertEquals("max-iterations", r.stopReason());
    assertEquals(30, r.iterations());
    assertEquals(0.0554578596314386, r.finalMetrics().unitError(), 0);
    assertEquals(4, r.trace().size());
    assertEquals("33c7d0e", r.provenance().commit());
    assertEquals(3, r.spec().seed());

    RunRecord refused = RecordReader.read(resource("legacy-refused.json"), 1, "r").record();
    assertEquals(Outcome.REFUSED, refused.outcome());
    assertEquals("tensor", refused.failedPlugin());
    assertNull(refused.init());
    assertNull(refused.finalMetrics());
    assertNull(refused.worsened());
    assertEquals(List.of(), refused.trace());
    assertTrue(refused.message().startsWith("the tensor initializer needs the moment order j2"));
  }

  @Test
  void unknownFieldsOfANewerVersionAreIgnored() throws Exception {
    String line = legacyLines().get(0);
    ObjectNode newer = (ObjectNode) Json.mapper().readTree(line);
    newer.put("energy", 1.5);
    ((ObjectNode) newer.get("spec")).put("precision", "double-double");
    ((ObjectNode) newer.get("trace").get(2)).putObject("curvature").put("min", 0.1);
    ((ObjectNode) newer.get("final")).put("angleError", 0.01);
    assertEquals(RecordReader.read(line, 1, "old").record(),
        RecordReader.read(Json.compact(newer), 1, "new").record());
  }

  @Test
  void aLineWithoutCellGetsTheOneCellKey() {
    StoredRun run = RecordReader.read("{\"spec\":{\"seed\":1,\"settings\":{}},\"outcome\":"
        + "\"diverged\",\"coordinates\":{\"d\":\"10\",\"gd.step\":\"0.1\"}}", 1, "x");
    assertEquals("d=10, gd.step=0.1", run.cell());
    assertEquals(Outcome.DIVERGED, run.record().outcome());
  }

  @Test
  void aMalformedRecordIsNamedWithWhereAndWhat() throws Exception {
    String line = legacyLines().get(0);
    assertEquals("runs.jsonl, line 3 is not a run record (field outcome: 'exploded' is not an "
        + "outcome; allowed: converged, budget-exhausted, stopped, diverged, refused, failed)",
        refusal(line.replace("\"outcome\":\"converged\"", "\"outcome\":\"exploded\"")));
    String kind = refusal(line.replace("\"iterations\":154", "\"iterations\":\"many\""));
    assertTrue(kind.startsWith("runs.jsonl, line 3 is not a run record (field iterations: "),
        kind);
    assertTrue(kind.contains("\"many\""), kind);
    String row = refusal(line.replaceFirst("\\{\"iteration\":0,\"objective\":[-0-9.E]+",
        "{\"iteration\":0,\"objective\":[1]"));
    assertTrue(row.contains("(field trace[0].objective: "), row);
    String broken = refusal("{\"spec\":{\"seed\":1},");
    assertTrue(broken.startsWith("runs.jsonl, line 3 is not a run record ("), broken);
    assertTrue(broken.contains("at column"), broken);
    assertEquals("runs.jsonl, line 3 is not a run record (no \"spec\" object)",
        refusal("{\"outcome\":\"converged\"}"));
    assertEquals("runs.jsonl, line 3 is not a run record (no \"spec\" object)", refusal("[1,2]"));
    assertEquals("runs.jsonl, line 3 is not a run record (no \"outcome\"; allowed: converged, "
        + "budget-exhausted, stopped, diverged, refused, failed)",
        refusal("{\"spec\":{\"seed\":1,\"settings\":{}}}"));
  }

  @Test
  void aStoreNamesItsFileAndTheBadLine(@TempDir Path dir) throws Exception {
    List<String> lines = legacyLines();
    Files.writeString(dir.resolve(ResultStore.RUNS_FILE), lines.get(0) + "\n"
        + lines.get(1).replace("\"seed\":2", "\"seed\":\"two\"") + "\n" + lines.get(2) + "\n");
    String message = assertThrows(IllegalArgumentException.class,
        () -> ResultStore.read(dir)).getMessage();
    // the spec is bound by the run-spec schema, whose message names the field
    assertTrue(message.startsWith(dir.resolve(ResultStore.RUNS_FILE) + ", line 2 is not a run "
        + "record (field spec: "), message);
    assertTrue(message.contains("seed must be an integer, got 'two'"), message);
  }
}
