package org.nnrecover.core.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nnrecover.core.io.IoErrors;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.run.RunSpec;

/**
 * An append-only store of run records: {@code DIR/runs.jsonl}, one compact JSON object per line
 * (the {@link RunRecord} fields plus {@code sweep}, {@code coordinates} and {@code cell}), each line
 * written whole and synced to disk ({@link FileChannel#force}) before the next one, so that a crash
 * can tear at most the last line. A copy of the sweep file is kept as {@code DIR/sweep.yaml}.
 *
 * <p>A new store refuses a directory whose {@code runs.jsonl} already holds data, so results are
 * never overwritten; a resumed store first cuts a torn last line, then knows which specs are done
 * (matched by the canonical JSON of their {@link RunSpec}, not by position). {@link #append} is
 * thread-safe.
 */
public final class ResultStore implements AutoCloseable {
  /** The records file inside the store directory. */
  public static final String RUNS_FILE = "runs.jsonl";
  /** The copy of the sweep file inside the store directory. */
  public static final String SWEEP_FILE = "sweep.yaml";

  private final Path dir;
  private final FileChannel channel;
  private final Set<String> recorded = new HashSet<>();
  private final String repair;

  private ResultStore(Path dir, FileChannel channel, List<StoredRun> existing, String repair) {
    this.dir = dir;
    this.channel = channel;
    this.repair = repair;
    existing.forEach(run -> recorded.add(specKey(run.record().spec())));
  }

  /**
   * Opens the store in {@code dir} (created when missing).
   *
   * @param resume false: refuse a non-empty {@code runs.jsonl}; true: keep its records, cutting a
   *     torn last line
   * @throws IllegalArgumentException when results exist and {@code resume} is false, or when the
   *     file is damaged other than in its last line
   * @throws UncheckedIOException when the directory or file cannot be used
   */
  public static ResultStore open(Path dir, boolean resume) {
    Path runs = dir.resolve(RUNS_FILE);
    try {
      Files.createDirectories(dir);
      if (!resume && Files.exists(runs) && Files.size(runs) > 0) {
        throw new IllegalArgumentException(runs + " already holds results; resume that sweep "
            + "(--resume) or write to another directory (results are never overwritten)");
      }
      FileChannel channel = FileChannel.open(runs, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.READ);
      try {
        String repair = cutTornLine(channel, runs);
        channel.position(channel.size());
        return new ResultStore(dir, channel, parse(Files.readAllLines(runs), runs), repair);
      } catch (RuntimeException | IOException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw IoErrors.cannot("open result store", runs, e);
    }
  }

  /**
   * Reads every complete record of the store in {@code dir}; a torn last line (a sweep still
   * running, or killed) is skipped, the file is not changed.
   *
   * @throws IllegalArgumentException when a complete line is not a run record
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<StoredRun> read(Path dir) {
    Path runs = dir.resolve(RUNS_FILE);
    try {
      String text = Files.readString(runs, StandardCharsets.UTF_8);
      int end = text.lastIndexOf('\n') + 1;
      return parse(text.substring(0, end).lines().toList(), runs);
    } catch (IOException e) {
      throw IoErrors.cannot("read", runs, e);
    }
  }

  /** The canonical text of a spec by which resumed runs are matched. */
  public static String specKey(RunSpec spec) {
    return Json.compact(spec);
  }

  /** What was repaired when the store was opened (a torn last line cut), if anything. */
  public Optional<String> repair() {
    return Optional.ofNullable(repair);
  }

  /** Number of specs recorded so far. */
  public synchronized int recordedCount() {
    return recorded.size();
  }

  /** Whether a run with this spec has been recorded. */
  public synchronized boolean contains(RunSpec spec) {
    return recorded.contains(specKey(spec));
  }

  /**
   * Appends one run and syncs it to disk before returning.
   *
   * @param record the finished run
   * @param sweep the sweep name
   * @param coordinates the run's axis values as text, in axis order
   * @param cell the text key of the coordinates
   * @return false (and nothing written) when a run with this spec is already recorded
   */
  public boolean append(RunRecord record, String sweep, Map<String, String> coordinates,
      String cell) {
    return appendLine(record.spec(), line(record, sweep, coordinates, cell));
  }

  /**
   * The line {@link #append} writes for a run, without its newline: the record's JSON plus
   * {@code sweep}, {@code coordinates} and {@code cell}. Lets the line be made where the run ran
   * (a Spark executor) and appended where the store is, byte for byte as a local sweep writes it.
   */
  public static String line(RunRecord record, String sweep, Map<String, String> coordinates,
      String cell) {
    ObjectNode line = Json.mapper().valueToTree(record);
    line.setAll((ObjectNode) Json.mapper().valueToTree(
        new StoreFields(sweep, new LinkedHashMap<>(coordinates), cell)));
    return Json.compact(line);
  }

  /**
   * Appends a line made by {@link #line} for a run with {@code spec} and syncs it to disk, unless
   * that spec is already recorded: a run that was executed twice (a retried task) is recorded once.
   *
   * @return whether the line was written
   */
  public synchronized boolean appendLine(RunSpec spec, String line) {
    String key = specKey(spec);
    if (recorded.contains(key)) {
      return false;
    }
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      throw IoErrors.cannot("write to", dir.resolve(RUNS_FILE), e);
    }
    recorded.add(key);
    return true;
  }

  /**
   * The text of the store's sweep file, if it has one.
   *
   * @throws UncheckedIOException when it exists but cannot be read
   */
  public static Optional<String> sweepText(Path dir) {
    Path file = dir.resolve(SWEEP_FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw IoErrors.cannot("read", file, e);
    }
  }

  /**
   * Keeps {@code text} as the store's {@value #SWEEP_FILE}. A different earlier sweep file is
   * never overwritten: it is renamed to {@code sweep.N.yaml} (N = 1, 2, ... the first free one),
   * so the store keeps the history of the sweep files its runs came from.
   *
   * @return the name the earlier sweep file was kept under, if one was moved
   */
  public Optional<String> recordSweepText(String text) {
    Path target = dir.resolve(SWEEP_FILE);
    try {
      Optional<String> kept = Optional.empty();
      if (Files.exists(target)) {
        if (Files.readString(target, StandardCharsets.UTF_8).equals(text)) {
          return kept;
        }
        Path earlier;
        int index = 1;
        do {
          earlier = dir.resolve("sweep." + index++ + ".yaml");
        } while (Files.exists(earlier));
        Files.move(target, earlier);
        kept = Optional.of(earlier.getFileName().toString());
      }
      Files.writeString(target, text, StandardCharsets.UTF_8);
      return kept;
    } catch (IOException e) {
      throw IoErrors.cannot("write", target, e);
    }
  }

  /** The side file that {@link #repairLines} moves unreadable lines to. */
  public static final String UNREADABLE_FILE = "runs.unreadable.jsonl";

  /**
   * Moves every line of {@code DIR/runs.jsonl} that is not a run record (garbage, a torn line) to
   * {@value #UNREADABLE_FILE} in the same folder (appended: earlier repairs are kept), and keeps
   * the others in order. Nothing is deleted: the unreadable lines are synced to the side file
   * before runs.jsonl is replaced, and the replacement is an atomic rename.
   *
   * @return the 1-based line numbers that were moved (empty: nothing changed)
   * @throws UncheckedIOException when a file cannot be read or written
   */
  public static List<Integer> repairLines(Path dir) {
    Path runs = dir.resolve(RUNS_FILE);
    if (!Files.isRegularFile(runs)) {
      throw new IllegalArgumentException("no result store at " + dir + ": " + runs
          + " does not exist");
    }
    try {
      List<String> lines = List.of(IoErrors.readUtf8(runs).split("\n", -1));
      List<String> good = new ArrayList<>();
      List<String> bad = new ArrayList<>();
      List<Integer> moved = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank()) {
          continue;
        }
        try {
          RecordReader.read(line, i + 1, runs + ", line " + (i + 1));
          good.add(line);
        } catch (IllegalArgumentException e) {
          bad.add(line);
          moved.add(i + 1);
        }
      }
      if (moved.isEmpty()) {
        return moved;
      }
      Path side = dir.resolve(UNREADABLE_FILE);
      try (FileChannel out = FileChannel.open(side, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        writeLines(out, bad);
      }
      Path temporary = dir.resolve(RUNS_FILE + ".repair");
      try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        writeLines(out, good);
      }
      Files.move(temporary, runs, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      return moved;
    } catch (IOException e) {
      throw IoErrors.cannot("repair", runs, e);
    }
  }

  private static void writeLines(FileChannel out, List<String> lines) throws IOException {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
    out.force(true);
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Truncates the file after its last newline; says what was cut, or null when nothing was. */
  private static String cutTornLine(FileChannel channel, Path runs) throws IOException {
    long size = channel.size();
    long keep = size;
    ByteBuffer one = ByteBuffer.allocate(1);
    while (keep > 0) {
      one.clear();
      channel.read(one, keep - 1);
      if (one.get(0) == '\n') {
        break;
      }
      keep--;
    }
    if (keep == size) {
      return null;
    }
    channel.truncate(keep);
    channel.force(true);
    return runs + ": cut a torn last line (" + (size - keep) + " bytes) left by an interrupted "
        + "sweep; that run will be run again";
  }

  private static List<StoredRun> parse(List<String> lines, Path runs) {
    try {
      return RecordReader.readLines(lines, runs.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + "; only a torn last line is repaired "
          + "automatically ('nnrecover store repair DIR' moves such lines aside)", e);
    }
  }
}
