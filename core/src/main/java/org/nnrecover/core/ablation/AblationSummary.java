package org.nnrecover.core.ablation;

import java.util.Map;
import org.nnrecover.core.run.Outcome;

/**
 * What an ablation session did.
 *
 * @param runs runs executed in this session
 * @param skipped runs skipped because the store already held them
 * @param byOutcome runs executed, counted by outcome, in {@link Outcome} order (outcomes that no
 *     run had are absent)
 * @param failures executed runs that failed or were refused ({@link Outcome#isFailure()}: a
 *     divergence is an outcome, not a failure)
 * @param seconds wall time
 */
public record AblationSummary(int runs, int skipped, Map<Outcome, Integer> byOutcome, int failures,
    double seconds) {}
