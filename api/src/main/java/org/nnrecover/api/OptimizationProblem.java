package org.nnrecover.api;

import java.util.SplittableRandom;

/**
 * What an optimizer sees of a run: an objective with counted evaluations, a start point, a
 * projection, and the core-owned stopping decision.
 *
 * <p>Protocol: the optimizer iterates; after each iteration it calls {@link #report} with the new
 * iterate and stops as soon as that returns {@code false}. The core decides when to stop (iteration
 * and evaluation budgets, gradient, change and objective tolerances, divergence) so that every
 * optimizer is judged by the same rules; the last reported point that did not diverge is the
 * result. When the evaluation budget runs out inside an iteration, {@link #evaluate} ends the run
 * by itself (the optimizer needs no handling for it): the stop reason is recorded before the
 * evaluation throws, so an optimizer that catches the exception cannot hide it; every later
 * {@code evaluate} throws again and {@link #report} returns {@code false}.
 *
 * <p>Since 1.1 the problem also tells the optimizer its {@link #layout() parameter layout}, the
 * {@link #iteration() iterations reported so far}, and gives it a {@link #random() seeded random
 * stream} of its own. Optional capabilities (a problem may lack them; ask before use) are the
 * Gauss-Newton product {@link #gaussNewtonProduct}: every call of it, like every evaluation, is one
 * pass over the samples and counts against the evaluation budget.
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

  /**
   * The layout of the parameter vector (hidden-unit blocks, then v when trained). The default
   * describes the vector as one block of length {@link #dimension()}.
   *
   * @since 1.1
   */
  default ParameterLayout layout() {
    return new ParameterLayout(dimension(), 1, false);
  }

  /**
   * Iterations reported so far (0 before the first {@link #report}).
   *
   * @throws UnsupportedOperationException when the problem does not count them (only problems
   *     written for API 1.0)
   * @since 1.1
   */
  default int iteration() {
    throw new UnsupportedOperationException("this problem does not count iterations");
  }

  /**
   * A random stream for this optimizer alone, seeded from the run's seed (the same run gives the
   * same stream; the samples and the initializer never draw from it). Always the same instance.
   *
   * @throws UnsupportedOperationException when the problem offers none (only problems written for
   *     API 1.0)
   * @since 1.1
   */
  default SplittableRandom random() {
    throw new UnsupportedOperationException("this problem offers no random stream");
  }

  /**
   * Whether {@link #gaussNewtonProduct} is available: the objective is a least-squares loss
   * {@code f(x) = 1/(2n) |r(x)|^2} whose residual Jacobian J the problem can apply. False by
   * default.
   *
   * @since 1.1
   */
  default boolean supportsGaussNewton() {
    return false;
  }

  /**
   * Optional capability: the Gauss-Newton matrix times a vector, {@code out = (1/n) J^T (J u)} with
   * J the Jacobian of the residuals at {@code point}, the matrix-free curvature of a least-squares
   * loss (its gradient is {@code (1/n) J^T r}). One pass over the samples, counted as one
   * evaluation against the budget (and ending the run like {@link #evaluate} when it is gone).
   *
   * @param point where J is taken, length {@link #dimension()}; not modified
   * @param direction u, length {@link #dimension()}; not modified
   * @param out overwritten with the product, length {@link #dimension()}
   * @throws UnsupportedOperationException unless {@link #supportsGaussNewton()}
   * @since 1.1
   */
  default void gaussNewtonProduct(double[] point, double[] direction, double[] out) {
    throw new UnsupportedOperationException(
        "this problem offers no Gauss-Newton product (supportsGaussNewton() is false)");
  }
}
