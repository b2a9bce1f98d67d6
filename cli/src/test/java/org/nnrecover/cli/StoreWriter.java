package org.nnrecover.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.store.ResultStore;
import org.nnrecover.core.sweep.SweepRun;

/** Writes real run records as result-store lines (the store's own line), for tests. */
final class StoreWriter {
  private StoreWriter() {}

  static void append(Path dir, String sweep, Map<String, String> coordinates, RunRecord record)
      throws IOException {
    Files.writeString(dir.resolve(ResultStore.RUNS_FILE), ResultStore.line(record, sweep,
        coordinates, SweepRun.cellKey(coordinates)) + "\n", StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
