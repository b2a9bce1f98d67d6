package org.nnrecover.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnrecover.core.io.IoErrors;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.run.RunSpec;

/**
 * {@code nnrecover run --from-record FILE[:LINE]}: the stored record to re-run, and the comparison
 * of a new record with it. Timing ({@code seconds} and the initializer's {@code seconds.*}) and
 * provenance (commit, threads, jar paths) may differ; every other byte of the record must match.
 *
 * @param where the record's file and line, as the user wrote them, for messages
 * @param stored the stored record, without a result store's own fields
 */
record RecordCheck(String where, ObjectNode stored) {
  /** A result store's fields around the run record. */
  private static final List<String> STORE_FIELDS = List.of("sweep", "coordinates", "cell");

  /**
   * Reads {@code FILE[:LINE]}: line LINE (from 1) of a result store, or, without a line, the file's
   * only record (a {@code run --format json} output, or a one-line store).
   *
   * @throws IllegalArgumentException naming the file and what is wrong
   */
  static RecordCheck read(String argument) {
    int colon = argument.lastIndexOf(':');
    String file = argument;
    int line = 0;
    if (colon > 0 && argument.substring(colon + 1).matches("[0-9]+")) {
      file = argument.substring(0, colon);
      line = Integer.parseInt(argument.substring(colon + 1));
    }
    Path path = Path.of(file);
    String text;
    try {
      text = IoErrors.readUtf8(path);
    } catch (IOException e) {
      throw new IllegalArgumentException("--from-record: cannot read " + file + ": "
          + IoErrors.reason(e), e);
    }
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    String json;
    if (line > 0) {
      if (line > lines.size()) {
        throw new IllegalArgumentException("--from-record: " + file + " has " + lines.size()
            + " record lines, not " + line + "; allowed: FILE:1 to FILE:" + lines.size());
      }
      json = lines.get(line - 1);
    } else if (lines.size() <= 1 || text.strip().startsWith("{\n")) {
      json = text; // a pretty-printed record (run --format json) or a one-line store
    } else {
      throw new IllegalArgumentException("--from-record: " + file + " holds " + lines.size()
          + " records; name one with " + file + ":LINE (LINE from 1)");
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("--from-record: " + argument + " is not a run record ("
          + e.getOriginalMessage() + ")", e);
    }
    if (!(node instanceof ObjectNode object) || !node.path("spec").isObject()) {
      throw new IllegalArgumentException("--from-record: " + argument
          + " is not a run record (no \"spec\" object)");
    }
    STORE_FIELDS.forEach(object::remove);
    return new RecordCheck(argument, object);
  }

  /** The spec and seed the record was made with. */
  RunSpec spec() {
    try {
      return Json.mapper().treeToValue(stored.get("spec"), RunSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("--from-record: the spec in " + where
          + " cannot be read (" + e.getOriginalMessage() + ")", e);
    }
  }

  /**
   * The fields of {@code again} that differ from the stored record, timing and provenance aside,
   * each as {@code field: stored ... now ...}; empty when it matches bit for bit (doubles are
   * written in their shortest round-trip form, so equal text means equal bits).
   */
  List<String> differences(RunRecord again) {
    JsonNode now;
    try {
      // through text, as the stored record went: the same number nodes (int, long, double)
      now = withoutTiming(Json.mapper().readTree(Json.mapper().writeValueAsString(again)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the new record as JSON", e);
    }
    JsonNode before = withoutTiming(stored.deepCopy());
    Set<String> fields = new LinkedHashSet<>();
    before.fieldNames().forEachRemaining(fields::add);
    now.fieldNames().forEachRemaining(fields::add);
    List<String> differences = new ArrayList<>();
    for (String field : fields) {
      JsonNode a = before.get(field);
      JsonNode b = now.get(field);
      if (a == null || b == null || !a.equals(b)) {
        differences.add(field + ": stored " + shorten(a) + ", now " + shorten(b));
      }
    }
    return differences;
  }

  /** Removes provenance and every {@code seconds} / {@code seconds.*} field, at any depth. */
  private static JsonNode withoutTiming(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("provenance");
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals("seconds") || field.getKey().startsWith("seconds.")) {
          fields.remove();
        } else {
          withoutTiming(field.getValue());
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(RecordCheck::withoutTiming);
    }
    return node;
  }

  private static String shorten(JsonNode node) {
    String text = node == null ? "(absent)" : node.toString();
    return text.length() <= 160 ? text : text.substring(0, 157) + "...";
  }
}
