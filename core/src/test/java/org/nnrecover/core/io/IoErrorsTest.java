package org.nnrecover.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoErrorsTest {
  @TempDir Path dir;

  @Test
  void aBinaryFileIsNamedWithTheLineAndOffsetOfItsFirstBadByte() throws IOException {
    Path file = Files.write(dir.resolve("x.yaml"), new byte[] {'a', '\n', 'b', '\n', (byte) 0xFF});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IoErrors.readUtf8(file));
    assertEquals("x.yaml, line 3, byte offset 4: not UTF-8 text (a binary file?); expected a "
        + "UTF-8 text file", e.getMessage());
  }

  @Test
  void textIsReadAsIs() throws IOException {
    Path file = Files.writeString(dir.resolve("t.yaml"), "name: é\n");
    assertEquals("name: é\n", IoErrors.readUtf8(file));
  }

  @Test
  void exceptionsThatCarryOnlyAFileNameGetTheirMeaning() {
    assertEquals("no such file or directory", IoErrors.reason(new NoSuchFileException("x")));
    assertEquals("permission denied", IoErrors.reason(new AccessDeniedException("x")));
    assertEquals("disk full", IoErrors.reason(new IOException("disk full")));
  }
}
