package org.nnrecover.api;

/**
 * A local-phase optimizer. A fresh instance is made per run; it never sees samples, only the
 * {@link OptimizationProblem} the core gives it.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface Optimizer {

  /**
   * Iterates from {@link OptimizationProblem#start()} until {@link OptimizationProblem#report}
   * returns {@code false} (or the optimizer cannot make progress, in which case it returns early
   * and says why in the diagnostics under {@code "stopped"}).
   */
  void minimize(OptimizationProblem problem);
}
