package org.nnrecover.optimizers;

import org.nnrecover.api.OptimizationProblem;
import org.nnrecover.api.numerics.Vectors;

/**
 * One run of steepest descent with a line search along -gradient ({@link LineSearch}), for
 * {@link LineSearchProvider}.
 */
final class LineSearchDescent {

  /** Validated line-search parameters (see {@link LineSearchProvider#parameters()}). */
  record Settings(double initialStep, double growth, double shrink, double armijo, boolean wolfe,
      double curvature, int maxTrials) {}

  private final OptimizationProblem problem;
  private final Settings settings;

  LineSearchDescent(OptimizationProblem problem, Settings settings) {
    this.problem = problem;
    this.settings = settings;
  }

  void run() {
    double expansion = settings.growth() > 1 ? settings.growth() : 2;
    LineSearch search = new LineSearch(problem, settings.armijo(), settings.curvature(), expansion,
        settings.maxTrials());
    double[] x = problem.start();
    double[] gradient = new double[x.length];
    double[] direction = new double[x.length];
    double value = problem.evaluate(x, gradient);
    double alpha = settings.initialStep();
    boolean going = true;
    while (going) {
      if (Vectors.norm(gradient) == 0) {
        stop("the gradient is exactly zero: no descent direction");
        return;
      }
      for (int i = 0; i < x.length; i++) {
        direction[i] = -gradient[i];
      }
      LineSearch.Trial accepted = settings.wolfe()
          ? search.strongWolfe(x, value, gradient, direction, alpha)
          : search.backtrack(x, value, gradient, direction, alpha, settings.shrink());
      if (accepted == null) {
        stop("no step satisfying the " + (settings.wolfe() ? "strong Wolfe" : "Armijo")
            + " conditions within " + settings.maxTrials() + " trials from step " + alpha);
        return;
      }
      x = accepted.point();
      value = accepted.value();
      gradient = accepted.gradient();
      // Grow only after a search that took its first trial: a step that had to be cut back is
      // about as large as the local curvature allows, and trying more than it wastes evaluations.
      alpha = search.trials() == 1 ? accepted.alpha() * settings.growth() : accepted.alpha();
      going = problem.report(x, value, Vectors.norm(gradient), accepted.alpha());
      if (going && problem.resamples()) {
        value = problem.evaluate(x, gradient); // the search compares values on the new batch
      }
    }
  }

  private void stop(String why) {
    problem.diagnostics().put("stopped", why);
  }
}
