package org.nnrecover.core.report;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.nnrecover.core.run.Metrics;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.store.StoredRun;

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
   * A run's initial unit error (NaN when initialization did not finish or the truth is unknown).
   */
  public static final ToDoubleFunction<StoredRun> INIT_UNIT_ERROR =
      r -> orNaN(r.record().init(), Metrics::unitError);
  /** A run's initial Frobenius error (NaN when unknown). */
  public static final ToDoubleFunction<StoredRun> INIT_FROB_ERROR =
      r -> orNaN(r.record().init(), Metrics::frobError);
  /** A run's final unit error (NaN when the optimizer did not run or the truth is unknown). */
  public static final ToDoubleFunction<StoredRun> FINAL_UNIT_ERROR =
      r -> orNaN(r.record().finalMetrics(), Metrics::unitError);
  /** A run's final Frobenius error (NaN when unknown). */
  public static final ToDoubleFunction<StoredRun> FINAL_FROB_ERROR =
      r -> orNaN(r.record().finalMetrics(), Metrics::frobError);

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
      RunRecord r = cell.runs().get(i).record();
      successes += r.succeeded() ? 1 : 0;
      signsWrong += r.init() != null && Boolean.FALSE.equals(r.init().signsCorrect()) ? 1 : 0;
      outcomes.merge(r.outcome().id(), 1, Integer::sum);
      int iterations = r.iterationsToRelativeObjective(target);
      toTarget[i] = iterations < 0 ? Double.NaN : iterations;
      reached += iterations < 0 ? 0 : 1;
    }
    return new CellSummary(cell, cell.runs().size(), successes,
        Spread.of(cell.values(INIT_UNIT_ERROR)), Spread.of(cell.values(INIT_FROB_ERROR)),
        Spread.of(cell.values(FINAL_UNIT_ERROR)), Spread.of(cell.values(FINAL_FROB_ERROR)),
        Spread.of(cell.values(r -> r.record().iterations())),
        Spread.of(cell.values(r -> r.record().seconds())), signsWrong, reached,
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

  private static double orNaN(Metrics metrics, Function<Metrics, Double> field) {
    Double value = metrics == null ? null : field.apply(metrics);
    return value == null ? Double.NaN : value;
  }
}
