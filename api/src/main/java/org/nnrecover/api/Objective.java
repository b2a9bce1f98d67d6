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

  /**
   * The function value alone (for line searches). The default evaluates the gradient too;
   * implementations override it when the value is cheaper on its own.
   */
  default double value(double[] point) {
    return evaluate(point, new double[dimension()]);
  }
}
