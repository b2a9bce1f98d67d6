package org.nnrecover.core.optim;

import java.util.List;
import java.util.Map;

/**
 * What an optimization ended with. Never thrown: divergence, exhausted budgets and plugin failures
 * are results, and a failed or stopped run keeps everything done before its end.
 *
 * @param point the last reported iterate that did not diverge or fail (the start point when none
 *     was)
 * @param objective its objective value (the diverged value when the run diverged)
 * @param iterations iterations completed
 * @param evaluations objective evaluations used (every pass over the samples counts one)
 * @param stopReason the rule that fired
 * @param lastFiniteObjective the last finite objective seen (equals {@code objective} unless the
 *     run diverged)
 * @param trace per-iteration rows, starting with iteration 0
 * @param diagnostics what the optimizer recorded
 * @param seconds wall time
 * @param startObjective the objective at the start point
 * @param bestPoint the reported iterate (or the start) with the smallest objective
 * @param bestObjective its objective value
 * @param failure what failed when {@code stopReason} is {@link StopReason#FAILED}, else null
 */
public record OptimizationResult(double[] point, double objective, int iterations,
    long evaluations, StopReason stopReason, double lastFiniteObjective, List<TraceRow> trace,
    Map<String, Object> diagnostics, double seconds, double startObjective, double[] bestPoint,
    double bestObjective, Failure failure) {

  /**
   * A plugin that returned non-finite numbers or threw.
   *
   * @param plugin the plugin's name
   * @param message what it did, for the run record
   */
  public record Failure(String plugin, String message) {}
}
