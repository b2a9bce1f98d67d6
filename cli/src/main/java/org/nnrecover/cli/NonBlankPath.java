package org.nnrecover.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Converts an option value to a path, refusing an empty or blank one: {@code Path.of("")} is the
 * current directory, so {@code --out ''} would silently write there.
 */
final class NonBlankPath implements CommandLine.ITypeConverter<Path> {
  @Override
  public Path convert(String value) {
    if (value.isBlank()) {
      throw new CommandLine.TypeConversionException("an empty or blank path is not allowed; "
          + "give a file or directory name");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a valid path: "
          + e.getReason());
    }
  }
}
