package org.nnrecover.core.ablation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;
import org.nnrecover.core.sweep.Sweep;
import org.nnrecover.core.sweep.SweepRun;

class ThresholdSearchTest {
  private static final int[] DIMENSIONS = {10, 20, 40};
  private static final int GRID = 16; // n = 25 * 2^(i/2), i = 0..15

  private static int n(int i) {
    return (int) Math.round(25 * Math.pow(2, i / 2.0));
  }

  /** Every (d, n) cell with two seeds; the resolved specs are not needed by the search. */
  private static Sweep sweep() {
    List<SweepRun> runs = new ArrayList<>();
    for (int d : DIMENSIONS) {
      for (int i = 0; i < GRID; i++) {
        Map<String, String> coordinates = new LinkedHashMap<>();
        coordinates.put("d", String.valueOf(d));
        coordinates.put("n", String.valueOf(n(i)));
        for (int seed = 1; seed <= 2; seed++) {
          runs.add(new SweepRun(null, coordinates, "d=" + d + ", n=" + n(i)));
        }
      }
    }
    return new Sweep("search", List.of(1L, 2L), DIMENSIONS.length * GRID, runs);
  }

  /** Runs the search against a known rate function; returns the rates of the cells it ran. */
  private static Map<String, Double> search(ThresholdSearch search,
      ToDoubleBiFunction<Integer, Integer> rate) {
    Map<String, Double> rates = new HashMap<>();
    for (int round = 0; round < 100; round++) {
      List<String> next = search.nextCells(rates);
      if (next.isEmpty()) {
        return rates;
      }
      assertEquals(2 * next.size(), search.subSweep(next).runs().size(), "two seeds per cell");
      for (String cell : next) {
        assertTrue(!rates.containsKey(cell), "asked twice for " + cell);
        String[] parts = cell.split(", ");
        int d = Integer.parseInt(parts[0].substring(2));
        int n = Integer.parseInt(parts[1].substring(2));
        rates.put(cell, rate.applyAsDouble(d, n));
      }
    }
    throw new AssertionError("the search did not end");
  }

  /**
   * A rate that rises from 0 to 1 between n = 8 d and n = 32 d: both bisections end with the
   * neighbouring grid counts around their level evaluated, using about log2(16) = 4 cells each
   * plus the largest count, far fewer than the 16 cells per dimension of the full grid.
   */
  @Test
  void bisectionBracketsEachLevelBetweenNeighbouringCounts() {
    ToDoubleBiFunction<Integer, Integer> rate = (d, n) ->
        Math.min(1, Math.max(0, Math.log((double) n / (8 * d)) / Math.log(4)));
    ThresholdSearch search = new ThresholdSearch(sweep(), "d", "n", 0.5, 0.9);
    Map<String, Double> rates = search(search, rate);
    for (int d : DIMENSIONS) {
      int evaluated = 0;
      for (double level : new double[] {0.5, 0.9}) {
        // the first grid count at or above the level, and the one below it, were both run
        int first = 0;
        while (rate.applyAsDouble(d, n(first)) < level) {
          first++;
        }
        assertTrue(rates.containsKey("d=" + d + ", n=" + n(first)), d + " " + level);
        assertTrue(rates.containsKey("d=" + d + ", n=" + n(first - 1)), d + " " + level);
      }
      for (int i = 0; i < GRID; i++) {
        evaluated += rates.containsKey("d=" + d + ", n=" + n(i)) ? 1 : 0;
      }
      assertTrue(evaluated <= 9, "d = " + d + ": " + evaluated + " cells run");
    }
  }

  @Test
  void noThresholdWhenTheLargestCountFailsAndOtherAxesAreRefused() {
    ThresholdSearch search = new ThresholdSearch(sweep(), "d", "n", 0.5);
    Map<String, Double> rates = search(search, (d, n) -> 0.0);
    assertEquals(DIMENSIONS.length, rates.size(), "only the largest count of each d");
    List<SweepRun> runs = new ArrayList<>(sweep().runs());
    runs.add(new SweepRun(null, Map.of("d", "10", "n", "25"), "d=10, n=25, kappa=5"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ThresholdSearch(new Sweep("mixed", List.of(1L), 1, runs), "d", "n", 0.5));
    assertTrue(e.getMessage().contains("varies an axis other than d and n"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new ThresholdSearch(sweep(), "d", "samples", 0.5));
  }
}
