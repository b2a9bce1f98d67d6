package org.nnrecover.core.data;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.Samples;

/** The CSV side of {@link SampleFiles}; see there for the format. */
final class CsvSamples {
  /** Largest array the JVM reliably allocates. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;

  private CsvSamples() {}

  static Samples read(Path file, int expectedD) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNo = 0;
      int columns = -1;
      int columnsLine = 0;
      double[] x = new double[0];
      double[] y = new double[0];
      int n = 0;
      String line;
      while ((line = nextLine(reader, file, lineNo)) != null) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split(",", -1);
        for (int f = 0; f < fields.length; f++) {
          fields[f] = fields[f].strip();
        }
        boolean first = columns < 0;
        if (first) {
          columns = fields.length;
          columnsLine = lineNo;
          checkColumns(file, lineNo, columns, expectedD);
          if (isHeader(file, lineNo, fields)) {
            continue;
          }
        } else if (fields.length != columns) {
          throw new DataFileException(file, "line " + lineNo, "ragged row: " + fields.length
              + " fields, expected " + columns + " as on line " + columnsLine);
        }
        int d = columns - 1;
        if (n == y.length) {
          long capacity = Math.max(16L, 2L * n);
          if ((long) (n + 1) * d > MAX_ARRAY) {
            throw new DataFileException(file, "line " + lineNo, "too many values: n d must stay "
                + "below 2^31");
          }
          capacity = Math.min(capacity, MAX_ARRAY / d);
          y = Arrays.copyOf(y, (int) capacity);
          x = Arrays.copyOf(x, (int) capacity * d);
        }
        for (int f = 0; f < d; f++) {
          x[n * d + f] = parse(file, lineNo, f, fields[f]);
        }
        y[n] = parse(file, lineNo, d, fields[d]);
        n++;
      }
      if (n == 0) {
        throw new DataFileException(file, "end of file after line " + lineNo,
            "empty file: no data rows (expected columns x1..xd, y)");
      }
      int d = columns - 1;
      return new Samples(Arrays.copyOf(x, n * d), Arrays.copyOf(y, n), d);
    }
  }

  private static void checkColumns(Path file, int lineNo, int columns, int expectedD) {
    if (columns < 2) {
      throw new DataFileException(file, "line " + lineNo, "only " + columns + " column; samples "
          + "need at least 2 (x1..xd, then y), separated by commas");
    }
    if (expectedD != -1 && columns - 1 != expectedD) {
      throw new DataFileException(file, "line " + lineNo, columns + " columns mean d = "
          + (columns - 1) + " (x1..xd, then y), but d = " + expectedD + " was given");
    }
  }

  /**
   * The first line is a header when none of its fields looks like a number; a mix of numbers and
   * words is refused, because taking it for a header would silently drop a data row.
   */
  private static boolean isHeader(Path file, int lineNo, String[] fields) {
    int numeric = 0;
    for (String field : fields) {
      if (looksNumeric(field)) {
        numeric++;
      }
    }
    if (numeric == 0) {
      return true;
    }
    if (numeric < fields.length) {
      for (int f = 0; f < fields.length; f++) {
        if (!looksNumeric(fields[f])) {
          throw new DataFileException(file, "line " + lineNo, "field " + (f + 1) + " '"
              + fields[f] + "' is not a number, yet other fields are; a header line must have "
              + "no numeric field and a data line only numbers");
        }
      }
    }
    return false;
  }

  private static boolean looksNumeric(String field) {
    return isDecimal(field) || isNonFinite(field);
  }

  /** Plain decimal notation only: Java's parser would also take hex, "1d" or "Infinity". */
  private static boolean isDecimal(String field) {
    if (field.isEmpty()) {
      return false;
    }
    boolean digit = false;
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
        return false;
      }
    }
    if (!digit) {
      return false;
    }
    try {
      Double.parseDouble(field);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isNonFinite(String field) {
    String s = field.startsWith("+") || field.startsWith("-") ? field.substring(1) : field;
    return s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("inf")
        || s.equalsIgnoreCase("infinity");
  }

  private static double parse(Path file, int lineNo, int column, String field) {
    String where = "line " + lineNo;
    String which = "field " + (column + 1);
    if (field.isEmpty()) {
      throw new DataFileException(file, where, which + " is empty");
    }
    if (isNonFinite(field)) {
      throw new DataFileException(file, where, which + " '" + field + "' is NaN or infinity; "
          + "only finite numbers are allowed");
    }
    if (!isDecimal(field)) {
      throw new DataFileException(file, where, which + " '" + field + "' is not a number");
    }
    double value = Double.parseDouble(field);
    if (!Double.isFinite(value)) {
      throw new DataFileException(file, where, which + " '" + field + "' overflows to infinity; "
          + "only finite numbers are allowed");
    }
    return value;
  }

  /** The next line; bytes that are not UTF-8 (a binary file) are reported with the line. */
  private static String nextLine(BufferedReader reader, Path file, int linesRead)
      throws IOException {
    try {
      return reader.readLine();
    } catch (CharacterCodingException e) {
      // the reader decodes ahead of the line it returns, so the line is where decoding stopped
      throw new DataFileException(file, "line " + (linesRead + 1) + " or shortly after",
          "not UTF-8 text (a binary file?); a CSV file is UTF-8 text with x1..xd, y per line");
    }
  }

  static void write(Path file, Samples samples) throws IOException {
    int d = samples.d();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      for (int a = 1; a <= d; a++) {
        line.append('x').append(a).append(',');
      }
      out.append(line).append("y\n");
      SampleBlock view = new SampleBlock();
      for (int b = 0; b < samples.blocks(); b++) {
        SampleBlock block = samples.block(b, view);
        for (int r = 0; r < block.rows(); r++) {
          line.setLength(0);
          for (int a = 0; a < d; a++) {
            // Double.toString round-trips exactly through Double.parseDouble.
            line.append(block.x()[block.xOffset() + r * d + a]).append(',');
          }
          out.append(line).append(Double.toString(block.y()[block.yOffset() + r])).append('\n');
        }
      }
    }
  }
}
