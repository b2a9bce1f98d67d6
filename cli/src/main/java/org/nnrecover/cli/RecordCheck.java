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
import org.nnrecover.core.store.RecordReader;

/**
 * {@code nnrecover run --from-record FILE[:LINE]}: the stored record to re-run, and the comparison
 * of a new record with it. Timing ({@code seconds} and the initializer's {@code seconds.*}) and
 * provenance (commit, threads, jar paths) may differ; every other byte of the record must match.
 *
 * @param where the record's file and line, as the user wrote them, for messages
 * @param stored the stored record (read by the one record reader; a store's own fields and fields
 *     newer than this version are not part of it)
 */
record RecordCheck(String where, RunRecord stored) {
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
    return new RecordCheck(argument,
        RecordReader.read(json, Math.max(line, 1), "--from-record: " + argument).record());
  }

  /** The spec and seed the record was made with. */
  RunSpec spec() {
    return stored.spec();
  }

  /**
   * The fields of {@code again} that differ from the stored record, timing and provenance aside,
   * each as {@code field: stored ... now ...}; empty when it matches bit for bit (doubles are
   * written in their shortest round-trip form, so equal text means equal bits).
   */
  List<String> differences(RunRecord again) {
    JsonNode now;
    JsonNode before;
    try {
      // both through text, as a stored record goes: the same number nodes (int, long, double)
      now = withoutTiming(Json.mapper().readTree(Json.compact(again)));
      before = withoutTiming(Json.mapper().readTree(Json.compact(stored)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a record as JSON", e);
    }
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
