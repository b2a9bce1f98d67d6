package org.nnrecover.core.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.run.Outcome;
import org.nnrecover.core.run.RunRecord;

/**
 * The one reader of run records, for every reader there is (reports and charts, {@code --resume},
 * {@code run --from-record}, the Spark driver): Jackson reads the same {@link RunRecord} (and
 * {@link StoreFields}) that wrote the record. Fields it does not know (a newer version's) are
 * ignored; a record that lacks its spec or outcome, or holds a value of the wrong kind, is refused
 * with one sentence that names where it is and what is wrong.
 */
public final class RecordReader {
  private RecordReader() {}

  /**
   * Reads one record: a result-store line, or a record on its own (compact or pretty-printed).
   *
   * @param json the record's text
   * @param line its line number, from 1 (1 for a record on its own)
   * @param where where it is, for messages (for example {@code DIR/runs.jsonl, line 3})
   * @throws IllegalArgumentException {@code WHERE is not a run record (WHAT IS WRONG)}
   */
  public static StoredRun read(String json, int line, String where) {
    try {
      JsonNode node = Json.mapper().readTree(json);
      if (!(node instanceof ObjectNode object) || !node.path("spec").isObject()) {
        throw refused(where, "no \"spec\" object");
      }
      RunRecord record = Json.mapper().treeToValue(object, RunRecord.class);
      if (record.outcome() == null) {
        throw refused(where, "no \"outcome\"; allowed: " + Outcome.allowed());
      }
      StoreFields store = Json.mapper().treeToValue(object, StoreFields.class);
      return new StoredRun(line, store.sweep(),
          store.coordinates() == null ? Map.of() : store.coordinates(), store.cell(), record);
    } catch (JsonProcessingException e) {
      throw refused(where, reason(e));
    }
  }

  /**
   * Reads every non-blank line of a result store.
   *
   * @param lines the file's lines, in order
   * @param file the file's name, for messages
   * @throws IllegalArgumentException naming the file and the first line that is not a record
   */
  public static List<StoredRun> readLines(List<String> lines, String file) {
    List<StoredRun> stored = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        stored.add(read(lines.get(i), i + 1, file + ", line " + (i + 1)));
      }
    }
    return stored;
  }

  private static IllegalArgumentException refused(String where, String why) {
    return new IllegalArgumentException(where + " is not a run record (" + why + ")");
  }

  /**
   * What Jackson found wrong, in one line: the field path and the problem for a value of the wrong
   * kind (our own message when one of our types refused the value), the column for broken JSON.
   */
  private static String reason(JsonProcessingException e) {
    String what = e.getCause() instanceof IllegalArgumentException refusal
        ? refusal.getMessage() : e.getOriginalMessage();
    what = what.lines().findFirst().orElse("");
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference step : mapping.getPath()) {
        path.append(step.getFieldName() != null
            ? (path.length() == 0 ? "" : ".") + step.getFieldName()
            : "[" + step.getIndex() + "]");
      }
      return "field " + path + ": " + what;
    }
    JsonLocation location = e.getLocation();
    return location != null && location.getColumnNr() > 0
        ? what + ", at column " + location.getColumnNr() : what;
  }
}
