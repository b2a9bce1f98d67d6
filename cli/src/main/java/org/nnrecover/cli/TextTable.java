package org.nnrecover.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain left-aligned text table with columns as wide as their widest cell. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();

  /** @param header the column headings */
  TextTable(String... header) {
    rows.add(header);
  }

  /** Adds a row; it must have as many cells as the header. */
  void add(String... cells) {
    if (cells.length != rows.get(0).length) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, header has "
          + rows.get(0).length);
    }
    rows.add(cells);
  }

  /** Prints the table with two spaces between columns. */
  void print(PrintWriter out) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        line.append(row[c]);
        if (c < columns - 1) {
          line.append(" ".repeat(width[c] - row[c].length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** A number in 4 significant digits ({@code -} for null, NaN shown as NaN). */
  static String number(Double x) {
    if (x == null) {
      return "-";
    }
    if (x == 0) {
      return "0";
    }
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return String.valueOf(x);
    }
    double magnitude = Math.abs(x);
    return magnitude >= 1e-3 && magnitude < 1e5
        ? String.format(Locale.ROOT, "%.4g", x).replaceAll("(\\.\\d*?)0+$", "$1")
            .replaceAll("\\.$", "")
        : String.format(Locale.ROOT, "%.3e", x);
  }
}
