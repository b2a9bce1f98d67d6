package org.nnrecover.core.report;

import com.google.common.math.Quantiles;
import java.util.Arrays;
import java.util.Map;

/**
 * Order statistics of a sample: quartiles by linear interpolation between order statistics (Guava's
 * {@link Quantiles}, the definition of R's default type 7 and numpy's default), so that the median
 * of an even count is the mean of the middle two.
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
    Map<Integer, Double> quartiles = Quantiles.quartiles().indexes(1, 2, 3).compute(sorted);
    return new Spread(sorted.length, sorted[0], quartiles.get(1), quartiles.get(2),
        quartiles.get(3), sorted[sorted.length - 1]);
  }

  /** The interquartile range q3 - q1. */
  public double iqr() {
    return q3 - q1;
  }
}
