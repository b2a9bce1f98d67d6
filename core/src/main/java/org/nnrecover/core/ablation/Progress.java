package org.nnrecover.core.ablation;

import java.util.OptionalDouble;

/**
 * Where an ablation stands.
 *
 * @param done runs finished in this session
 * @param total runs to do in this session (already recorded runs not counted)
 * @param failures finished runs whose outcome is failed or refused (a divergence is an outcome, not a failure)
 * @param elapsedSeconds wall time since the ablation started
 * @param etaSeconds estimated seconds left: the elapsed time scaled by the estimated cost still to
 *     run over the cost done (empty until a run has finished)
 */
public record Progress(int done, int total, int failures, double elapsedSeconds,
    OptionalDouble etaSeconds) {}
