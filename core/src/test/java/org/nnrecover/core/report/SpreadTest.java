package org.nnrecover.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void emptyAndSingleValue() {
    assertTrue(Double.isNaN(Spread.of(Double.NaN).median()));
    assertEquals(0, Spread.of().count());
    Spread one = Spread.of(7);
    assertEquals(7, one.q1(), 0);
    assertEquals(7, one.q3(), 0);
  }
}
