package org.nnrecover.core.optim;

import java.util.List;
import java.util.Map;

/**
 * What an optimization ended with. Never thrown: divergence and exhausted budgets are results.
 *
 * @param point the last reported iterate that did not diverge (the start point when none was)
 * @param objective its objective value
 * @param iterations iterations completed
 * @param evaluations objective evaluations used
 * @param stopReason the rule that fired
 * @param lastFiniteObjective the last finite objective seen (equals {@code objective} unless the
 *     run diverged)
 * @param trace per-iteration rows, starting with iteration 0
 * @param diagnostics what the optimizer recorded
 * @param seconds wall time
 */
public record OptimizationResult(double[] point, double objective, int iterations,
    long evaluations, StopReason stopReason, double lastFiniteObjective, List<TraceRow> trace,
    Map<String, Object> diagnostics, double seconds) {}
