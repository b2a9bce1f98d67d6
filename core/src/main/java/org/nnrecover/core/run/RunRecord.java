package org.nnrecover.core.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.nnrecover.core.optim.TraceRow;

/**
 * Everything about one finished run. Its JSON form (field names as below, {@code final} for the
 * final metrics) is the run-record format that {@code run --format json} prints and that result
 * stores hold, one per line; fields may be added, none renamed.
 *
 * @param spec the spec as given
 * @param resolved every parameter of every plugin used, defaults included, keyed by plugin name
 * @param provenance versions and environment
 * @param outcome how the run ended (its {@link Outcome#id()} in JSON)
 * @param stopReason the stop rule that fired ({@code StopReason.id()}), null when no optimization ran
 * @param message what went wrong, for refused and failed runs
 * @param failedPlugin the plugin that refused or failed, when one did
 * @param init metrics of the initial network (null when initialization did not finish)
 * @param finalMetrics metrics of the final network (null when the optimizer did not run)
 * @param iterations optimizer iterations
 * @param evaluations objective evaluations by the optimizer
 * @param seconds wall time of the whole run
 * @param initializer what the initializer recorded
 * @param optimizer what the optimizer recorded
 * @param trace per-iteration rows (every {@code run.trace-every}-th, plus the first and last);
 *     empty when no optimizer ran
 * @param best metrics of the iterate with the smallest training objective the optimizer reported
 *     (the start counts; equal to {@code final} when the last iterate is the best; with resampling
 *     each reported value is on its own batch); null when the optimizer did not run
 * @param worsened whether the final training objective is above the initial one: the optimizer
 *     made its start worse ({@code best} then holds a point at least as good as the start); null
 *     when the optimizer did not run
 * @param d the input dimension the run used (from the data file for runs on {@code --data}, where
 *     the spec's d is 0 or a check)
 * @param n the number of samples the run used (the data file's rows for runs on {@code --data})
 */
public record RunRecord(RunSpec spec, Map<String, Map<String, Object>> resolved,
    Provenance provenance, Outcome outcome, String stopReason, String message,
    String failedPlugin, Metrics init, @JsonProperty("final") Metrics finalMetrics, int iterations,
    long evaluations, double seconds, Map<String, Object> initializer,
    Map<String, Object> optimizer, List<TraceRow> trace, Metrics best, Boolean worsened, int d,
    int n) {

  /** A record read without a trace (one that never optimized, written by hand) has an empty one. */
  public RunRecord {
    trace = trace == null ? List.of() : trace;
  }

  /**
   * A record whose d and n are the spec's (runs on generated data, or that never read data) and
   * that has no best iterate (no optimizer ran).
   */
  public RunRecord(RunSpec spec, Map<String, Map<String, Object>> resolved,
      Provenance provenance, Outcome outcome, String stopReason, String message,
      String failedPlugin, Metrics init, Metrics finalMetrics, int iterations, long evaluations,
      double seconds, Map<String, Object> initializer, Map<String, Object> optimizer,
      List<TraceRow> trace) {
    this(spec, resolved, provenance, outcome, stopReason, message, failedPlugin, init,
        finalMetrics, iterations, evaluations, seconds, initializer, optimizer, trace, null, null,
        spec.d(), spec.n());
  }

  /** Whether the final network met the paper's success criterion. */
  public boolean succeeded() {
    return finalMetrics != null && Boolean.TRUE.equals(finalMetrics.success());
  }

  /**
   * The loss of the zero network, mean(y^2)/2, recovered from the initial metrics (objective over
   * relative objective); NaN when it cannot be.
   */
  public double zeroLoss() {
    if (init == null || !(init.relativeObjective() > 0)) {
      return Double.NaN;
    }
    return init.objective() / init.relativeObjective();
  }

  /**
   * The first stored iteration at which the relative objective is at or below {@code target}, or
   * -1 when no stored row reaches it. With a down-sampled trace this is the first stored row, so
   * it is exact only up to the trace interval (the last row, always stored, is exact).
   */
  public int iterationsToRelativeObjective(double target) {
    double zero = zeroLoss();
    if (!Double.isFinite(zero)) {
      return -1;
    }
    for (TraceRow row : trace) {
      if (row.objective() / zero <= target) {
        return row.iteration();
      }
    }
    return -1;
  }
}
