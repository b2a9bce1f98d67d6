package org.nnrecover.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns the JDK's I/O exceptions into what a user can act on: the JDK's messages are often only the
 * file name ({@code NoSuchFileException: x.csv}) or the decoder's "Input length = 1".
 */
public final class IoErrors {
  private IoErrors() {}

  /** The JDK's exception types whose message is only a file name, with what they mean. */
  private static final Map<Class<? extends IOException>, String> REASONS = Map.of(
      NoSuchFileException.class, "no such file or directory",
      AccessDeniedException.class, "permission denied",
      FileAlreadyExistsException.class, "a file of that name already exists",
      NotDirectoryException.class, "not a directory",
      DirectoryNotEmptyException.class, "directory not empty",
      CharacterCodingException.class, "not UTF-8 text (a binary file?); expected a UTF-8 text file");

  /** Why an I/O operation failed, in words ("no such file", "permission denied", ...). */
  public static String reason(IOException e) {
    for (Map.Entry<Class<? extends IOException>, String> known : REASONS.entrySet()) {
      if (known.getKey().isInstance(e)) {
        return known.getValue();
      }
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /**
   * Reads a whole UTF-8 text file.
   *
   * @throws IllegalArgumentException naming the line and byte offset of the first byte that is
   *     not UTF-8 (a binary file given where text is expected)
   * @throws IOException when the file cannot be read
   */
  public static String readUtf8(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new IllegalArgumentException(file.getFileName() + ", line " + line + ", byte offset "
          + at + ": not UTF-8 text (a binary file?); expected a UTF-8 text file");
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /** "cannot ACTION FILE: REASON" as an unchecked exception. */
  public static UncheckedIOException cannot(String action, Path file, IOException e) {
    return new UncheckedIOException("cannot " + action + " " + file + ": " + reason(e), e);
  }
}
