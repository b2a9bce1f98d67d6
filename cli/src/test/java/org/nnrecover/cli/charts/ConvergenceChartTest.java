package org.nnrecover.cli.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.nnrecover.core.optim.TraceRow;
import org.nnrecover.core.report.Axis;
import org.nnrecover.core.report.Cell;
import org.nnrecover.core.report.ConvergenceBand;
import org.nnrecover.core.run.Metrics;
import org.nnrecover.core.run.Outcome;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.run.RunSpec;
import org.nnrecover.core.store.StoredRun;

/** What a convergence chart plots when the runs of a cell stop at different iterations. */
class ConvergenceChartTest {
  /**
   * A run of one cell whose zero network's loss is 2 (initial objective 1, relative 0.5), with
   * trace rows at iterations 0, 10, 20, ... holding the given objectives.
   */
  private static StoredRun run(long seed, Outcome outcome, double... objectives) {
    List<TraceRow> trace = new ArrayList<>();
    for (int i = 0; i < objectives.length; i++) {
      trace.add(new TraceRow(10 * i, objectives[i], 0, 0, i, Double.NaN, Double.NaN, 0));
    }
    RunSpec spec = new RunSpec("squared-relu", "random", "gd", 4, 2, 100, 2, 0, "random", seed,
        Map.of(), null, null);
    Metrics init = new Metrics(null, null, null, null, null, null, 1.0, 0.5, 0);
    RunRecord record = new RunRecord(spec, Map.of(), null, outcome, null, null, null, init, init,
        10 * (objectives.length - 1), objectives.length, 0, Map.of(), Map.of(), trace);
    Map<String, String> coordinates = new LinkedHashMap<>();
    coordinates.put("optimizer", "gd");
    return new StoredRun((int) seed, "t", coordinates, null, record);
  }

  private static JFreeChart chart(StoredRun... runs) {
    List<StoredRun> list = List.of(runs);
    Cell cell = Cell.group(list, Axis.of(list)).get(0);
    return Charts.convergence("t", "s", "objective relative to the zero network",
        Map.of("gd", ConvergenceBand.of(cell, ConvergenceBand.RELATIVE_OBJECTIVE)));
  }

  /** The plotted median at an iteration (NaN when the line has no point there). */
  private static double median(XYDataset data, int iteration) {
    for (int i = 0; i < data.getItemCount(0); i++) {
      if (data.getXValue(0, i) == iteration) {
        return data.getYValue(0, i);
      }
    }
    return Double.NaN;
  }

  private static List<String> legend(JFreeChart chart) {
    List<String> labels = new ArrayList<>();
    LegendItemCollection items = chart.getXYPlot().getLegendItems();
    for (int i = 0; i < items.getItemCount(); i++) {
      labels.add(items.get(i).getLabel());
    }
    return labels;
  }

  @Test
  void aStoppedRunIsNotCarriedForwardAndTheLegendSaysWhereRunsStopped() {
    // relative objectives (objective / 2): A 0.5 0.25 0.125 0.0625; B 0.5 0.05 and stops;
    // C 0.5 0.15 0.1 0.05
    JFreeChart chart = chart(run(1, Outcome.BUDGET_EXHAUSTED, 1.0, 0.5, 0.25, 0.125),
        run(2, Outcome.CONVERGED, 1.0, 0.1),
        run(3, Outcome.BUDGET_EXHAUSTED, 1.0, 0.3, 0.2, 0.1));
    XYPlot plot = chart.getXYPlot();
    XYDataset band = plot.getDataset(0);
    assertEquals(0.5, median(band, 0), 0);
    assertEquals(0.15, median(band, 10), 1e-16); // median of 0.25, 0.05, 0.15
    // after B stopped: the median of A and C alone (0.125 + 0.1) / 2; carrying B's 0.05 forward
    // would have made it 0.1
    assertEquals(0.1125, median(band, 20), 1e-16);
    assertEquals(0.05625, median(band, 30), 1e-16);
    // B's stop is marked at its last value, and the legend says what the mark means
    XYDataset stops = plot.getDataset(1);
    assertEquals(1, stops.getItemCount(0));
    assertEquals(10, stops.getXValue(0, 0), 0);
    assertEquals(0.05, stops.getYValue(0, 0), 0);
    assertEquals(List.of("gd", Charts.STOPPED_LEGEND), legend(chart));
  }

  @Test
  void runsThatAllGoToTheEndShowNoStopMarks() {
    JFreeChart chart = chart(run(1, Outcome.BUDGET_EXHAUSTED, 1.0, 0.5, 0.25),
        run(2, Outcome.BUDGET_EXHAUSTED, 1.0, 0.3, 0.2));
    assertEquals(0.1125, median(chart.getXYPlot().getDataset(0), 20), 1e-16);
    assertEquals(List.of("gd"), legend(chart));
    assertFalse(legend(chart).contains(Charts.STOPPED_LEGEND));
    assertNull(chart.getXYPlot().getDataset(1));
  }
}
