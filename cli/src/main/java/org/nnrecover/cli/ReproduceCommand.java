package org.nnrecover.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nnrecover.cli.charts.ReportCharts;
import org.nnrecover.core.ablation.ThresholdSearch;
import org.nnrecover.core.io.IoErrors;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.report.CellSummary;
import org.nnrecover.core.report.RecoveryThreshold;
import org.nnrecover.core.report.Report;
import org.nnrecover.core.report.RunStoreReader;
import org.nnrecover.core.report.ThresholdFit;
import org.nnrecover.core.run.Runner;
import org.nnrecover.core.store.ResultStore;
import org.nnrecover.core.store.StoredRun;
import org.nnrecover.core.sweep.Sweep;
import org.nnrecover.core.sweep.SweepFile;
import org.nnrecover.core.theory.ActivationProperties;
import org.nnrecover.core.theory.PropertyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nnrecover reproduce}: the paper's experiments (Section 7 of Zhong et al.) from the sweep
 * files shipped in the jar (the same files as examples/sweeps), then their tables and charts.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
    description = {"Reproduce an experiment of the paper: fig1a (recovery rate over d and n), "
        + "fig1b (tensor-initialization error over d and n), fig1c (objective against iteration "
        + "for approaches I, II, III), rho-table (rho(sigma) of the standard activations) or "
        + "fig1a-wide (Figure 1a's slope resolved: d up to 400, n located by bisection per d).",
        "Runs the shipped sweep (see examples/sweeps) into DIR/runs.jsonl, then writes "
            + "DIR/summary.csv and the charts in DIR/charts, as 'nnrecover report DIR' would."})
final class ReproduceCommand implements Callable<Integer> {
  /** The experiments, in the paper's order. */
  static final List<String> EXPERIMENTS =
      List.of("fig1a", "fig1b", "fig1c", "rho-table", "fig1a-wide");
  /** The success levels whose sample counts fig1a-wide locates. */
  private static final double[] WIDE_LEVELS = {0.5, 0.9};
  /** The rho table of the paper (sigma = 0.1, 1, 10), for comparison. */
  private static final Map<String, double[]> PAPER_RHO = new LinkedHashMap<>();

  static {
    PAPER_RHO.put("relu", new double[] {0.091, 0.091, 0.091});
    PAPER_RHO.put("leaky-relu", new double[] {0.089, 0.089, 0.089});
    PAPER_RHO.put("squared-relu", new double[] {0.0027, 0.27, 27}); // 0.27 sigma^2
    PAPER_RHO.put("erf", new double[] {1.9e-4, 5.2e-2, 2.5e-5});
    PAPER_RHO.put("tanh", new double[] {1.8e-4, 4.9e-2, 5.1e-5});
    PAPER_RHO.put("linear", new double[] {0, 0, 0});
    PAPER_RHO.put("quadratic", new double[] {0, 0, 0});
  }

  @Parameters(index = "0", paramLabel = "EXPERIMENT",
      description = "fig1a, fig1b, fig1c, rho-table or fig1a-wide")
  String experiment;

  @Option(names = "--out", paramLabel = "DIR", converter = NonBlankPath.class,
      description = "result directory (default: reproduce/EXPERIMENT, with -quick for --quick)")
  Path out;

  @Option(names = "--quick", description = "the reduced grid (about a minute on 2 cores)")
  boolean quick;

  @Option(names = "--resume", description = "keep the runs already in DIR, run the rest; "
      + "refused when the shipped sweep differs from DIR/sweep.yaml")
  boolean resume;

  @Option(names = "--extend", description = "resume even when the shipped sweep changed, keeping "
      + "the earlier sweep file as DIR/sweep.N.yaml (implies --resume)")
  boolean extend;

  @Mixin CommonOptions common;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    if (!EXPERIMENTS.contains(experiment)) {
      throw new IllegalArgumentException("unknown experiment '" + experiment + "': allowed are "
          + String.join(", ", EXPERIMENTS));
    }
    String name = experiment + (quick && !experiment.equals("rho-table") ? "-quick" : "");
    Path dir = out != null ? out : Path.of("reproduce", name);
    PrintWriter printer = command.commandLine().getOut();
    if (experiment.equals("rho-table")) {
      rhoTable(dir, printer);
      return 0;
    }
    int threads = common.threads();
    String text = sweepText(name);
    PluginRegistry registry = common.registry();
    Sweep sweep;
    try (BlockExecutor unused = new BlockExecutor(1)) {
      sweep = SweepFile.parse(text, name + ".yaml", new Runner(registry, unused));
    }
    String resumeCommand = "nnrecover reproduce " + experiment + (quick ? " --quick" : "")
        + " --out " + Shell.quote(dir.toString()) + " --resume" + (extend ? " --extend" : "");
    long started = System.nanoTime();
    int runs = experiment.equals("fig1a-wide")
        ? searchThresholds(sweep, text, dir, registry, threads, resumeCommand, printer)
        : AblateCommand.execute(sweep, text, dir, resume || extend, extend, registry, threads,
            resumeCommand, printer, command.commandLine().getErr()).runs();
    double seconds = (System.nanoTime() - started) / 1e9;
    Report report = ReportCommand.write(dir, Report.DEFAULT_TARGET, chartOptions(), printer);
    claims(report, dir, printer);
    printer.printf(Locale.ROOT, "%s: %d runs, wall time %s%n", name, runs,
        ProgressDisplay.duration(seconds));
    return 0;
  }

  /**
   * Runs the cells that the bisection per dimension asks for, round by round, until every level
   * is bracketed between neighbouring sample counts of the grid (ThresholdSearch); each round is an
   * ordinary ablation into the same store, so an interrupted search resumes with --resume.
   *
   * @return the number of runs executed
   */
  private int searchThresholds(Sweep sweep, String text, Path dir, PluginRegistry registry,
      int threads, String resumeCommand, PrintWriter out) {
    ThresholdSearch search = new ThresholdSearch(sweep, "d", "n", WIDE_LEVELS);
    boolean keep = resume || extend;
    boolean grow = extend;
    int runs = 0;
    for (List<String> next = search.nextCells(completedRates(dir, sweep.seeds().size()));
        !next.isEmpty(); next = search.nextCells(completedRates(dir, sweep.seeds().size()))) {
      out.println("threshold search: next cells " + String.join("; ", next));
      // every round records the full grid as the sweep file, so a resumed store still matches it
      runs += AblateCommand.execute(search.subSweep(next), text, dir, keep, grow, registry,
          threads, resumeCommand, out, command.commandLine().getErr()).runs();
      keep = true;
      grow = false;
    }
    return runs;
  }

  /** Success rate of every cell of the store that has a run for each seed (empty: no store). */
  private static Map<String, Double> completedRates(Path dir, int seeds) {
    Map<String, Double> rates = new LinkedHashMap<>();
    if (!Files.exists(dir.resolve(ResultStore.RUNS_FILE))) {
      return rates;
    }
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (StoredRun run : RunStoreReader.read(dir).runs()) {
      int[] c = counts.computeIfAbsent(run.cell(), k -> new int[2]);
      c[0]++;
      c[1] += run.record().succeeded() ? 1 : 0;
    }
    counts.forEach((cell, c) -> {
      if (c[0] >= seeds) {
        rates.put(cell, (double) c[1] / c[0]);
      }
    });
    return rates;
  }

  /** The text of a shipped sweep file. */
  static String sweepText(String name) {
    return SweepFile.shipped(name);
  }

  private ReportCharts.Options chartOptions() {
    ReportCharts.Options d = ReportCharts.Options.defaults();
    return switch (experiment) {
      case "fig1a", "fig1b", "fig1a-wide" -> new ReportCharts.Options(
          EnumSet.of(ReportCharts.Kind.HEATMAP),
          "d", "n", d.width(), d.height());
      default -> d;
    };
  }

  /** The paper's claim for the experiment, stated with the measured numbers. */
  private void claims(Report report, Path dir, PrintWriter out) {
    out.println();
    switch (experiment) {
      case "fig1a-wide" -> wideClaims(report, dir, out);
      case "fig1a" -> {
        for (double level : new double[] {0.5, 1.0}) {
          RecoveryThreshold t = RecoveryThreshold.of(report, "d", "n", level);
          StringBuilder points = new StringBuilder();
          t.points().forEach(p -> points.append(String.format(Locale.ROOT, " d=%.0f: n=%.0f;",
              p[0], p[1])));
          out.printf(Locale.ROOT, "smallest n with success rate >= %.0f%%:%s slope %s samples "
              + "per dimension, log-log exponent %s%n", 100 * level, points,
              TextTable.number(t.linearSlope()), TextTable.number(t.exponent()));
        }
        out.println("claim: the n needed for full recovery grows about linearly in d "
            + "(exponent near 1)");
      }
      case "fig1b" -> {
        int wrong = report.summaries().stream().mapToInt(CellSummary::signsWrong).sum();
        out.printf(Locale.ROOT, "runs whose initial v had the wrong count of +1: %d; claim: the "
            + "error falls with n, and equal error needs n roughly proportional to d%n", wrong);
      }
      default -> {
        for (CellSummary s : report.summaries()) {
          out.printf(Locale.ROOT, "approach %s: %d/%d recovered, %d/%d reached relative "
              + "objective %s, median %s iterations%n", s.cell().displayName(report.axes()),
              s.successes(), s.runs(), s.reachedTarget(), s.runs(),
              TextTable.number(report.target()), s.reachedTarget() == 0 ? "-"
                  : TextTable.number(s.iterationsToTarget().median()));
        }
        out.println("claim: I is fastest; I and III converge linearly once the objective is "
            + "small; II does not converge");
      }
    }
  }

  /**
   * Figure 1a resolved: the n at which 50 % and 90 % of the seeds recover, for every d, and the
   * log-log slope of each against d with its bootstrap interval, next to the paper's slope 1.
   */
  private static void wideClaims(Report report, Path dir, PrintWriter out) {
    Map<String, ThresholdFit> fits = new LinkedHashMap<>();
    for (double level : WIDE_LEVELS) {
      fits.put(String.format(Locale.ROOT, "%.0f%% recover", 100 * level),
          ThresholdFit.of(report, "d", "n", level, 1));
    }
    List<String> header = new ArrayList<>(List.of("d"));
    fits.keySet().forEach(level -> header.add("n (" + level + ")"));
    TextTable table = new TextTable(header.toArray(String[]::new));
    ThresholdFit first = fits.values().iterator().next();
    for (int i = 0; i < first.dimensions().length; i++) {
      List<String> row = new ArrayList<>(List.of(TextTable.number(first.dimensions()[i])));
      for (ThresholdFit fit : fits.values()) {
        row.add(Double.isFinite(fit.thresholds()[i]) ? TextTable.number(fit.thresholds()[i])
            : "outside the grid");
      }
      table.add(row.toArray(String[]::new));
    }
    out.println("samples at which the share of recovering seeds reaches each level "
        + "(interpolated in log n between the bracketing grid counts):");
    table.print(out);
    for (Map.Entry<String, ThresholdFit> e : fits.entrySet()) {
      ThresholdFit fit = e.getValue();
      boolean covers = fit.low() <= 1 && 1 <= fit.high();
      out.printf(Locale.ROOT, "%s: log-log slope of n against d %s, 95%% bootstrap interval "
          + "[%s, %s] (%d resamples): %s%n", e.getKey(), TextTable.number(fit.slope()),
          TextTable.number(fit.low()), TextTable.number(fit.high()), fit.resamples(),
          !Double.isFinite(fit.slope()) ? "undefined (fewer than two thresholds)"
              : covers ? "consistent with the paper's slope 1"
              : "the interval excludes the paper's slope 1");
    }
    List<Path> files = ReportCharts.thresholds(report, fits, dir.resolve("charts"),
        "points: thresholds per d; lines: least-squares fits in log-log, slope [95% bootstrap]");
    out.println("wrote " + files.size() / 2 + " chart (PNG and SVG) in " + dir.resolve("charts"));
    out.println("claim: the n needed for recovery grows linearly in d (slope 1, up to log "
        + "factors)");
  }

  private void rhoTable(Path dir, PrintWriter out) {
    PluginRegistry registry = common.registry();
    TextTable table = new TextTable("activation", "rho(0.1)", "paper", "rho(1)", "paper",
        "rho(10)", "paper", "P2");
    List<String> csv = new ArrayList<>(List.of(
        "activation,sigma,rho,paper_rho,p2_holds"));
    double[] sigmas = ActivationProperties.PAPER_SIGMAS;
    for (Map.Entry<String, double[]> paper : PAPER_RHO.entrySet()) {
      ActivationChoice choice = ActivationChoice.of(registry, paper.getKey(), Map.of());
      PropertyReport r = ActivationProperties.analyze(paper.getKey(), choice.profile(), sigmas);
      List<String> row = new ArrayList<>(List.of(paper.getKey()));
      for (int i = 0; i < sigmas.length; i++) {
        double rho = r.rho().get(i).rho();
        row.add(TextTable.number(rho));
        row.add(TextTable.number(paper.getValue()[i]));
        csv.add(String.format(Locale.ROOT, "%s,%s,%s,%s,%s", paper.getKey(), sigmas[i], rho,
            paper.getValue()[i], r.p2().holds()));
      }
      row.add(r.p2().holds() ? "holds" : "fails");
      table.add(row.toArray(String[]::new));
    }
    out.println("rho(sigma) = min{beta0 - alpha0^2 - alpha1^2, beta2 - alpha1^2 - alpha2^2, "
        + "alpha0 alpha2 - alpha1^2} (METHOD.md section 3), computed against the paper's table:");
    table.print(out);
    out.println("linear and quadratic: the paper's 0 means P2 fails; the raw formula gives the "
        + "values shown (quadratic: -4 sigma^2)");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw IoErrors.cannot("create", dir, e);
    }
    writeString(dir.resolve("rho-table.csv"), String.join("\n", csv) + "\n");
    out.println("wrote " + dir.resolve("rho-table.csv"));
  }

  private static void writeString(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw IoErrors.cannot("write", file, e);
    }
  }
}
