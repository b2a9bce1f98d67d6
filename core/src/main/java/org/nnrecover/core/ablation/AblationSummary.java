package org.nnrecover.core.ablation;

import java.util.Map;

/**
 * What an ablation session did.
 *
 * @param runs runs executed in this session
 * @param skipped runs skipped because the store already held them
 * @param byOutcome runs executed, counted by outcome id, in {@code Outcome} order
 * @param failures executed runs that failed or were refused (a divergence is an outcome, not a failure)
 * @param seconds wall time
 */
public record AblationSummary(int runs, int skipped, Map<String, Integer> byOutcome, int failures,
    double seconds) {}
