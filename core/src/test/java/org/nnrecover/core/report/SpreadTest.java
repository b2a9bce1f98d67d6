package org.nnrecover.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpreadTest {
  // exact decimal arithmetic on few values: 1e-15 only absorbs binary rounding of 0.1-steps
  private static final double TOL = 1e-15;

  @Test
  void quartilesInterpolateBetweenOrderStatistics() {
    // sorted 0.1 0.2 0.3 0.4: median (0.2+0.3)/2; q1 at position 0.75 -> 0.175; q3 at 2.25 -> 0.325
    Spread s = Spread.of(0.4, 0.1, 0.3, 0.2);
    assertEquals(4, s.count());
    assertEquals(0.25, s.median(), TOL);
    assertEquals(0.175, s.q1(), TOL);
    assertEquals(0.325, s.q3(), TOL);
    assertEquals(0.1, s.min(), 0);
    assertEquals(0.4, s.max(), 0);
    assertEquals(0.15, s.iqr(), TOL);
  }

  @Test
  void oddCountHitsOrderStatisticsAndNonFiniteValuesAreLeftOut() {
    Spread s = Spread.of(5, Double.NaN, 1, 4, Double.POSITIVE_INFINITY, 2, 3);
    assertEquals(5, s.count());
    assertEquals(3, s.median(), 0);
    assertEquals(2, s.q1(), 0);
    assertEquals(4, s.q3(), 0);
  }

  /**
   * Guava's quartiles are the hand-written ones the reports used before (R type 7: position
   * h = (m - 1) p, the value at floor(h) plus (h - floor(h)) times the step to the next), number
   * for number: on 3000 random samples of 1 to 41 values with many ties (values drawn from a few
   * integers) or wide magnitudes, odd and even counts, every quartile is the same double.
   */
  @Test
  void guavaQuartilesAreTheEarlierHandWrittenOnesExactly() {
    SplittableRandom random = new SplittableRandom(20261202);
    for (int sample = 0; sample < 3000; sample++) {
      double[] values = new double[1 + random.nextInt(41)];
      boolean ties = sample % 2 == 0;
      for (int i = 0; i < values.length; i++) {
        values[i] = ties ? random.nextInt(4) - 1.5
            : (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(-12, 4));
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      Spread s = Spread.of(values);
      String where = Arrays.toString(values);
      assertEquals(handWritten(sorted, 0.25), s.q1(), 0, where);
      assertEquals(handWritten(sorted, 0.5), s.median(), 0, where);
      assertEquals(handWritten(sorted, 0.75), s.q3(), 0, where);
    }
    // the conventions themselves: an even count's median is the mean of the middle two, ties
    // stay ties
    assertEquals(2.5, Spread.of(4, 1, 3, 2).median(), 0);
    assertEquals(1, Spread.of(1, 1, 1, 5).median(), 0);
    assertEquals(1, Spread.of(1, 1, 1, 5).q1(), 0);
    assertEquals(2, Spread.of(1, 1, 1, 5).q3(), 0); // 1 + 0.25 * (5 - 1)
  }

  /** The reports' quantile before Guava (commit 13c8ecf), kept as the reference. */
  private static double handWritten(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  @Test
  void emptyAndSingleValue() {
    assertTrue(Double.isNaN(Spread.of(Double.NaN).median()));
    assertEquals(0, Spread.of().count());
    Spread one = Spread.of(7);
    assertEquals(7, one.q1(), 0);
    assertEquals(7, one.q3(), 0);
  }
}
