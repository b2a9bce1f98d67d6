package org.nnrecover.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nnrecover.core.io.IoErrors;
import org.nnrecover.core.store.ResultStore;
import org.nnrecover.core.store.StoredRun;

/**
 * Reads the runs of a result store for reporting, through the store's own reader (one typed record
 * for every reader), after checking that the store is there.
 */
public final class RunStoreReader {
  private RunStoreReader() {}

  /**
   * The runs a store holds, in file order.
   *
   * @param path a result directory or its {@code runs.jsonl}
   * @return the runs and how many torn trailing lines were skipped
   * @throws IllegalArgumentException when the store is missing, empty, or has a malformed line
   *     before its last (a torn last line, as a killed sweep leaves, is skipped and counted)
   */
  public static Result read(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("no result store at " + path + ": no such file or "
          + "directory; give a directory written by 'nnrecover ablate' (with "
          + ResultStore.RUNS_FILE + ") or the file");
    }
    Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    Path file = dir.resolve(ResultStore.RUNS_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no result store at " + path + ": " + file + " does "
          + "not exist; give a directory written by 'nnrecover ablate' (with "
          + ResultStore.RUNS_FILE + ") or the file");
    }
    List<StoredRun> runs = ResultStore.read(dir);
    if (runs.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no runs");
    }
    return new Result(runs, tornTail(file) ? 1 : 0);
  }

  /** Whether the file ends in a partial line (text after the last newline). */
  private static boolean tornTail(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return !text.substring(text.lastIndexOf('\n') + 1).isBlank();
    } catch (IOException e) {
      throw IoErrors.cannot("read", file, e);
    }
  }

  /**
   * What a store held.
   *
   * @param runs the runs in file order
   * @param tornLines torn trailing lines that were skipped (0 or 1)
   */
  public record Result(List<StoredRun> runs, int tornLines) {}
}
