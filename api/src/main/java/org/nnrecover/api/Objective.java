package org.nnrecover.api;

/**
 * A differentiable function of a flat parameter vector, as the core hands it to optimizers.
 *
 * @since 1.0
 */
public interface Objective {

  /** Length of the parameter vector. */
  int dimension();

  /**
   * Evaluates the function and its gradient together.
   *
   * @param point parameters, length {@link #dimension()}; not modified
   * @param gradient output, length {@link #dimension()}, overwritten
   * @return the function value
   */
  double evaluate(double[] point, double[] gradient);
}
