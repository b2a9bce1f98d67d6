package org.nnrecover.cli.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.nnrecover.core.report.ConvergenceBand;
import org.nnrecover.core.report.HeatGrid;
import org.nnrecover.core.report.Spread;
import org.nnrecover.core.report.ThresholdFit;

/** The kinds of chart, built from report data (drawing only; no decisions about data). */
final class Charts {
  /** Colors that stay apart for the color-blind (Okabe and Ito), cycled for more series. */
  private static final Color[] SERIES = {new Color(0, 114, 178), new Color(213, 94, 0),
      new Color(0, 158, 115), new Color(204, 121, 167), new Color(230, 159, 0),
      new Color(86, 180, 233), new Color(0, 0, 0), new Color(240, 228, 66)};
  /** At most this many points per curve: more add nothing visible and bloat the SVG. */
  private static final int MAX_POINTS = 600;
  private static final Font ANNOTATION = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  /** The legend entry of the marks where runs stopped while others of their cell went on. */
  static final String STOPPED_LEGEND = "run stopped here (not carried forward into the median)";
  private static final Shape STOP_MARK = new Ellipse2D.Double(-4, -4, 8, 8);

  private Charts() {}

  /**
   * Convergence curves: median over seeds as a line, the interquartile range as a translucent band
   * (robust to the odd diverged or stalled seed, which a min-max band would let fill the chart), log y.
   * Where a run stopped while others of its cell went on, an open circle marks its last value, and
   * the legend says that it is not carried forward.
   *
   * @param bands one per cell, with the cell's display name
   */
  static JFreeChart convergence(String title, String subtitle, String yLabel,
      Map<String, ConvergenceBand> bands) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    double lowest = Double.POSITIVE_INFINITY;
    for (Map.Entry<String, ConvergenceBand> e : bands.entrySet()) {
      YIntervalSeries series = new YIntervalSeries(e.getKey(), false, false);
      ConvergenceBand band = e.getValue();
      int stride = Math.max(1, band.iterations().length / MAX_POINTS);
      for (int i = 0; i < band.iterations().length; i++) {
        boolean last = i == band.iterations().length - 1;
        Spread s = band.spread().get(i);
        if ((i % stride == 0 || last) && s.count() > 0) {
          series.add(band.iterations()[i], s.median(), s.q1(), s.q3());
          lowest = Math.min(lowest, s.q1());
        }
      }
      data.addSeries(series);
    }
    NumberAxis x = new NumberAxis("iteration");
    x.setAutoRangeIncludesZero(true);
    LogAxis y = new LogAxis(yLabel);
    y.setSmallestValue(Double.isFinite(lowest) ? Math.max(lowest / 10, 1e-300) : 1e-16);
    y.setNumberFormatOverride(new DecimalFormat("0.0E0"));
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    renderer.setAlpha(0.18f);
    for (int s = 0; s < data.getSeriesCount(); s++) {
      Color c = SERIES[s % SERIES.length];
      renderer.setSeriesPaint(s, c);
      renderer.setSeriesFillPaint(s, c);
      renderer.setSeriesStroke(s, new BasicStroke(2f));
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    LegendItemCollection legend = plot.getLegendItems();
    XYSeriesCollection stops = new XYSeriesCollection();
    for (Map.Entry<String, ConvergenceBand> e : bands.entrySet()) {
      XYSeries series = new XYSeries(e.getKey() + " stops", false, true);
      e.getValue().stops().forEach(stop -> series.add(stop.iteration(), stop.value()));
      stops.addSeries(series);
    }
    boolean stopped = false;
    for (int s = 0; s < stops.getSeriesCount(); s++) {
      stopped |= stops.getItemCount(s) > 0;
    }
    if (stopped) {
      // where a run stopped while others went on: the median from there on is of fewer runs
      XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
      for (int s = 0; s < stops.getSeriesCount(); s++) {
        marks.setSeriesPaint(s, SERIES[s % SERIES.length]);
        marks.setSeriesShape(s, STOP_MARK);
      }
      marks.setUseFillPaint(false);
      marks.setDefaultShapesFilled(false);
      plot.setDataset(1, stops);
      plot.setRenderer(1, marks);
      legend.add(new LegendItem(STOPPED_LEGEND, null, null, null, STOP_MARK,
          new BasicStroke(1.5f), Color.DARK_GRAY));
    }
    plot.setFixedLegendItems(legend);
    return finish(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), subtitle,
        plot);
  }

  /**
   * A heat map with the value printed in each cell; flagged cells are black, cells without runs
   * light grey.
   *
   * @param upper the top of the color scale (its bottom is 0)
   * @param format how cell values are printed
   */
  static JFreeChart heatMap(String title, String subtitle, String valueLabel, HeatGrid grid,
      double upper, String format) {
    int rows = grid.values().length;
    int columns = grid.values()[0].length;
    double[][] xyz = new double[3][rows * columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        int i = r * columns + c;
        xyz[0][i] = c;
        xyz[1][i] = r;
        xyz[2][i] = grid.flagged()[r][c] ? Double.NEGATIVE_INFINITY : grid.values()[r][c];
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries(valueLabel, xyz);
    XYBlockRenderer renderer = new XYBlockRenderer();
    Scale scale = new Scale(0, upper > 0 ? upper : 1);
    renderer.setPaintScale(scale);
    SymbolAxis x = new SymbolAxis(grid.x().name(), grid.x().values().toArray(String[]::new));
    SymbolAxis y = new SymbolAxis(grid.y().name(), grid.y().values().toArray(String[]::new));
    for (SymbolAxis axis : List.of(x, y)) {
      axis.setGridBandsVisible(false);
      axis.setLowerMargin(0);
      axis.setUpperMargin(0);
    }
    x.setRange(-0.5, columns - 0.5);
    y.setRange(-0.5, rows - 0.5);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        double v = grid.values()[r][c];
        if (Double.isNaN(v)) {
          continue;
        }
        XYTextAnnotation text =
            new XYTextAnnotation(String.format(Locale.ROOT, format, v), c, r);
        text.setFont(ANNOTATION);
        text.setPaint(grid.flagged()[r][c] || scale.isDark(v) ? Color.WHITE : Color.BLACK);
        plot.addAnnotation(text);
      }
    }
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    NumberAxis legendAxis = new NumberAxis(valueLabel);
    legendAxis.setRange(0, scale.getUpperBound());
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(new RectangleInsets(10, 10, 10, 10));
    legend.setStripWidth(15);
    chart.addSubtitle(legend);
    return finish(chart, subtitle, plot);
  }

  /**
   * Box plots (median, quartiles, whiskers at min and max) of one metric per category and series.
   *
   * @param boxes series name -> category -> values
   * @param log whether the value axis is logarithmic
   */
  static JFreeChart boxPlot(String title, String subtitle, String categoryLabel,
      String valueLabel, Map<String, Map<String, double[]>> boxes, boolean log) {
    DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
    double lowest = Double.POSITIVE_INFINITY;
    for (Map.Entry<String, Map<String, double[]>> series : boxes.entrySet()) {
      for (Map.Entry<String, double[]> category : series.getValue().entrySet()) {
        Spread s = Spread.of(category.getValue());
        double mean = java.util.Arrays.stream(category.getValue()).filter(Double::isFinite)
            .average().orElse(Double.NaN);
        data.add(new BoxAndWhiskerItem(mean, s.median(), s.q1(), s.q3(), s.min(), s.max(),
            s.min(), s.max(), List.of()), series.getKey(), category.getKey());
        lowest = Math.min(lowest, s.min());
      }
    }
    BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
    renderer.setMeanVisible(false);
    renderer.setMaximumBarWidth(0.12);
    renderer.setFillBox(true);
    renderer.setWhiskerWidth(0.5);
    for (int s = 0; s < boxes.size(); s++) {
      renderer.setSeriesPaint(s, SERIES[s % SERIES.length]);
      renderer.setSeriesOutlinePaint(s, Color.BLACK);
    }
    ValueAxis y;
    if (log) {
      LogAxis logAxis = new LogAxis(valueLabel);
      logAxis.setSmallestValue(Double.isFinite(lowest) && lowest > 0 ? lowest / 2 : 1e-16);
      logAxis.setNumberFormatOverride(new DecimalFormat("0.0E0"));
      y = logAxis;
    } else {
      NumberAxis linear = new NumberAxis(valueLabel);
      linear.setAutoRangeIncludesZero(true);
      y = linear;
    }
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(categoryLabel), y, renderer);
    boolean legend = boxes.size() > 1;
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return finish(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, legend), subtitle);
  }

  /**
   * Thresholds against the dimension on log-log axes: one series of points per success level, each
   * with its least-squares line, and a dashed line of slope 1 through the first level's geometric
   * centre for reference.
   *
   * @param fits one per level, keyed by the series name
   */
  static JFreeChart thresholds(String title, String subtitle, Map<String, ThresholdFit> fits) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    int color = 0;
    for (Map.Entry<String, ThresholdFit> e : fits.entrySet()) {
      ThresholdFit fit = e.getValue();
      XYSeries points = new XYSeries(e.getKey(), false, true);
      double sx = 0;
      double sy = 0;
      int m = 0;
      for (int i = 0; i < fit.dimensions().length; i++) {
        double n = fit.thresholds()[i];
        if (Double.isFinite(n) && n > 0) {
          points.add(fit.dimensions()[i], n);
          sx += Math.log(fit.dimensions()[i]);
          sy += Math.log(n);
          m++;
        }
      }
      int series = data.getSeriesCount();
      data.addSeries(points);
      renderer.setSeriesLinesVisible(series, false);
      renderer.setSeriesPaint(series, SERIES[color % SERIES.length]);
      if (m >= 2 && Double.isFinite(fit.slope())) {
        // the fitted line passes through the centroid of the log points
        XYSeries line = new XYSeries(e.getKey() + " fit: slope " + String.format(Locale.ROOT,
            "%.2f [%.2f, %.2f]", fit.slope(), fit.low(), fit.high()), false, true);
        for (double d : new double[] {fit.dimensions()[0],
            fit.dimensions()[fit.dimensions().length - 1]}) {
          line.add(d, Math.exp(sy / m + fit.slope() * (Math.log(d) - sx / m)));
        }
        data.addSeries(line);
        renderer.setSeriesShapesVisible(series + 1, false);
        renderer.setSeriesPaint(series + 1, SERIES[color % SERIES.length]);
      }
      color++;
    }
    // ticks at powers of 2 in d and of sqrt(2) in n, the steps such grids are built with
    LogAxis x = new LogAxis("dimension d");
    x.setBase(2);
    x.setTickUnit(new NumberTickUnit(1));
    x.setNumberFormatOverride(new DecimalFormat("0"));
    LogAxis y = new LogAxis("samples n");
    y.setBase(2);
    y.setTickUnit(new NumberTickUnit(0.5));
    y.setNumberFormatOverride(new DecimalFormat("0"));
    XYPlot plot = new XYPlot(data, x, y, renderer);
    return finish(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), subtitle,
        plot);
  }

  private static JFreeChart finish(JFreeChart chart, String subtitle, XYPlot plot) {
    if (plot.getBackgroundPaint() != Color.WHITE) {
      plot.setBackgroundPaint(Color.WHITE);
      plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
      plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
    return finish(chart, subtitle);
  }

  /** White background, the subtitle if any, and a legend without a frame. */
  private static JFreeChart finish(JFreeChart chart, String subtitle) {
    chart.setBackgroundPaint(Color.WHITE);
    if (subtitle != null) {
      chart.addSubtitle(new TextTitle(subtitle));
    }
    if (chart.getLegend() != null) {
      chart.getLegend().setFrame(BlockBorder.NONE);
    }
    return chart;
  }

  /**
   * A sequential color scale from pale yellow to dark blue over [lower, upper]; NaN (no runs) is
   * light grey, negative infinity (a flagged cell) black.
   */
  static final class Scale implements PaintScale {
    private static final Color[] STOPS = {new Color(255, 255, 217), new Color(199, 233, 180),
        new Color(65, 182, 196), new Color(34, 94, 168), new Color(8, 29, 88)};
    private final double lower;
    private final double upper;

    Scale(double lower, double upper) {
      this.lower = lower;
      this.upper = upper;
    }

    @Override
    public double getLowerBound() {
      return lower;
    }

    @Override
    public double getUpperBound() {
      return upper;
    }

    @Override
    public Paint getPaint(double value) {
      if (Double.isNaN(value)) {
        return new Color(225, 225, 225);
      }
      if (value == Double.NEGATIVE_INFINITY) {
        return Color.BLACK;
      }
      double t = Math.max(0, Math.min(1, (value - lower) / (upper - lower)));
      double position = t * (STOPS.length - 1);
      int i = Math.min((int) position, STOPS.length - 2);
      double f = position - i;
      Color a = STOPS[i];
      Color b = STOPS[i + 1];
      return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
          (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
          (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** Whether text on this value's color should be white. */
    boolean isDark(double value) {
      return (value - lower) / (upper - lower) > 0.55;
    }
  }
}
