package org.nnrecover.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Result-store lines as the tests compare them: every byte, except the timing fields. */
final class RecordLines {
  /**
   * The wall-time fields of a record (run, init, final, trace rows, and the initializer's per-step
   * {@code seconds.*}): the only allowed change.
   */
  private static final Pattern SECONDS = Pattern.compile("\"(seconds(\\.[a-z-]+)?)\":[-0-9.Ee]+");

  private RecordLines() {}

  /** The lines of DIR/runs.jsonl with timing masked, sorted (tasks finish in any order). */
  static List<String> of(Path dir) throws IOException {
    return Files.readAllLines(dir.resolve("runs.jsonl")).stream()
        .map(RecordLines::withoutTiming).sorted().toList();
  }

  /** Compact JSON with its timing fields zeroed. */
  static String withoutTiming(String json) {
    return SECONDS.matcher(json).replaceAll("\"$1\":0");
  }
}
