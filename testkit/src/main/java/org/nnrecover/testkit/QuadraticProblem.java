package org.nnrecover.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.OptimizationProblem;
import org.nnrecover.api.Optimizer;

/**
 * A convex quadratic {@code f(x) = 1/2 sum_i a_i (x_i - c_i)^2} as an {@link OptimizationProblem},
 * with the core's protocol played by the book: counted evaluations, an iteration budget, an
 * evaluation budget that ends the run from inside {@link #evaluate}, a relative gradient
 * tolerance, and a record of every breach of the protocol by the optimizer (evaluating or
 * reporting after being told to stop, reporting a value that is not f at the reported point,
 * reporting non-finite numbers). It offers every optional capability of the problem (since API 1.1):
 * a random stream (seed 1), the iteration count, and the Gauss-Newton product, f being the
 * least-squares loss of the residuals {@code r_i = sqrt(a_i) (x_i - c_i)} with n = 1, so that
 * {@code G = diag(a)}; each product is counted as an evaluation.
 *
 * <p>Use {@link #run(Optimizer)} once per instance.
 */
public final class QuadraticProblem implements OptimizationProblem {
  /** Why a run ended. */
  public enum Ending {
    /** The iteration budget was reached. */
    MAX_ITERATIONS,
    /** The evaluation budget was used up. */
    MAX_EVALUATIONS,
    /** The gradient norm fell below the tolerance times its starting value. */
    GRADIENT_TOLERANCE,
    /** The optimizer returned before the problem said stop. */
    OPTIMIZER_RETURNED
  }

  private static final class BudgetExhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExhausted() {
      super("evaluation budget exhausted", null, false, false);
    }
  }

  private final double[] curvatures;
  private final double[] center;
  private final double[] start;
  private final int maxIterations;
  private final long maxEvaluations;
  private final double gradientTolerance;
  private final double startGradientNorm;
  private final Map<String, Object> diagnostics = new LinkedHashMap<>();
  private final List<String> violations = new ArrayList<>();
  private final List<Double> reportedValues = new ArrayList<>();
  private final SplittableRandom random = new SplittableRandom(1);
  private double[] lastPoint;
  private int iterations;
  private long evaluations;
  private long projections;
  private Ending ending;
  private boolean used;
  private boolean offersGaussNewton = true;

  /**
   * @param curvatures a_i > 0 (or 0 for a flat direction)
   * @param center the minimizer c
   * @param start the start point
   * @param maxIterations iteration budget
   * @param maxEvaluations evaluation budget (value or value+gradient)
   * @param gradientTolerance stop when |grad| <= this * |grad at start| (0 = off)
   */
  public QuadraticProblem(double[] curvatures, double[] center, double[] start, int maxIterations,
      long maxEvaluations, double gradientTolerance) {
    if (curvatures.length != center.length || center.length != start.length) {
      throw new IllegalArgumentException("curvatures, center and start must have equal lengths");
    }
    this.curvatures = curvatures.clone();
    this.center = center.clone();
    this.start = start.clone();
    this.maxIterations = maxIterations;
    this.maxEvaluations = maxEvaluations;
    this.gradientTolerance = gradientTolerance;
    this.startGradientNorm = gradientNorm(start);
    this.lastPoint = start.clone();
  }

  /**
   * The kit's standard problem in 8 dimensions: curvatures evenly spaced from 1 to 4 (condition
   * number 4), center (1, -2, 0.5, 3, -1, 2, -0.5, 1.5), start at the origin.
   */
  public static QuadraticProblem standard(int maxIterations, long maxEvaluations,
      double gradientTolerance) {
    double[] a = new double[8];
    for (int i = 0; i < 8; i++) {
      a[i] = 1 + 3 * i / 7.0;
    }
    return new QuadraticProblem(a, new double[] {1, -2, 0.5, 3, -1, 2, -0.5, 1.5}, new double[8],
        maxIterations, maxEvaluations, gradientTolerance);
  }

  /**
   * Withdraws the optional Gauss-Newton product, as a problem that cannot offer it would: calling
   * it anyway is recorded as a breach of the protocol.
   */
  public QuadraticProblem withoutGaussNewton() {
    offersGaussNewton = false;
    return this;
  }

  /** Runs the optimizer to its end; never throws for a budget, only for the optimizer's errors. */
  public QuadraticProblem run(Optimizer optimizer) {
    if (used) {
      throw new IllegalStateException("a QuadraticProblem runs once");
    }
    used = true;
    try {
      optimizer.minimize(this);
    } catch (BudgetExhausted e) {
      // the protocol: the core ends the run when the evaluation budget is gone
    }
    if (ending == null) {
      ending = Ending.OPTIMIZER_RETURNED;
    }
    return this;
  }

  /** f at {@code x}, not counted. */
  public double f(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double t = x[i] - center[i];
      s += curvatures[i] * t * t;
    }
    return 0.5 * s;
  }

  /** |grad f(x)|, not counted. */
  public double gradientNorm(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double g = curvatures[i] * (x[i] - center[i]);
      s += g * g;
    }
    return Math.sqrt(s);
  }

  @Override
  public int dimension() {
    return center.length;
  }

  @Override
  public double evaluate(double[] point, double[] gradient) {
    count();
    for (int i = 0; i < point.length; i++) {
      gradient[i] = curvatures[i] * (point[i] - center[i]);
    }
    return f(point);
  }

  @Override
  public double value(double[] point) {
    count();
    return f(point);
  }

  private void count() {
    if (ending != null) {
      violations.add("evaluated after the problem said stop (" + ending + ")");
      throw new BudgetExhausted();
    }
    if (evaluations >= maxEvaluations) {
      ending = Ending.MAX_EVALUATIONS;
      throw new BudgetExhausted();
    }
    evaluations++;
  }

  @Override
  public double[] start() {
    return start.clone();
  }

  @Override
  public void project(double[] point) {
    projections++;
  }

  @Override
  public boolean report(double[] point, double value, double gradientNorm, double step) {
    if (ending != null) {
      violations.add("reported after the problem said stop (" + ending + ")");
      return false;
    }
    iterations++;
    double actual = f(point);
    if (!Double.isFinite(value) || !Double.isFinite(gradientNorm) || !Double.isFinite(step)) {
      violations.add("iteration " + iterations + ": reported non-finite value, gradient norm or "
          + "step (" + value + ", " + gradientNorm + ", " + step + ")");
    } else if (Math.abs(value - actual) > 1e-9 * Math.max(1, Math.abs(actual))) {
      violations.add("iteration " + iterations + ": reported value " + value + " but f at the "
          + "reported point is " + actual);
    }
    reportedValues.add(value);
    lastPoint = point.clone();
    if (gradientTolerance > 0 && gradientNorm(point) <= gradientTolerance * startGradientNorm) {
      ending = Ending.GRADIENT_TOLERANCE;
    } else if (iterations >= maxIterations) {
      ending = Ending.MAX_ITERATIONS;
    }
    return ending == null;
  }

  @Override
  public Diagnostics diagnostics() {
    return diagnostics::put;
  }

  @Override
  public int iteration() {
    return iterations;
  }

  @Override
  public SplittableRandom random() {
    return random;
  }

  @Override
  public boolean supportsGaussNewton() {
    return offersGaussNewton;
  }

  @Override
  public void gaussNewtonProduct(double[] point, double[] direction, double[] out) {
    if (!offersGaussNewton) {
      violations.add("called gaussNewtonProduct although supportsGaussNewton() is false");
      OptimizationProblem.super.gaussNewtonProduct(point, direction, out);
    }
    count();
    for (int i = 0; i < direction.length; i++) {
      out[i] = curvatures[i] * direction[i];
    }
  }

  /** Why the run ended (null before {@link #run}). */
  public Ending ending() {
    return ending;
  }

  /** Reported iterations. */
  public int iterations() {
    return iterations;
  }

  /** Counted evaluations. */
  public long evaluations() {
    return evaluations;
  }

  /** Calls of {@link #project}. */
  public long projections() {
    return projections;
  }

  /** The last reported point (the start when nothing was reported). */
  public double[] lastPoint() {
    return lastPoint.clone();
  }

  /** f at the start point. */
  public double startValue() {
    return f(start);
  }

  /** Every reported value, in order. */
  public List<Double> reportedValues() {
    return Collections.unmodifiableList(reportedValues);
  }

  /** Breaches of the protocol, one line each (empty for a well-behaved optimizer). */
  public List<String> violations() {
    return Collections.unmodifiableList(violations);
  }

  /** What the optimizer recorded. */
  public Map<String, Object> recorded() {
    return Collections.unmodifiableMap(diagnostics);
  }
}
