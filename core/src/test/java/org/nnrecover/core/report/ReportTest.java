package org.nnrecover.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  private static final double TOL = 1e-15; // hand-computed quartiles of short decimal lists

  /** d = 20 written first, to check numeric cell order; d = 10 has 4 runs, d = 20 has 3. */
  private static SyntheticStore store() {
    return new SyntheticStore()
        .add(20, 1, 0.9, 0.5, false, false, 100, "budget-exhausted", false)
        .add(10, 1, 0.4, 0.001, true, true, 20, "converged", true)
        .add(10, 2, 0.1, 0.002, true, true, 20, "converged", true)
        .add(20, 2, 0.7, 0.3, false, true, 100, "budget-exhausted", false)
        .add(10, 3, 0.3, 0.004, true, false, 20, "converged", true)
        .add(10, 4, 0.2, 0.6, false, true, 100, "budget-exhausted", false)
        .add(20, 3, 0.8, 0.005, true, true, 20, "converged", true);
  }

  private static Report report(Path dir, SyntheticStore store) throws Exception {
    Files.writeString(dir.resolve("runs.jsonl"), store.text());
    return Report.of(RunStoreReader.read(dir).runs(), 1e-10);
  }

  @Test
  void cellsAggregateSeedsWithHandComputedQuartiles(@TempDir Path dir) throws Exception {
    Report report = report(dir, store());
    assertEquals("syn", report.sweep());
    assertEquals(List.of("10", "20"), report.axes().get(0).values());
    assertTrue(report.axes().get(0).numeric());
    CellSummary d10 = report.summaries().get(0);
    CellSummary d20 = report.summaries().get(1);
    assertEquals("d=10", d10.cell().key());
    assertEquals(4, d10.runs());
    assertEquals(3, d10.successes());
    assertEquals(0.75, d10.successRate(), 0);
    // init unit errors 0.1 0.2 0.3 0.4: median 0.25, q1 0.175, q3 0.325
    assertEquals(0.25, d10.initUnitError().median(), TOL);
    assertEquals(0.175, d10.initUnitError().q1(), TOL);
    assertEquals(0.325, d10.initUnitError().q3(), TOL);
    assertEquals(0.5, d10.initFrobError().median(), TOL); // frob = 2 x unit in the fixture
    // final unit errors 0.001 0.002 0.004 0.6: median 0.003, q3 at 2.25 -> 0.004 + 0.25*0.596
    assertEquals(0.003, d10.finalUnitError().median(), TOL);
    assertEquals(0.004 + 0.25 * 0.596, d10.finalUnitError().q3(), 1e-14);
    assertEquals(1, d10.signsWrong());
    // relative objective 1e-11 <= 1e-10 first at the row of iteration 20, in 3 of 4 runs
    assertEquals(3, d10.reachedTarget());
    assertEquals(20, d10.iterationsToTarget().median(), 0);
    assertEquals("budget-exhausted=1 converged=3", d10.outcomesText());
    // seconds = seed / 2: 0.5 1 1.5 2 -> median 1.25
    assertEquals(1.25, d10.seconds().median(), TOL);
    assertEquals(3, d20.runs());
    assertEquals(1, d20.successes());
    assertEquals(0.8, d20.initUnitError().median(), TOL);
    assertEquals(100, d20.iterations().median(), 0);
    assertEquals(1, d20.reachedTarget());
  }

  @Test
  void summaryCsvHasOneRowPerCellWithTheNumbers(@TempDir Path dir) throws Exception {
    Report report = report(dir, store());
    List<String> lines = Files.readAllLines(SummaryCsv.write(dir, report));
    assertEquals(3, lines.size());
    List<String> header = List.of(lines.get(0).split(","));
    String[] d10 = lines.get(1).split(",", -1);
    assertEquals(header.size(), d10.length);
    assertEquals("d", header.get(0));
    assertEquals("10", d10[0]);
    assertEquals("4", d10[header.indexOf("runs")]);
    assertEquals("0.75", d10[header.indexOf("success_rate")]);
    assertEquals(0.175, Double.parseDouble(d10[header.indexOf("init_unit_error_q1")]), TOL);
    assertEquals(20, Double.parseDouble(d10[header.indexOf("iterations_to_target_median")]), 0);
    assertEquals("budget-exhausted=1 converged=3", d10[header.indexOf("outcomes")]);
    String[] d20 = lines.get(2).split(",", -1);
    assertEquals("0.8", d20[header.indexOf("init_unit_error_median")]);
  }

  @Test
  void tornLastLineIsSkippedAndAMalformedMiddleLineIsRejected(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("runs.jsonl"), store().text() + "{\"spec\":{\"se");
    RunStoreReader.Result read = RunStoreReader.read(dir);
    assertEquals(7, read.runs().size());
    assertEquals(1, read.tornLines());
    Files.writeString(dir.resolve("runs.jsonl"),
        new SyntheticStore().add(10, 1, 0.1, 0.1, true, true, 1, "converged", true)
            .raw("{broken").add(10, 2, 0.1, 0.1, true, true, 1, "converged", true).text());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RunStoreReader.read(dir));
    assertTrue(e.getMessage().contains("line 2 "), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RunStoreReader.read(dir.resolve("none")));
  }

  @Test
  void convergenceBandCountsOnlyTheRunsStillIterating(@TempDir Path dir) throws Exception {
    // run 1 converges at iteration 15; run 2 goes to 20; run 3 diverges, its trace ends at 10
    String converged = new SyntheticStore()
        .add(10, 1, 0.1, 0.1, true, true, 15, "converged", true).text()
        .replace("{\"iteration\":20,\"objective\":2.0E-11", "{\"iteration\":15,\"objective\":2.0E-11");
    String stalled = new SyntheticStore()
        .add(10, 2, 0.1, 0.1, false, true, 20, "budget-exhausted", false).text();
    String diverged = new SyntheticStore()
        .add(10, 3, 0.1, 0.1, false, true, 10, "diverged", false).text()
        .replace(",{\"iteration\":20,\"objective\":0.4,\"unitError\":0.4}", "")
        .replace("\"objective\":0.5,\"unitError\":0.4}", "\"objective\":4.0,\"unitError\":0.4}");
    Files.writeString(dir.resolve("runs.jsonl"), converged + stalled + diverged);
    Report report = Report.of(RunStoreReader.read(dir).runs(), 1e-10);
    ConvergenceBand band =
        ConvergenceBand.of(report.cells().get(0), ConvergenceBand.RELATIVE_OBJECTIVE);
    assertArrayEquals(new int[] {0, 10, 15, 20}, band.iterations());
    // zero loss 2. relative objectives: run 1: 0.5, 1e-3, 1e-11, then nothing (it stopped);
    // run 2: 0.5, 0.25, 0.25, 0.2; run 3: 0.5, 2, then nothing
    assertEquals(3, band.spread().get(1).count());
    assertEquals(1e-3, band.spread().get(1).min(), 1e-18);
    assertEquals(2, band.spread().get(1).max(), 0);
    assertEquals(0.25, band.spread().get(1).median(), 0);
    assertEquals(2, band.spread().get(2).count());
    assertEquals(1e-11, band.spread().get(2).min(), 1e-24);
    assertEquals(0.25, band.spread().get(2).max(), 0);
    // at 20 only run 2 is still iterating: the converged run is not carried forward
    assertEquals(1, band.spread().get(3).count());
    assertEquals(0.2, band.spread().get(3).min(), 0);
    assertEquals(0.2, band.spread().get(3).median(), 0);
    // where runs 1 and 3 stopped while run 2 went on, at their last values
    assertEquals(List.of(new ConvergenceBand.Stop(15, 1e-11), new ConvergenceBand.Stop(10, 2.0)),
        band.stops());
    ConvergenceBand errors = ConvergenceBand.of(report.cells().get(0), ConvergenceBand.UNIT_ERROR);
    assertEquals(1, errors.spread().get(2).count()); // run 1's NaN unit error is left out
    // run 1's last unit error is NaN: no mark can show it; run 3 stopped at 0.4
    assertEquals(List.of(new ConvergenceBand.Stop(10, 0.4)), errors.stops());
  }

  @Test
  void heatGridPlacesCellsByAxisOrderAndRefusesCollisions(@TempDir Path dir) throws Exception {
    SyntheticStore store = new SyntheticStore();
    // n = 200 written first: rows must still come out in numeric order 100, 200
    store.withN(200).add(10, 1, 0.1, 0.001, true, true, 20, "converged", true)
        .add(20, 1, 0.2, 0.001, true, false, 20, "converged", true)
        .add(20, 2, 0.4, 0.5, false, true, 20, "budget-exhausted", false);
    store.withN(100).add(10, 1, 0.3, 0.5, false, true, 20, "budget-exhausted", false);
    Report report = report(dir, store);
    Axis d = report.axes().get(0);
    Axis n = report.axes().get(1);
    assertEquals(List.of("100", "200"), n.values());
    HeatGrid grid = HeatGrid.of(report.summaries(), d, n, CellSummary::successRate,
        s -> s.signsWrong() > 0);
    assertEquals(2, grid.values().length);
    assertEquals(0.0, grid.values()[0][0], 0); // n=100, d=10
    assertTrue(Double.isNaN(grid.values()[0][1])); // n=100, d=20: no runs
    assertEquals(1.0, grid.values()[1][0], 0); // n=200, d=10
    assertEquals(0.5, grid.values()[1][1], 0); // n=200, d=20: 1 of 2
    assertTrue(grid.flagged()[1][1]);
    assertFalse(grid.flagged()[1][0]);
    assertEquals(2, report.varyingAxes().size());
    // an axis the cells have no value on cannot lay them out
    Axis none = new Axis("k", List.of("5"), true);
    assertThrows(IllegalArgumentException.class, () ->
        HeatGrid.of(report.summaries(), d, none, CellSummary::successRate, s -> false));
  }

  @Test
  void recoveryThresholdFindsTheSmallestNAndFitsItsGrowth(@TempDir Path dir) throws Exception {
    SyntheticStore store = new SyntheticStore();
    // d = 10 succeeds from n = 100, d = 20 from n = 200: n_min = 10 d exactly
    store.withN(100).add(10, 1, 0.1, 0.001, true, true, 20, "converged", true)
        .add(20, 1, 0.1, 0.5, false, true, 20, "budget-exhausted", false);
    store.withN(200).add(10, 1, 0.1, 0.001, true, true, 20, "converged", true)
        .add(20, 1, 0.1, 0.001, true, true, 20, "converged", true);
    // d = 30 succeeds at n = 100 by luck, fails at 200: no n from which it always succeeds
    store.withN(100).add(30, 1, 0.1, 0.001, true, true, 20, "converged", true);
    store.withN(200).add(30, 1, 0.1, 0.5, false, true, 20, "budget-exhausted", false);
    RecoveryThreshold t = RecoveryThreshold.of(report(dir, store), "d", "n", 1.0);
    assertEquals(2, t.points().size());
    assertArrayEquals(new double[] {20, 200}, t.points().get(1), 0);
    assertEquals(10, t.linearSlope(), 1e-12);
    assertEquals(1, t.exponent(), 1e-12); // log(200/100) / log(20/10)
    // three points off a line: slope of (1,1), (2,3), (3,2) is 0.5 by the normal equations
    assertEquals(0.5, RecoveryThreshold.slope(new double[] {1, 2, 3}, new double[] {1, 3, 2}),
        1e-15);
  }
}
