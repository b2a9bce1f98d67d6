package org.nnrecover.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.nnrecover.cli.charts.ReportCharts;
import org.nnrecover.core.report.Report;
import org.nnrecover.core.report.RunStoreReader;
import org.nnrecover.core.report.SummaryCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nnrecover report DIR}: the tables and charts of a result store, from runs.jsonl alone. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Summarize a result store: DIR/summary.csv, a table on the console, and charts "
        + "(PNG and SVG) in DIR/charts, all redrawn from DIR/runs.jsonl.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", converter = NonBlankPath.class,
      description = "result directory holding runs.jsonl (or the runs.jsonl file)")
  Path dir;

  @Option(names = "--target", defaultValue = "1e-10", paramLabel = "REL",
      description = "relative objective at which iterations-to-target are counted "
          + "(default: ${DEFAULT-VALUE})")
  double target;

  @Option(names = "--charts", split = ",", paramLabel = "KIND",
      description = "chart kinds to draw: convergence, heatmap, box (default: all the data allow)")
  List<String> kinds;

  @Option(names = "--no-charts", description = "write only the table and summary.csv")
  boolean noCharts;

  @Option(names = "--x", paramLabel = "AXIS",
      description = "heat-map horizontal axis (default: the first numeric axis that varies)")
  String x;

  @Option(names = "--y", paramLabel = "AXIS",
      description = "heat-map vertical axis (default: the second numeric axis that varies)")
  String y;

  @Mixin DebugOption debug;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    Set<ReportCharts.Kind> chosen = EnumSet.noneOf(ReportCharts.Kind.class);
    if (!noCharts) {
      if (kinds == null) {
        chosen = EnumSet.allOf(ReportCharts.Kind.class);
      } else {
        for (String kind : kinds) {
          chosen.add(ReportCharts.Kind.parse(kind.trim()));
        }
      }
    }
    ReportCharts.Options defaults = ReportCharts.Options.defaults();
    write(dir, target, new ReportCharts.Options(chosen, x, y, defaults.width(), defaults.height()),
        command.commandLine().getOut());
    return 0;
  }

  /**
   * Reads the store in {@code dir}, writes summary.csv and the charts next to it, prints the table.
   *
   * @return the report
   */
  static Report write(Path dir, double target, ReportCharts.Options options, PrintWriter out) {
    RunStoreReader.Result read = RunStoreReader.read(dir);
    Path home = dir.toFile().isDirectory() ? dir : dir.toAbsolutePath().getParent();
    Report report = Report.of(read.runs(), target);
    if (read.tornLines() > 0) {
      out.println("note: skipped a torn last line (an interrupted write); "
          + "'nnrecover ablate --resume' repairs it");
    }
    out.printf("%s: %d runs in %d cells%n", report.sweep() == null ? home : report.sweep(),
        read.runs().size(), report.summaries().size());
    SummaryTable.print(report, out);
    out.println("wrote " + SummaryCsv.write(home, report));
    if (!options.kinds().isEmpty()) {
      ReportCharts.Drawn charts = ReportCharts.draw(report, options, home.resolve("charts"));
      // with every kind (the default) a kind that does not apply to this store is no news,
      // unless nothing was drawn at all; a kind asked for by name always says why it is missing
      if (charts.files().isEmpty()
          || !options.kinds().equals(EnumSet.allOf(ReportCharts.Kind.class))) {
        charts.notes().forEach(note -> out.println("note: " + note));
      }
      out.println("wrote " + charts.files().size() / 2 + " charts (PNG and SVG) in "
          + home.resolve("charts"));
    }
    out.flush();
    return report;
  }
}
