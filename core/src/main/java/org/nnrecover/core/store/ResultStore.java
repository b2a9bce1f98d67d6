package org.nnrecover.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
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
      throw new UncheckedIOException("cannot open result store " + runs + ": " + e.getMessage(), e);
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
      throw new UncheckedIOException("cannot read " + runs + ": " + e.getMessage(), e);
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
    line.put("sweep", sweep);
    ObjectNode coords = line.putObject("coordinates");
    coordinates.forEach(coords::put);
    line.put("cell", cell);
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
      throw new UncheckedIOException("cannot write to " + dir.resolve(RUNS_FILE) + ": "
          + e.getMessage(), e);
    }
    recorded.add(key);
    return true;
  }

  /** Copies the sweep file into the store as {@value #SWEEP_FILE} (replacing an older copy). */
  public void copySweepFile(Path sweepFile) {
    Path target = dir.resolve(SWEEP_FILE);
    try {
      if (!Files.exists(target) || !Files.isSameFile(sweepFile, target)) {
        Files.copy(sweepFile, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + sweepFile + " to " + target + ": "
          + e.getMessage(), e);
    }
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
    List<StoredRun> stored = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      if (text.isBlank()) {
        continue;
      }
      try {
        JsonNode node = Json.mapper().readTree(text);
        if (!(node instanceof ObjectNode object) || !object.hasNonNull("spec")) {
          throw new IllegalArgumentException("not a JSON object with a spec");
        }
        RunRecord record = Json.mapper().treeToValue(object, RunRecord.class);
        Map<String, String> coordinates = object.has("coordinates")
            ? Json.mapper().convertValue(object.get("coordinates"),
                new TypeReference<LinkedHashMap<String, String>>() {})
            : Map.of();
        stored.add(new StoredRun(i + 1, object.path("sweep").asText(null), coordinates,
            object.path("cell").asText(null), record, object));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw new IllegalArgumentException(runs + ", line " + (i + 1) + " is not a run record ("
            + e.getMessage().lines().findFirst().orElse("") + "); only a torn last line is "
            + "repaired automatically", e);
      }
    }
    return stored;
  }
}
