package org.nnrecover.spark.distributed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nnrecover.api.Samples;
import org.nnrecover.core.data.SampleFiles;
import org.nnrecover.core.io.IoErrors;

/**
 * A run's data file or folder as an executor sees it: opened once per executor JVM (a memory map,
 * not a copy) and shared by the partitions that read their blocks from it.
 */
final class ExecutorData {
  private static final Map<String, Samples> OPEN = new ConcurrentHashMap<>();

  private ExecutorData() {}

  /**
   * @param path the absolute path the driver read
   * @param d the samples' input dimension on the driver
   * @throws UncheckedIOException naming the path when this executor cannot read it
   */
  static Samples of(String path, int d) {
    // keyed by the modification time too: a file replaced between runs is opened again
    return OPEN.computeIfAbsent(path + "|" + d + "|" + modified(path), key -> {
      try {
        return SampleFiles.readAgain(Path.of(path), d);
      } catch (IOException e) {
        throw new UncheckedIOException("this executor cannot read the run's data " + path + " ("
            + IoErrors.reason(e) + "): a distributed run reads its data on every executor at "
            + "the path the driver read, so it must be on a file system they share", e);
      }
    });
  }

  private static long modified(String path) {
    return Path.of(path).toFile().lastModified(); // 0 when missing: the read then says why
  }
}
