package org.nnrecover.api;

/**
 * What an optimizer sees of a run: an objective with counted evaluations, a start point, a
 * projection, and the core-owned stopping decision.
 *
 * <p>Protocol: the optimizer iterates; after each iteration it calls {@link #report} with the new
 * iterate and stops as soon as that returns {@code false}. The core decides when to stop (iteration
 * and evaluation budgets, gradient, change and objective tolerances, divergence) so that every
 * optimizer is judged by the same rules; the last reported point that did not diverge is the
 * result. When the evaluation budget runs out inside an iteration, {@link #evaluate} ends the run
 * by itself (the optimizer needs no handling for it).
 *
 * <p>With resampling, each iteration sees a fresh batch of samples: the batch changes when
 * {@code report} is called.
 *
 * @since 1.0
 */
public interface OptimizationProblem extends Objective {

  /** A copy of the starting point. */
  double[] start();

  /**
   * Projects a point onto the feasible set in place (for example output weights back to signs);
   * the identity for an unconstrained problem. Call it after every step.
   */
  void project(double[] point);

  /**
   * Reports the end of one iteration.
   *
   * @param point the new iterate (copied by the core)
   * @param value the objective at {@code point}
   * @param gradientNorm the Euclidean norm of the gradient the step used
   * @param step the step length actually taken (for example eta, or the line-search step)
   * @return {@code true} to continue, {@code false} to stop now
   */
  boolean report(double[] point, double value, double gradientNorm, double step);

  /**
   * Whether the objective changes from one iteration to the next (resampling). When it does, a
   * value or gradient computed before {@link #report} belongs to the previous batch, so an
   * optimizer that compares values within an iteration (a line search, a function-value restart)
   * must re-evaluate its current point first. False unless the core says otherwise.
   */
  default boolean resamples() {
    return false;
  }

  /** Where to record optimizer-specific diagnostics (restarts, rejected steps...). */
  Diagnostics diagnostics();
}
