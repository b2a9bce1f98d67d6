package org.nnrecover.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdFitTest {

  @Test
  void thresholdInterpolatesInLogNBetweenTheBracketingCounts() {
    double[] n = {100, 200, 400, 800};
    // 0.5 lies halfway between the rates 0.3 (n = 200) and 0.7 (n = 400): sqrt(200 * 400)
    assertEquals(Math.sqrt(200 * 400), ThresholdFit.threshold(n, new double[] {0, 0.3, 0.7, 1},
        0.5), 1e-9);
    // 0.9 lies 2/3 of the way from 0.7 (n = 400) to 1 (n = 800): 400 * 2^(2/3)
    assertEquals(400 * Math.pow(2, 2 / 3.0), ThresholdFit.threshold(n,
        new double[] {0, 0.3, 0.7, 1}, 0.9), 1e-9);
    // a lucky cell below the transition does not count: from n = 800 on every rate reaches 0.5
    assertEquals(400 * Math.pow(2, 0.375), ThresholdFit.threshold(n,
        new double[] {0, 0.6, 0.2, 1}, 0.5), 1e-9);
    // no threshold inside the range: the largest count fails, or the smallest already succeeds
    assertTrue(Double.isNaN(ThresholdFit.threshold(n, new double[] {0, 0, 0.2, 0.4}, 0.5)));
    assertTrue(Double.isNaN(ThresholdFit.threshold(n, new double[] {0.6, 0.8, 1, 1}, 0.5)));
  }

  /**
   * Synthetic cells whose every seed succeeds exactly from n = 40 d on (n on a grid of ratio 2):
   * the 50 % and 90 % thresholds are 40 d times the same factor for every d, so the log-log slope
   * is 1 and, with no seed-to-seed variation to resample, the bootstrap interval is [1, 1].
   */
  @Test
  void exactlyLinearThresholdsGiveSlopeOneWithADegenerateInterval(@TempDir Path dir)
      throws Exception {
    SyntheticStore store = new SyntheticStore();
    for (int d : new int[] {25, 50, 100, 200}) {
      for (int n = 10 * d; n <= 160 * d; n *= 2) {
        store.withN(n);
        for (long seed = 1; seed <= 4; seed++) {
          boolean success = n >= 40 * d;
          store.add(d, seed, 0.1, success ? 0.001 : 0.5, success, true, 20,
              success ? "converged" : "budget-exhausted", success);
        }
      }
    }
    Files.writeString(dir.resolve("runs.jsonl"), store.text());
    Report report = Report.of(RunStoreReader.read(dir).runs(), 1e-10);
    ThresholdFit fit = ThresholdFit.of(report, "d", "n", 0.5, 1);
    assertArrayEquals(new double[] {25, 50, 100, 200}, fit.dimensions(), 0);
    for (int i = 0; i < 4; i++) {
      // between 20 d (rate 0) and 40 d (rate 1), at 0.5: sqrt(20 d * 40 d)
      double d = fit.dimensions()[i];
      assertEquals(Math.sqrt(20 * d * 40 * d), fit.thresholds()[i], 1e-9 * d);
    }
    assertEquals(1, fit.slope(), 1e-12);
    assertEquals(1, fit.low(), 1e-12);
    assertEquals(1, fit.high(), 1e-12);
    assertEquals(ThresholdFit.BOOTSTRAP, fit.resamples());
  }

  /**
   * Rates that vary across seeds make the bootstrap interval proper: it contains the point
   * estimate, and the same seed gives the same interval.
   */
  @Test
  void bootstrapIntervalContainsTheEstimateAndIsReproducible(@TempDir Path dir) throws Exception {
    SyntheticStore store = new SyntheticStore();
    for (int d : new int[] {25, 50, 100}) {
      for (int step = 0; step < 5; step++) {
        int n = 10 * d << step;
        store.withN(n);
        for (long seed = 1; seed <= 10; seed++) {
          // success for seeds up to 2.5 * step (step 0: none, step 4: all), shifted by d
          boolean success = seed <= 2.5 * step - (d == 100 ? 1 : 0);
          store.add(d, seed, 0.1, success ? 0.001 : 0.5, success, true, 20, "converged", true);
        }
      }
    }
    Files.writeString(dir.resolve("runs.jsonl"), store.text());
    Report report = Report.of(RunStoreReader.read(dir).runs(), 1e-10);
    ThresholdFit a = ThresholdFit.of(report, "d", "n", 0.5, 7);
    ThresholdFit b = ThresholdFit.of(report, "d", "n", 0.5, 7);
    assertTrue(a.low() < a.high(), a.low() + " .. " + a.high());
    assertTrue(a.low() <= a.slope() && a.slope() <= a.high(), a.toString());
    assertEquals(a.low(), b.low(), 0);
    assertEquals(a.high(), b.high(), 0);
    // The same runs stored in another order (runs finish in an order that depends on the thread
    // count): the bootstrap resamples seeds, not file positions, so the interval is the same bits.
    java.util.List<String> lines = new java.util.ArrayList<>(store.text().lines().toList());
    java.util.Collections.reverse(lines);
    Path reversed = Files.createDirectory(dir.resolve("reversed"));
    Files.writeString(reversed.resolve("runs.jsonl"), String.join("\n", lines) + "\n");
    ThresholdFit c = ThresholdFit.of(Report.of(RunStoreReader.read(reversed).runs(), 1e-10), "d",
        "n", 0.5, 7);
    assertEquals(a.slope(), c.slope(), 0);
    assertEquals(a.low(), c.low(), 0);
    assertEquals(a.high(), c.high(), 0);
  }
}
