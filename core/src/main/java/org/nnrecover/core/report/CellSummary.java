package org.nnrecover.core.report;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * A cell's runs aggregated over seeds.
 *
 * @param cell the cell
 * @param runs number of runs
 * @param successes runs whose final network met the paper's success criterion
 * @param initUnitError spread of the initial unit error
 * @param initFrobError spread of the initial Frobenius error
 * @param finalUnitError spread of the final unit error
 * @param finalFrobError spread of the final Frobenius error
 * @param iterations spread of the optimizer iterations
 * @param seconds spread of the wall time per run
 * @param signsWrong runs whose initializer got the count of v_i = +1 wrong (Figure 1b's check)
 * @param reachedTarget runs whose relative objective reached the target
 * @param iterationsToTarget spread of the iterations to the target, over the runs that reached it
 * @param outcomes number of runs per outcome id, sorted by id
 */
public record CellSummary(Cell cell, int runs, int successes, Spread initUnitError,
    Spread initFrobError, Spread finalUnitError, Spread finalFrobError, Spread iterations,
    Spread seconds, int signsWrong, int reachedTarget, Spread iterationsToTarget,
    Map<String, Integer> outcomes) {

  /**
   * Summarizes a cell.
   *
   * @param cell the cell
   * @param target relative-objective target for {@link #iterationsToTarget}
   */
  public static CellSummary of(Cell cell, double target) {
    int successes = 0;
    int signsWrong = 0;
    Map<String, Integer> outcomes = new TreeMap<>();
    double[] toTarget = new double[cell.runs().size()];
    int reached = 0;
    for (int i = 0; i < toTarget.length; i++) {
      ReportedRun r = cell.runs().get(i);
      successes += r.succeeded() ? 1 : 0;
      signsWrong += r.init() != null && Boolean.FALSE.equals(r.init().signsCorrect()) ? 1 : 0;
      outcomes.merge(r.outcome(), 1, Integer::sum);
      int iterations = r.iterationsToRelativeObjective(target);
      toTarget[i] = iterations < 0 ? Double.NaN : iterations;
      reached += iterations < 0 ? 0 : 1;
    }
    return new CellSummary(cell, cell.runs().size(), successes,
        spread(cell, r -> r.init() == null ? Double.NaN : r.init().unitError()),
        spread(cell, r -> r.init() == null ? Double.NaN : r.init().frobError()),
        spread(cell, r -> r.fin() == null ? Double.NaN : r.fin().unitError()),
        spread(cell, r -> r.fin() == null ? Double.NaN : r.fin().frobError()),
        spread(cell, ReportedRun::iterations), spread(cell, ReportedRun::seconds), signsWrong, reached,
        Spread.of(toTarget), Map.copyOf(outcomes));
  }

  /** successes / runs. */
  public double successRate() {
    return runs == 0 ? Double.NaN : (double) successes / runs;
  }

  /** Outcome counts as {@code id=count} joined by spaces, sorted by id. */
  public String outcomesText() {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(outcomes).forEach((id, count) ->
        text.append(text.length() == 0 ? "" : " ").append(id).append('=').append(count));
    return text.toString();
  }

  private static Spread spread(Cell cell, ToDoubleFunction<ReportedRun> metric) {
    return Spread.of(cell.values(metric));
  }
}
