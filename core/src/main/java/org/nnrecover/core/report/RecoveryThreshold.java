package org.nnrecover.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Figure 1a's question: for each dimension, the smallest sample count from which the success rate
 * stays at or above a level for every larger count of the grid, and how that count grows with the
 * dimension (least-squares fits of n against d, linear
 * and log-log).
 *
 * @param level the success rate asked for
 * @param points (d, threshold n) for every d whose largest n reaches the level, increasing d
 * @param linearSlope least-squares slope of n against d (samples per dimension); NaN below 2 points
 * @param exponent least-squares slope of log n against log d (1 means linear growth)
 */
public record RecoveryThreshold(double level, List<double[]> points, double linearSlope,
    double exponent) {

  /**
   * Finds the thresholds in a report.
   *
   * @param dAxis the dimension axis (numeric)
   * @param nAxis the sample-count axis (numeric)
   * @param level success rate to reach, in (0, 1]
   */
  public static RecoveryThreshold of(Report report, String dAxis, String nAxis, double level) {
    List<double[]> points = new ArrayList<>();
    Axis d = axis(report, dAxis);
    Axis n = axis(report, nAxis);
    for (String dValue : d.values()) {
      // from the largest n down: the threshold is the smallest n from which every larger n
      // reaches the level, so that one lucky cell below the transition does not count
      String threshold = null;
      for (int i = n.values().size() - 1; i >= 0; i--) {
        String nValue = n.values().get(i);
        List<CellSummary> cells = report.summaries().stream()
            .filter(s -> dValue.equals(s.cell().coordinates().get(dAxis))
                && nValue.equals(s.cell().coordinates().get(nAxis))).toList();
        if (cells.isEmpty() || cells.stream().anyMatch(s -> !(s.successRate() >= level))) {
          break;
        }
        threshold = nValue;
      }
      if (threshold != null) {
        points.add(new double[] {Double.parseDouble(dValue), Double.parseDouble(threshold)});
      }
    }
    double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
    double[] logX = points.stream().mapToDouble(p -> Math.log(p[0])).toArray();
    double[] logY = points.stream().mapToDouble(p -> Math.log(p[1])).toArray();
    return new RecoveryThreshold(level, List.copyOf(points), slope(x, y), slope(logX, logY));
  }

  /** Least-squares slope of y on x (centered sums); NaN with fewer than two distinct x. */
  static double slope(double[] x, double[] y) {
    int m = x.length;
    if (m < 2) {
      return Double.NaN;
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < m; i++) {
      mx += x[i] / m;
      my += y[i] / m;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < m; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxx == 0 ? Double.NaN : sxy / sxx;
  }

  private static Axis axis(Report report, String name) {
    Axis axis = report.axes().stream().filter(a -> a.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no axis '" + name + "' in the runs"));
    if (!axis.numeric()) {
      throw new IllegalArgumentException("axis '" + name + "' is not numeric");
    }
    return axis;
  }
}
