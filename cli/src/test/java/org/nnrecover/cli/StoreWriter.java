package org.nnrecover.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.report.ReportedRun;
import org.nnrecover.core.run.RunRecord;

/** Writes real run records as result-store lines (record + sweep, coordinates, cell), for tests. */
final class StoreWriter {
  private StoreWriter() {}

  static void append(Path dir, String sweep, Map<String, String> coordinates, RunRecord record)
      throws IOException {
    ObjectNode line = Json.mapper().valueToTree(record);
    line.put("sweep", sweep);
    ObjectNode coords = line.putObject("coordinates");
    coordinates.forEach(coords::put);
    line.put("cell", ReportedRun.cellKey(coordinates));
    Files.writeString(dir.resolve("runs.jsonl"), Json.compact(line) + "\n",
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
