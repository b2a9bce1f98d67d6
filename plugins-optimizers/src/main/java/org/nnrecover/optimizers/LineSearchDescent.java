package org.nnrecover.optimizers;

import org.nnrecover.api.OptimizationProblem;

/**
 * One run of steepest descent with a line search, for {@link LineSearchProvider}.
 *
 * <p>The trial point for step alpha is {@code x(alpha) = P(x - alpha g)}, P the problem's
 * projection, and both conditions are stated on the step actually taken, {@code s = x(alpha) - x}:
 * sufficient decrease {@code f(x(alpha)) <= f(x) + c1 g . s} and strong curvature
 * {@code |grad f(x(alpha)) . s| <= c2 |g . s|}. Without a projection (or where it is locally
 * affine, as the sign projection of v is away from a sign flip) these are exactly the Armijo and
 * strong Wolfe conditions along -g. Every trial evaluates value and gradient together, so an
 * accepted trial needs no further evaluation.
 */
final class LineSearchDescent {

  /** Validated line-search parameters (see {@link LineSearchProvider#parameters()}). */
  record Settings(double initialStep, double growth, double shrink, double armijo, boolean wolfe,
      double curvature, int maxTrials) {}

  /** An evaluated trial step; {@code point == null} for alpha = 0 (the current iterate). */
  private record Trial(double alpha, double[] point, double value, double[] gradient,
      double slope, double initialSlope) {}

  private final OptimizationProblem problem;
  private final Settings settings;
  private double[] x;
  private double value;
  private double[] gradient;
  private int trials;

  LineSearchDescent(OptimizationProblem problem, Settings settings) {
    this.problem = problem;
    this.settings = settings;
  }

  void run() {
    x = problem.start();
    gradient = new double[x.length];
    value = problem.evaluate(x, gradient);
    double alpha = settings.initialStep();
    boolean going = true;
    while (going) {
      if (Vectors.norm(gradient) == 0) {
        stop("the gradient is exactly zero: no descent direction");
        return;
      }
      trials = 0;
      Trial accepted = settings.wolfe() ? strongWolfe(alpha) : backtrack(alpha);
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
      alpha = trials == 1 ? accepted.alpha() * settings.growth() : accepted.alpha();
      going = problem.report(x, value, Vectors.norm(gradient), accepted.alpha());
      if (going && problem.resamples()) {
        value = problem.evaluate(x, gradient); // the search compares values on the new batch
      }
    }
  }

  private void stop(String why) {
    problem.diagnostics().put("stopped", why);
  }

  /** Backtracking: shrink the trial step until the sufficient-decrease condition holds. */
  private Trial backtrack(double alpha) {
    double trialStep = alpha;
    while (trials < settings.maxTrials()) {
      Trial trial = evaluateAt(trialStep);
      if (sufficientDecrease(trial)) {
        return trial;
      }
      trialStep *= settings.shrink();
    }
    return null;
  }

  /** Nocedal-Wright Algorithm 3.5: expand until a step or a bracket is found, then zoom. */
  private Trial strongWolfe(double alpha) {
    double expansion = settings.growth() > 1 ? settings.growth() : 2;
    Trial previous = null;
    double trialStep = alpha;
    while (trials < settings.maxTrials()) {
      Trial trial = evaluateAt(trialStep);
      Trial low = previous == null ? origin(trial) : previous;
      if (!sufficientDecrease(trial) || (previous != null && trial.value() >= previous.value())) {
        return zoom(low, trial);
      }
      if (curvatureHolds(trial)) {
        return trial;
      }
      if (trial.slope() >= 0) {
        return zoom(trial, low);
      }
      previous = trial;
      trialStep *= expansion;
    }
    return null;
  }

  /**
   * Nocedal-Wright Algorithm 3.6: {@code low} satisfies sufficient decrease with the lowest value
   * seen and its slope points towards {@code high}; shrink the interval until a trial satisfies
   * both conditions.
   */
  private Trial zoom(Trial low, Trial high) {
    while (trials < settings.maxTrials()) {
      Trial trial = evaluateAt(interpolate(low, high));
      if (!sufficientDecrease(trial) || trial.value() >= low.value()) {
        high = trial;
      } else {
        if (curvatureHolds(trial)) {
          return trial;
        }
        if (trial.slope() * (high.alpha() - low.alpha()) >= 0) {
          high = low;
        }
        low = trial;
      }
    }
    return null;
  }

  /**
   * The minimizer of the quadratic through phi(low), phi'(low) and phi(high), kept at least a
   * tenth of the interval away from either end; bisection when the quadratic has no interior
   * minimum.
   */
  private static double interpolate(Trial low, Trial high) {
    double width = high.alpha() - low.alpha();
    double slopeTimesWidth = low.slope() * width;
    double curvature = high.value() - low.value() - slopeTimesWidth;
    double fraction = curvature > 0 ? -slopeTimesWidth / (2 * curvature) : 0.5;
    return low.alpha() + Math.min(0.9, Math.max(0.1, fraction)) * width;
  }

  /** The current iterate as the alpha = 0 end of a bracket, with the slope seen by {@code first}. */
  private Trial origin(Trial first) {
    return new Trial(0, null, value, gradient, first.initialSlope(), first.initialSlope());
  }

  private Trial evaluateAt(double alpha) {
    trials++;
    double[] point = new double[x.length];
    Vectors.step(x, -alpha, gradient, point);
    problem.project(point);
    double[] trialGradient = new double[x.length];
    double trialValue = problem.evaluate(point, trialGradient);
    double slope = 0;
    double initialSlope = 0;
    for (int i = 0; i < x.length; i++) {
      double s = point[i] - x[i];
      slope += trialGradient[i] * s;
      initialSlope += gradient[i] * s;
    }
    return new Trial(alpha, point, trialValue, trialGradient, slope / alpha, initialSlope / alpha);
  }

  /** f(x+) <= f(x) + c1 g . s with g . s < 0; false for a non-finite value. */
  private boolean sufficientDecrease(Trial trial) {
    double predicted = trial.alpha() * trial.initialSlope();
    return predicted < 0 && trial.value() <= value + settings.armijo() * predicted;
  }

  /** |grad f(x+) . s| <= c2 |g . s|. */
  private boolean curvatureHolds(Trial trial) {
    return Math.abs(trial.slope()) <= settings.curvature() * Math.abs(trial.initialSlope());
  }
}
