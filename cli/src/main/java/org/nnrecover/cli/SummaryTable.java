package org.nnrecover.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nnrecover.core.report.Axis;
import org.nnrecover.core.report.CellSummary;
import org.nnrecover.core.report.Report;
import org.nnrecover.core.report.Spread;

/** The console form of {@code summary.csv}: one row per cell, medians with quartiles. */
final class SummaryTable {
  private SummaryTable() {}

  /** Prints the table; the axes shown are those that vary (all of them when none does). */
  static void print(Report report, PrintWriter out) {
    List<Axis> axes = report.varyingAxes().isEmpty() ? report.axes() : report.varyingAxes();
    List<String> header = new ArrayList<>();
    axes.forEach(a -> header.add(a.name()));
    header.addAll(List.of("runs", "success", "init unitError [IQR]", "final unitError [IQR]",
        "final frobError", "iterations", "to " + TextTable.number(report.target()),
        "seconds", "outcomes"));
    TextTable table = new TextTable(header.toArray(String[]::new));
    for (CellSummary s : report.summaries()) {
      List<String> row = new ArrayList<>();
      axes.forEach(a -> row.add(s.cell().coordinates().getOrDefault(a.name(), "")));
      String toTarget = s.reachedTarget() == 0 ? "0/" + s.runs()
          : s.reachedTarget() + "/" + s.runs() + ", median "
              + TextTable.number(s.iterationsToTarget().median());
      row.addAll(List.of(String.valueOf(s.runs()), s.successes() + "/" + s.runs(),
          withIqr(s.initUnitError()) + (s.signsWrong() > 0 ? " (" + s.signsWrong()
              + " v wrong)" : ""),
          withIqr(s.finalUnitError()), median(s.finalFrobError()), median(s.iterations()),
          toTarget, String.format(Locale.ROOT, "%.2f", s.seconds().median()), s.outcomesText()));
      table.add(row.toArray(String[]::new));
    }
    table.print(out);
  }

  private static String median(Spread s) {
    return s.count() == 0 ? "-" : TextTable.number(s.median());
  }

  private static String withIqr(Spread s) {
    return s.count() == 0 ? "-" : TextTable.number(s.median()) + " [" + TextTable.number(s.q1())
        + ", " + TextTable.number(s.q3()) + "]";
  }
}
