package org.nnrecover.optimizers;

import org.nnrecover.api.OptimizationProblem;
import org.nnrecover.api.numerics.Vectors;

/**
 * Line searches along a descent direction p from an iterate x, shared by {@code line-search}
 * (p = -gradient) and {@code lbfgs} (p = the quasi-Newton direction).
 *
 * <p>The trial point for step alpha is {@code x(alpha) = P(x + alpha p)}, P the problem's
 * projection, and both conditions are stated on the step actually taken, {@code s = x(alpha) - x}:
 * sufficient decrease {@code f(x(alpha)) <= f(x) + c1 g . s} and strong curvature
 * {@code |grad f(x(alpha)) . s| <= c2 |g . s|}. Without a projection (or where it is locally
 * affine, as the sign projection of v is away from a sign flip) these are exactly the Armijo and
 * strong Wolfe conditions along p. Every trial evaluates value and gradient together, so an
 * accepted trial needs no further evaluation.
 */
final class LineSearch {

  /** An evaluated trial step; {@code point == null} for alpha = 0 (the current iterate). */
  record Trial(double alpha, double[] point, double value, double[] gradient, double slope,
      double initialSlope) {}

  private final OptimizationProblem problem;
  private final double armijo;
  private final double curvature;
  private final double expansion;
  private final int maxTrials;
  private double[] x;
  private double value;
  private double[] gradient;
  private double[] direction;
  private int trials;

  /**
   * @param armijo sufficient-decrease constant c1
   * @param curvature strong-Wolfe curvature constant c2 (unused by backtracking)
   * @param expansion factor by which the strong-Wolfe bracketing phase grows the step (> 1)
   * @param maxTrials evaluations one search may use
   */
  LineSearch(OptimizationProblem problem, double armijo, double curvature, double expansion,
      int maxTrials) {
    this.problem = problem;
    this.armijo = armijo;
    this.curvature = curvature;
    this.expansion = expansion;
    this.maxTrials = maxTrials;
  }

  /** Evaluations (trials) the last search used. */
  int trials() {
    return trials;
  }

  private void begin(double[] x, double value, double[] gradient, double[] direction) {
    this.x = x;
    this.value = value;
    this.gradient = gradient;
    this.direction = direction;
    this.trials = 0;
  }

  /**
   * Backtracking: shrink the trial step from {@code alpha} by {@code shrink} until the
   * sufficient-decrease condition holds; null when no trial within the budget does.
   */
  Trial backtrack(double[] x, double value, double[] gradient, double[] direction, double alpha,
      double shrink) {
    begin(x, value, gradient, direction);
    double trialStep = alpha;
    while (trials < maxTrials) {
      Trial trial = evaluateAt(trialStep);
      if (sufficientDecrease(trial)) {
        return trial;
      }
      trialStep *= shrink;
    }
    return null;
  }

  /**
   * Nocedal-Wright Algorithm 3.5 from step {@code alpha}: expand until a step or a bracket is
   * found, then zoom; null when no trial within the budget satisfies the strong Wolfe conditions.
   */
  Trial strongWolfe(double[] x, double value, double[] gradient, double[] direction,
      double alpha) {
    begin(x, value, gradient, direction);
    Trial previous = null;
    double trialStep = alpha;
    while (trials < maxTrials) {
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
    while (trials < maxTrials) {
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
    Vectors.axpy(alpha, direction, x, point);
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
    return predicted < 0 && trial.value() <= value + armijo * predicted;
  }

  /** |grad f(x+) . s| <= c2 |g . s|. */
  private boolean curvatureHolds(Trial trial) {
    return Math.abs(trial.slope()) <= curvature * Math.abs(trial.initialSlope());
  }
}
