package org.nnrecover.core.data;

import java.nio.file.Path;

/**
 * A data file that cannot be read as what it claims to be. The message reads
 * {@code "<file name>, <location>: <problem>"}, where the location is a line, a byte offset or a
 * JSON path.
 */
public class DataFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param file the offending file (only its name goes into the message)
   * @param location where in the file, e.g. {@code "line 3"} or {@code "byte offset 128"}
   * @param problem what was wrong and, when useful, what is allowed
   */
  public DataFileException(Path file, String location, String problem) {
    super(file.getFileName() + ", " + location + ": " + problem);
  }
}
