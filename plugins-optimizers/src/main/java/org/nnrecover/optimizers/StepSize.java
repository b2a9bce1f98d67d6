package org.nnrecover.optimizers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnrecover.api.OptimizationProblem;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.api.numerics.Vectors;

/**
 * The step of {@code gd} and {@code nesterov}: a fixed eta, or {@code auto}, a fraction of 1/L with
 * L the largest curvature (in absolute value) of the objective at the start, estimated by power
 * iteration on Hessian-vector products taken as differences of gradients, and re-estimated where
 * the objective rises. A fixed step that suits one activation, kappa or sample count diverges or
 * crawls on another; 1/L scales with the problem.
 */
final class StepSize {
  static final String AUTO = "auto";

  /**
   * Relative size of the finite-difference probe: the gradient's truncation error grows with it,
   * its rounding error (about eps |g| / h) shrinks; 1e-6 balances them for a smooth f in doubles.
   */
  private static final double PROBE = 1e-6;

  /**
   * A rise smaller than this fraction of the starting objective is rounding, not a too-large step
   * (near convergence consecutive values differ in their last bits either way).
   */
  private static final double RISE = 1e-12;

  /** Parsed step parameters. */
  record Config(double fixed, double fraction, int powerIterations) {
    boolean auto() {
      return Double.isNaN(fixed);
    }

    static Config from(Params params) {
      Object step = params.asMap().get("step");
      return new Config(step instanceof Double eta ? eta : Double.NaN,
          params.getDouble("step-fraction"), params.getInt("power-iterations"));
    }
  }

  /** The step parameters, with the smallest fixed step allowed. */
  static List<ParamSpec> parameters(double minStep) {
    return List.of(
        ParamSpec.ofDoubleOrWord("step", AUTO, minStep, 1e6, List.of(AUTO),
            "step size eta, or auto: step-fraction / L, L the largest curvature at the start "
                + "(power iteration on differences of gradients), re-estimated and never larger "
                + "than half the previous step when the objective rises"),
        ParamSpec.ofDouble("step-fraction", 0.9, 1e-3, 1.99,
            "step=auto takes this fraction of 1/L (below 2 for a stable quadratic)"),
        ParamSpec.ofInt("power-iterations", 10, 1, 1000,
            "step=auto: gradient evaluations per curvature estimate"));
  }

  private final Config config;
  private final OptimizationProblem problem;
  private final List<Map<String, Object>> estimates = new ArrayList<>();
  private final double riseTolerance;
  private double step;

  /**
   * Chooses the first step; for auto this estimates L at {@code x} (using {@code gradient}, the
   * gradient at x) and records it in the diagnostics under {@code step}, {@code curvature} and
   * {@code step-estimates}.
   */
  StepSize(Config config, OptimizationProblem problem, double[] x, double value,
      double[] gradient) {
    this.config = config;
    this.problem = problem;
    this.riseTolerance = RISE * Math.abs(value);
    if (config.auto()) {
      step = Double.POSITIVE_INFINITY;
      estimate(x, gradient);
    } else {
      step = config.fixed();
    }
  }

  /** The current step. */
  double step() {
    return step;
  }

  /**
   * Tells the rule that the objective went from {@code before} to {@code after} with the current
   * step; on a real rise an auto step is re-estimated at {@code x} (gradient {@code gradient}) and
   * at least halved.
   */
  void observe(double before, double after, double[] x, double[] gradient) {
    if (config.auto() && after > before + riseTolerance) {
      estimate(x, gradient);
    }
  }

  private void estimate(double[] x, double[] gradient) {
    double curvature = largestCurvature(problem, x, gradient, config.powerIterations());
    double proposed = curvature > 0 && Double.isFinite(curvature)
        ? config.fraction() / curvature
        : step / 2; // no usable curvature (flat or overflowing): only shrink
    step = estimates.isEmpty() ? proposed : Math.min(step / 2, proposed);
    if (!(step > 0 && Double.isFinite(step))) {
      step = config.fraction(); // a flat start: as if L = 1
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("iteration", problem.iteration());
    row.put("curvature", curvature);
    row.put("step", step);
    estimates.add(row);
    if (estimates.size() == 1) {
      problem.diagnostics().put("curvature", curvature);
    }
    problem.diagnostics().put("step", step);
    problem.diagnostics().put("step-estimates", List.copyOf(estimates));
  }

  /**
   * |lambda|max of the Hessian at x by power iteration: {@code H u ~ (grad f(x + h u) - grad f(x))
   * / h} for a unit u, starting from a Gaussian direction of the problem's random stream. Each
   * iteration is one evaluation. The projection is not applied: this is the curvature of f itself.
   */
  static double largestCurvature(OptimizationProblem problem, double[] x, double[] gradient,
      int iterations) {
    int n = x.length;
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = problem.random().nextGaussian();
    }
    double norm = Vectors.norm(u);
    double h = PROBE * Math.max(1, Vectors.norm(x));
    double[] probe = new double[n];
    double[] probeGradient = new double[n];
    double lambda = 0;
    for (int t = 0; t < iterations && norm > 0 && Double.isFinite(norm); t++) {
      Vectors.axpy(h / norm, u, x, probe);
      problem.evaluate(probe, probeGradient);
      for (int i = 0; i < n; i++) {
        u[i] = (probeGradient[i] - gradient[i]) / h;
      }
      norm = Vectors.norm(u);
      lambda = norm;
    }
    return lambda;
  }
}
