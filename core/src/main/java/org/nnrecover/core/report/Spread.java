package org.nnrecover.core.report;

import java.util.Arrays;

/**
 * Order statistics of a sample: quartiles by linear interpolation between order statistics (the
 * definition of R's default type 7 and numpy's default), so that the median of an even count is
 * the mean of the middle two.
 *
 * @param count number of finite values
 * @param min smallest value (NaN when empty)
 * @param q1 first quartile
 * @param median median
 * @param q3 third quartile
 * @param max largest value
 */
public record Spread(int count, double min, double q1, double median, double q3, double max) {
  /** The spread of no values: every statistic NaN. */
  public static final Spread EMPTY =
      new Spread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** The spread of the finite values among {@code values} (NaN and infinities are left out). */
  public static Spread of(double... values) {
    double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (sorted.length == 0) {
      return EMPTY;
    }
    return new Spread(sorted.length, sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5),
        quantile(sorted, 0.75), sorted[sorted.length - 1]);
  }

  /**
   * The p-quantile of sorted values: position h = (m - 1) p, interpolated between the values at
   * floor(h) and floor(h) + 1.
   */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** The interquartile range q3 - q1. */
  public double iqr() {
    return q3 - q1;
  }
}
