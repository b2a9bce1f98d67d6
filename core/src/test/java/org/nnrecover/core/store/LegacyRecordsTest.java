package org.nnrecover.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.core.report.Report;
import org.nnrecover.core.report.RunStoreReader;
import org.nnrecover.core.report.SummaryCsv;
import org.nnrecover.core.run.Outcome;
import org.nnrecover.core.run.RunRecord;

/**
 * Records written by the release before the typed record reader (commit 33c7d0e, files under
 * {@code src/test/resources/records/}: {@code nnrecover ablate --threads 1} of
 * {@code legacy-sweep.yaml}, and {@code nnrecover run --format json} of a budget-exhausted and a
 * refused run) must still be read, and must still report the same numbers: the expected values
 * below were read from the files with Python's json module, and {@code legacy-summary-target-1e-3.csv}
 * is the {@code summary.csv} that release's {@code nnrecover report --target 1e-3} wrote for them.
 */
class LegacyRecordsTest {
  private static String resource(String name) throws Exception {
    try (var in = LegacyRecordsTest.class.getResourceAsStream("/records/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Path store(Path dir) throws Exception {
    Files.writeString(dir.resolve(ResultStore.RUNS_FILE), resource("legacy-runs.jsonl"));
    return dir;
  }

  @Test
  void aStoreOfThePreviousReleaseIsReadFieldByField(@TempDir Path dir) throws Exception {
    List<StoredRun> runs = ResultStore.read(store(dir));
    assertEquals(8, runs.size());
    StoredRun first = runs.get(0);
    assertEquals("legacy-two-categorical", first.sweep());
    assertEquals("activation=squared-relu, optimizer=gd", first.cell());
    assertEquals(List.of("activation", "optimizer"), List.copyOf(first.coordinates().keySet()));
    RunRecord r = first.record();
    assertEquals(1, r.spec().seed());
    assertEquals(Outcome.CONVERGED, r.outcome());
    assertEquals("objective-tolerance", r.stopReason());
    assertEquals(154, r.iterations());
    assertEquals(17, r.trace().size());
    assertEquals(154, r.trace().get(16).iteration());
    assertEquals(1.0164874909479176e-05, r.trace().get(16).objective(), 0);
    assertEquals(0.004721994803140351, r.finalMetrics().unitError(), 0);
    assertEquals(0.1334091932101811, r.init().objective(), 0);
    assertEquals(Boolean.FALSE, r.worsened());
    assertEquals(5, r.d());
    assertEquals(2000, r.n());
    int[] iterations = runs.stream().mapToInt(s -> s.record().iterations()).toArray();
    assertEquals(List.of(154, 200, 34, 155, 200, 200, 11, 48),
        java.util.Arrays.stream(iterations).boxed().toList());
    assertEquals(List.of("converged", "budget-exhausted", "converged", "converged",
        "budget-exhausted", "budget-exhausted", "converged", "converged"),
        runs.stream().map(s -> String.valueOf(s.record().outcome())).toList());
  }

  @Test
  void theReportOfThePreviousReleaseIsUnchanged(@TempDir Path dir) throws Exception {
    Report report = Report.of(RunStoreReader.read(store(dir)).runs(), 1e-3);
    assertEquals(resource("legacy-summary-target-1e-3.csv"), SummaryCsv.format(report));
  }
}
