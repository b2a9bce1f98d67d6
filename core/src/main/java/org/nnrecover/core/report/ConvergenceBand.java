package org.nnrecover.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToDoubleBiFunction;
import org.nnrecover.core.optim.TraceRow;
import org.nnrecover.core.store.StoredRun;

/**
 * A cell's traces aggregated over seeds: at every stored iteration, the spread of a per-row
 * quantity (the relative objective or the unit error) over the cell's runs. A run contributes its
 * latest stored row at or before the iteration, and nothing after its last row: a run that has
 * stopped (converged, diverged, stalled, failed) is never carried forward, so the median is always
 * that of the runs still iterating ({@link Spread#count()} says how many). Non-finite and
 * non-positive values are left out, which the log-scale charts could not show anyway.
 *
 * @param cell the cell
 * @param iterations the union of the stored iterations of its runs, increasing
 * @param spread the spread at each iteration
 * @param stops where runs stopped while others of the cell went on (each such run's last row, when
 *     its value can be shown), so that a chart can show where the median loses a run
 */
public record ConvergenceBand(Cell cell, int[] iterations, List<Spread> spread, List<Stop> stops) {
  /**
   * The last row of a run that stopped before the cell's longest run.
   *
   * @param iteration the run's last stored iteration
   * @param value the quantity there
   */
  public record Stop(int iteration, double value) {}

  /** The relative objective f / f(0) of row i of a run. */
  public static final ToDoubleBiFunction<StoredRun, Integer> RELATIVE_OBJECTIVE =
      (run, i) -> run.record().trace().get(i).objective() / run.record().zeroLoss();
  /** The unit error of row i of a run. */
  public static final ToDoubleBiFunction<StoredRun, Integer> UNIT_ERROR =
      (run, i) -> run.record().trace().get(i).unitError();

  /** Aggregates a cell's traces; empty iterations when no run has a trace. */
  public static ConvergenceBand of(Cell cell, ToDoubleBiFunction<StoredRun, Integer> quantity) {
    TreeSet<Integer> union = new TreeSet<>();
    cell.runs().forEach(r -> r.record().trace().forEach(row -> union.add(row.iteration())));
    int[] iterations = union.stream().mapToInt(Integer::intValue).toArray();
    List<Spread> spreads = new ArrayList<>(iterations.length);
    int runs = cell.runs().size();
    int[] cursor = new int[runs];
    int[][] stored = new int[runs][];
    for (int r = 0; r < runs; r++) {
      stored[r] = cell.runs().get(r).record().trace().stream().mapToInt(TraceRow::iteration)
          .toArray();
    }
    double[] values = new double[runs];
    List<Stop> stops = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      int[] rows = stored[r];
      if (rows.length > 0 && rows[rows.length - 1] < iterations[iterations.length - 1]) {
        double value = quantity.applyAsDouble(cell.runs().get(r), rows.length - 1);
        if (value > 0 && Double.isFinite(value)) {
          stops.add(new Stop(rows[rows.length - 1], value));
        }
      }
    }
    for (int iteration : iterations) {
      for (int r = 0; r < runs; r++) {
        StoredRun run = cell.runs().get(r);
        int[] rows = stored[r];
        while (cursor[r] + 1 < rows.length && rows[cursor[r] + 1] <= iteration) {
          cursor[r]++;
        }
        boolean ended = rows.length > 0 && iteration > rows[rows.length - 1];
        double value = rows.length == 0 || rows[cursor[r]] > iteration || ended ? Double.NaN
            : quantity.applyAsDouble(run, cursor[r]);
        values[r] = value > 0 ? value : Double.NaN;
      }
      spreads.add(Spread.of(values));
    }
    return new ConvergenceBand(cell, iterations, List.copyOf(spreads), List.copyOf(stops));
  }
}
