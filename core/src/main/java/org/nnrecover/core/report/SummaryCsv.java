package org.nnrecover.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnrecover.core.io.IoErrors;

/**
 * {@code summary.csv}: one row per cell, the axes first, then counts and the median, first and
 * third quartile of each metric. Numbers are written in full precision; a missing number is an
 * empty field.
 */
public final class SummaryCsv {
  /** The file name inside a result directory. */
  public static final String FILE_NAME = "summary.csv";

  private static final String[] SPREAD_COLUMNS = {"init_unit_error", "init_frob_error",
      "final_unit_error", "final_frob_error", "iterations", "seconds"};

  private SummaryCsv() {}

  /** The CSV text of a report. */
  public static String format(Report report) {
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>();
    report.axes().forEach(a -> header.add(a.name()));
    header.addAll(List.of("runs", "successes", "success_rate"));
    for (String column : SPREAD_COLUMNS) {
      header.addAll(List.of(column + "_median", column + "_q1", column + "_q3"));
    }
    header.addAll(List.of("signs_wrong", "reached_target", "iterations_to_target_median",
        "iterations_to_target_q1", "iterations_to_target_q3", "outcomes"));
    line(csv, header);
    for (CellSummary s : report.summaries()) {
      List<String> row = new ArrayList<>();
      report.axes().forEach(a -> row.add(s.cell().coordinates().getOrDefault(a.name(), "")));
      row.addAll(List.of(String.valueOf(s.runs()), String.valueOf(s.successes()),
          number(s.successRate())));
      for (Spread spread : new Spread[] {s.initUnitError(), s.initFrobError(), s.finalUnitError(),
          s.finalFrobError(), s.iterations(), s.seconds()}) {
        row.addAll(List.of(number(spread.median()), number(spread.q1()), number(spread.q3())));
      }
      Spread toTarget = s.iterationsToTarget();
      row.addAll(List.of(String.valueOf(s.signsWrong()), String.valueOf(s.reachedTarget()),
          number(toTarget.median()), number(toTarget.q1()), number(toTarget.q3()),
          s.outcomesText()));
      line(csv, row);
    }
    return csv.toString();
  }

  /** Writes {@code dir/summary.csv} and returns its path. */
  public static Path write(Path dir, Report report) {
    Path file = dir.resolve(FILE_NAME);
    try {
      Files.writeString(file, format(report), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw IoErrors.cannot("write", file, e);
    }
    return file;
  }

  private static String number(double x) {
    return Double.isNaN(x) ? "" : Double.toString(x);
  }

  private static void line(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      String f = fields.get(i);
      boolean quote = f.contains(",") || f.contains("\"") || f.contains("\n");
      csv.append(i == 0 ? "" : ",")
          .append(quote ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
    }
    csv.append('\n');
  }
}
