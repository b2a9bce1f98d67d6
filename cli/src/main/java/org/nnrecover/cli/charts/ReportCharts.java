package org.nnrecover.cli.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.nnrecover.core.io.IoErrors;
import org.nnrecover.core.report.Axis;
import org.nnrecover.core.report.Cell;
import org.nnrecover.core.report.CellSummary;
import org.nnrecover.core.report.ConvergenceBand;
import org.nnrecover.core.report.HeatGrid;
import org.nnrecover.core.report.Report;
import org.nnrecover.core.report.ThresholdFit;
import org.nnrecover.core.store.StoredRun;

/**
 * Decides which charts a report's axes call for and draws them into a folder:
 * <ul>
 *   <li>convergence curves (relative objective, and unit error when known) when the runs have
 *       traces: one chart when there are at most {@link #MAX_CURVES} cells, else one chart per
 *       value of the varying axis that splits them into the fewest charts of at most that many
 *       curves;</li>
 *   <li>heat maps (success rate, median final and initial unit error, the last with cells where any
 *       run's initial v had the wrong sign count in black) over two numeric axes, one set per
 *       combination of the other varying axes;</li>
 *   <li>box plots of the final and initial unit error by the display-only {@code label} axis when
 *       it varies, else by the first categorical axis that varies (the second, if any, as series),
 *       else by cell when there are few.</li>
 * </ul>
 */
public final class ReportCharts {
  /** Above this many cells, curves and per-cell boxes would be unreadable and are not drawn. */
  public static final int MAX_CURVES = 12;

  static {
    System.setProperty("java.awt.headless", "true"); // before any AWT class initializes
  }

  /** The kinds of chart. */
  public enum Kind {
    CONVERGENCE, HEATMAP, BOX;

    /** Parses a kind name (case-insensitive). */
    public static Kind parse(String name) {
      for (Kind kind : values()) {
        if (kind.name().equalsIgnoreCase(name)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown chart kind '" + name
          + "': allowed are convergence, heatmap, box");
    }
  }

  /**
   * What to draw.
   *
   * @param kinds the kinds of chart to draw (each only when the data allow it)
   * @param x heat-map horizontal axis (null: the first numeric varying axis)
   * @param y heat-map vertical axis (null: the second numeric varying axis)
   * @param width image width in pixels
   * @param height image height in pixels
   */
  public record Options(Set<Kind> kinds, String x, String y, int width, int height) {
    /** Every kind, axes inferred, 900 x 600. */
    public static Options defaults() {
      return new Options(EnumSet.allOf(Kind.class), null, null, 900, 600);
    }
  }

  private final Report report;
  private final Options options;
  private final Path dir;
  private final List<Path> written = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private ReportCharts(Report report, Options options, Path dir) {
    this.report = report;
    this.options = options;
    this.dir = dir;
  }

  /**
   * What {@link #draw} did.
   *
   * @param files the files written (PNG and SVG of each chart)
   * @param notes why a chart that was asked for was not drawn, one sentence each
   */
  public record Drawn(List<Path> files, List<String> notes) {}

  /**
   * Draws every chart the report calls for into {@code dir} (created when missing).
   *
   * @return the files written and why any chart asked for was not drawn
   * @throws IllegalArgumentException when a named axis does not exist or is not numeric
   */
  public static Drawn draw(Report report, Options options, Path dir) {
    createDirectories(dir);
    ReportCharts charts = new ReportCharts(report, options, dir);
    if (options.kinds().contains(Kind.CONVERGENCE)) {
      charts.convergence();
    }
    if (options.kinds().contains(Kind.HEATMAP)) {
      charts.heatMaps();
    }
    if (options.kinds().contains(Kind.BOX)) {
      charts.boxPlots();
    }
    return new Drawn(List.copyOf(charts.written), List.copyOf(charts.notes));
  }

  /**
   * The threshold chart of an adaptive Figure 1a search: the sample count at each success level
   * against the dimension, log-log, with the fitted slopes.
   *
   * @return the files written (PNG and SVG)
   */
  public static List<Path> thresholds(Report report, Map<String, ThresholdFit> fits, Path dir,
      String note) {
    createDirectories(dir);
    ReportCharts charts = new ReportCharts(report, Options.defaults(), dir);
    charts.save(Charts.thresholds(charts.title("samples needed against dimension"), note, fits),
        "thresholds");
    return List.copyOf(charts.written);
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw IoErrors.cannot("create", dir, e);
    }
  }

  private String title(String what) {
    return report.sweep() == null ? what : report.sweep() + ": " + what;
  }

  private String seedsNote() {
    int min = report.summaries().stream().mapToInt(CellSummary::runs).min().orElse(0);
    int max = report.summaries().stream().mapToInt(CellSummary::runs).max().orElse(0);
    return (min == max ? min + "" : min + "-" + max) + " runs per cell";
  }

  private void save(org.jfree.chart.JFreeChart chart, String name) {
    written.addAll(ChartFiles.write(chart, dir.resolve(name), options.width(), options.height()));
  }

  private void convergence() {
    List<Cell> cells = report.cells();
    boolean traced = cells.stream().flatMap(c -> c.runs().stream())
        .anyMatch(r -> r.record().trace().size() > 1);
    if (!traced) {
      notes.add("no convergence chart: no run has a trace of more than one row");
      return;
    }
    Axis panel = cells.size() <= MAX_CURVES ? null : convergencePanelAxis();
    if (cells.size() > MAX_CURVES && panel == null) {
      notes.add("no convergence chart: " + cells.size() + " cells, and no varying axis splits"
          + " them into charts of at most " + MAX_CURVES + " curves");
      return;
    }
    Map<String, List<Cell>> groups = new LinkedHashMap<>();
    for (Cell cell : cells) {
      String value = panel == null ? "" : cell.coordinates().get(panel.name());
      groups.computeIfAbsent(value, v -> new ArrayList<>()).add(cell);
    }
    boolean errors = cells.stream().flatMap(c -> c.runs().stream())
        .anyMatch(r -> Double.isFinite(CellSummary.INIT_UNIT_ERROR.applyAsDouble(r)));
    String note = "median and interquartile range over the runs still iterating (a run leaves"
        + " the band when it stops); " + seedsNote();
    for (Map.Entry<String, List<Cell>> group : groups.entrySet()) {
      String where = panel == null ? "" : " (" + panel.name() + " = " + group.getKey() + ")";
      String suffix = panel == null ? ""
          : "-" + (panel.name() + "-" + group.getKey()).replaceAll("[^A-Za-z0-9.]+", "-");
      save(Charts.convergence(title("objective against iteration" + where), note,
          "objective relative to the zero network",
          bands(group.getValue(), ConvergenceBand.RELATIVE_OBJECTIVE)),
          "convergence-objective" + suffix);
      if (errors) {
        save(Charts.convergence(title("unit error against iteration" + where), note,
            "unit error", bands(group.getValue(), ConvergenceBand.UNIT_ERROR)),
            "convergence-unit-error" + suffix);
      }
    }
  }

  /**
   * The varying axis that splits the cells into the fewest charts of at most {@link #MAX_CURVES}
   * curves each, or null when none does.
   */
  private Axis convergencePanelAxis() {
    Axis best = null;
    for (Axis axis : report.varyingAxes()) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (Cell cell : report.cells()) {
        counts.merge(String.valueOf(cell.coordinates().get(axis.name())), 1, Integer::sum);
      }
      boolean fits = counts.values().stream().allMatch(count -> count <= MAX_CURVES);
      if (fits && (best == null || axis.values().size() < best.values().size())) {
        best = axis;
      }
    }
    return best;
  }

  /**
   * One band per cell, named by its display name; when two cells share a display name (a label
   * that does not say which value of another axis the cell has) the full coordinates are used.
   */
  private Map<String, ConvergenceBand> bands(List<Cell> cells,
      java.util.function.ToDoubleBiFunction<StoredRun, Integer> quantity) {
    List<String> names = cells.stream().map(c -> c.displayName(report.axes())).toList();
    boolean unique = names.stream().distinct().count() == names.size();
    Map<String, ConvergenceBand> bands = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      Cell cell = cells.get(i);
      String name = unique ? names.get(i) : cell.coordinates().entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
      bands.put(name, ConvergenceBand.of(cell, quantity));
    }
    return bands;
  }

  private List<Axis> shapeAxes() {
    return report.varyingAxes().stream().filter(a -> !a.name().equals(Axis.LABEL)).toList();
  }

  private Axis named(String name) {
    return report.axes().stream().filter(a -> a.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no axis '" + name + "' in the runs; axes: "
            + report.axes().stream().map(Axis::name).collect(Collectors.joining(", "))));
  }

  private void heatMaps() {
    List<Axis> numeric = shapeAxes().stream().filter(Axis::numeric).toList();
    Axis x = options.x() != null ? named(options.x()) : numeric.size() >= 2 ? numeric.get(0) : null;
    Axis y = options.y() != null ? named(options.y()) : numeric.size() >= 2 ? numeric.get(1) : null;
    if (x == null || y == null) {
      notes.add("no heat map: it needs two numeric axes that vary (" + (numeric.isEmpty()
          ? "none does" : "only " + numeric.get(0).name() + " does") + "); name them with --x and"
          + " --y");
      return;
    }
    for (Axis a : List.of(x, y)) {
      if (!a.numeric()) {
        throw new IllegalArgumentException("heat-map axis '" + a.name() + "' is not numeric");
      }
    }
    List<Axis> facets = shapeAxes().stream()
        .filter(a -> !a.name().equals(x.name()) && !a.name().equals(y.name())).toList();
    Map<String, List<CellSummary>> groups = new LinkedHashMap<>();
    for (CellSummary s : report.summaries()) {
      String facet = facets.stream().map(a -> a.name() + "=" + s.cell().coordinates().get(a.name()))
          .collect(Collectors.joining(", "));
      groups.computeIfAbsent(facet, f -> new ArrayList<>()).add(s);
    }
    for (Map.Entry<String, List<CellSummary>> group : groups.entrySet()) {
      String facet = group.getKey();
      String suffix = facet.isEmpty() ? "" : "-" + facet.replaceAll("[^A-Za-z0-9.]+", "-");
      String where = facet.isEmpty() ? "" : " (" + facet + ")";
      List<CellSummary> cells = group.getValue();
      heatMap(cells, x, y, "success rate" + where, "success rate", CellSummary::successRate,
          s -> false, 1, "%.2f", "heatmap-success" + suffix,
          "fraction of runs with unit error <= 0.01 and v right; " + seedsNote());
      heatMap(cells, x, y, "median final unit error" + where, "unit error",
          s -> s.finalUnitError().median(), s -> false, Double.NaN, "%.3g",
          "heatmap-final-error" + suffix, "median over seeds; " + seedsNote());
      heatMap(cells, x, y, "median initialization unit error" + where, "unit error",
          s -> s.initUnitError().median(), s -> s.signsWrong() > 0, Double.NaN, "%.3g",
          "heatmap-init-error" + suffix,
          "median over seeds; black: some run's initial v had the wrong count of +1; "
              + seedsNote());
    }
  }

  private void heatMap(List<CellSummary> cells, Axis x, Axis y, String what, String label,
      ToDoubleFunction<CellSummary> metric, Predicate<CellSummary> flag, double upper,
      String format, String name, String subtitle) {
    HeatGrid grid = HeatGrid.of(cells, x, y, metric, flag);
    double top = upper;
    if (Double.isNaN(top)) {
      top = 0;
      for (double[] row : grid.values()) {
        for (double v : row) {
          top = Double.isFinite(v) ? Math.max(top, v) : top;
        }
      }
      if (top == 0) {
        notes.add("no heat map of " + what + ": no cell has a finite positive value (runs on data "
            + "without ground truth have no errors)");
        return;
      }
    }
    save(Charts.heatMap(title(what), subtitle, label, grid, top, format), name);
  }

  private void boxPlots() {
    List<Axis> categorical = shapeAxes().stream().filter(a -> !a.numeric()).toList();
    Axis label = report.axes().stream().filter(a -> a.name().equals(Axis.LABEL) && a.varies())
        .findFirst().orElse(null);
    // a label names whole zipped combinations, so it separates cells that a zipped axis
    // (initializer: tensor, random, random) would merge
    Axis category = label != null ? label : !categorical.isEmpty() ? categorical.get(0) : null;
    if (category == null && (report.summaries().size() < 2
        || report.summaries().size() > MAX_CURVES)) {
      notes.add("no box plot: no categorical axis varies, and " + report.summaries().size()
          + (report.summaries().size() == 1 ? " cell is" : " cells are") + " not 2 to "
          + MAX_CURVES + " boxes of one per cell");
      return;
    }
    Axis series = label == null && categorical.size() > 1 ? categorical.get(1) : null;
    box("final", category, series, CellSummary.FINAL_UNIT_ERROR);
    box("initialization", category, series, CellSummary.INIT_UNIT_ERROR);
  }

  private void box(String phase, Axis category, Axis series, ToDoubleFunction<StoredRun> metric) {
    Map<String, Map<String, List<Double>>> collected = new LinkedHashMap<>();
    boolean any = false;
    for (Cell cell : report.cells()) {
      String c = category == null ? cell.displayName(report.axes())
          : cell.coordinates().get(category.name());
      String s = series == null ? "runs" : series.name() + "=" + cell.coordinates().get(series.name());
      List<Double> values = collected.computeIfAbsent(s, k -> new LinkedHashMap<>())
          .computeIfAbsent(c, k -> new ArrayList<>());
      for (StoredRun r : cell.runs()) {
        double v = metric.applyAsDouble(r);
        values.add(v);
        any |= Double.isFinite(v);
      }
    }
    if (!any) {
      notes.add("no " + phase + " box plot: no run has a finite " + phase + " unit error");
      return;
    }
    Map<String, Map<String, double[]>> boxes = new LinkedHashMap<>();
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (var s : collected.entrySet()) {
      Map<String, double[]> byCategory = new LinkedHashMap<>();
      for (var c : s.getValue().entrySet()) {
        double[] v = c.getValue().stream().mapToDouble(Double::doubleValue).toArray();
        byCategory.put(c.getKey(), v);
        for (double x : v) {
          if (Double.isFinite(x) && x > 0) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
          }
        }
      }
      boxes.put(s.getKey(), byCategory);
    }
    boolean log = hi > 100 * lo; // errors spanning decades: a linear axis would flatten the low end
    String by = category == null ? "cell" : category.name();
    save(Charts.boxPlot(title(phase + " unit error by " + by),
        "box: quartiles and median over seeds; whiskers: min and max", by, "unit error", boxes,
        log), String.format(Locale.ROOT, "box-%s-unit-error-by-%s",
        phase.equals("final") ? "final" : "init", by.replaceAll("[^A-Za-z0-9.]+", "-")));
  }
}
