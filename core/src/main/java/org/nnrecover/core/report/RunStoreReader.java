package org.nnrecover.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnrecover.core.io.Json;

/** Reads the runs of a result store ({@code runs.jsonl}, one JSON object a line) for reporting. */
public final class RunStoreReader {
  /** The store's file name inside a result directory. */
  public static final String FILE_NAME = "runs.jsonl";

  private RunStoreReader() {}

  /**
   * The runs a store holds, in file order.
   *
   * @param path a result directory (its {@code runs.jsonl} is read) or the file itself
   * @return the runs and how many torn trailing lines were skipped
   * @throws IllegalArgumentException when the store is missing, empty, or has a malformed line
   *     before its last (a torn last line, as a killed sweep leaves, is skipped and counted)
   */
  public static Result read(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no result store at " + file
          + ": give a directory written by 'nnrecover ablate' (with " + FILE_NAME + ") or the file");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    List<StoredRun> runs = new ArrayList<>();
    int torn = 0;
    int last = lines.size() - 1;
    while (last >= 0 && lines.get(last).isBlank()) {
      last--;
    }
    for (int i = 0; i <= last; i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode node = Json.mapper().readTree(line);
        if (!node.isObject()) {
          throw new IllegalArgumentException(file + " line " + (i + 1)
              + ": expected a JSON object (one run record per line)");
        }
        runs.add(StoredRun.of(node));
      } catch (JsonProcessingException e) {
        if (i == last) {
          torn++; // an interrupted write; the runner's --resume repairs it
        } else {
          throw new IllegalArgumentException(file + " line " + (i + 1) + " is not valid JSON: "
              + e.getOriginalMessage(), e);
        }
      }
    }
    if (runs.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no runs");
    }
    return new Result(List.copyOf(runs), torn);
  }

  /**
   * What a store held.
   *
   * @param runs the runs in file order
   * @param tornLines torn trailing lines that were skipped (0 or 1)
   */
  public record Result(List<StoredRun> runs, int tornLines) {}
}
