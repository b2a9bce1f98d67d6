package org.nnrecover.core.optim;

/**
 * One iteration of an optimization as the trace records it.
 *
 * @param iteration 0 for the start point, then 1, 2, ...
 * @param objective objective at the iterate (on the current batch when resampling)
 * @param gradientNorm norm of the gradient the step used
 * @param step step length taken
 * @param evaluations objective evaluations used so far
 * @param unitError unit error against the ground truth (NaN when unknown)
 * @param frobError Frobenius error against the ground truth (NaN when unknown)
 * @param seconds elapsed wall time since the optimization started
 */
public record TraceRow(int iteration, double objective, double gradientNorm, double step,
    long evaluations, double unitError, double frobError, double seconds) {}
