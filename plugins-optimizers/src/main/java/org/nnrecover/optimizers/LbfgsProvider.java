package org.nnrecover.optimizers;

import java.util.List;
import org.nnrecover.api.OptimizationProblem;
import org.nnrecover.api.Optimizer;
import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.api.numerics.Vectors;

/**
 * {@code lbfgs}: limited-memory BFGS (Nocedal and Wright, "Numerical Optimization", 2nd ed.,
 * Algorithms 7.4 and 7.5) with the strong-Wolfe line search of {@code line-search}
 * ({@link LineSearch}). The direction {@code p = -H g} comes from the two-loop recursion over the
 * last {@code memory} pairs {@code (s, y)} with the initial scaling {@code s.y / y.y}; a pair with
 * too little curvature ({@code s.y <= 1e-12 |s| |y|}, possible with a projection) is skipped, and
 * when p is no descent direction or its search fails the memory is dropped and the step is
 * steepest descent. One search trial is one evaluation.
 */
public final class LbfgsProvider implements OptimizerProvider {

  @Override
  public String name() {
    return "lbfgs";
  }

  @Override
  public String summary() {
    return "limited-memory BFGS with a strong-Wolfe line search";
  }

  @Override
  public List<ParamSpec> parameters() {
    return List.of(
        ParamSpec.ofInt("memory", 10, 1, 1000, "number of (s, y) pairs kept"),
        ParamSpec.ofDouble("armijo", 1e-4, 1e-10, 0.5,
            "sufficient-decrease constant c1 of the strong-Wolfe search"),
        ParamSpec.ofDouble("curvature", 0.9, 1e-6, 0.999999,
            "curvature constant c2 (> armijo) of the strong-Wolfe search"),
        ParamSpec.ofInt("max-trials", 30, 1, 10000,
            "evaluations one search may use; after a failed search from steepest descent the "
                + "optimizer stops"));
  }

  /** The strong-Wolfe search needs 0 < armijo < curvature < 1. */
  @Override
  public void validate(Params params) {
    double armijo = params.getDouble("armijo");
    double curvature = params.getDouble("curvature");
    if (!(curvature > armijo)) {
      throw new IllegalArgumentException("lbfgs.curvature = " + curvature
          + " must exceed lbfgs.armijo = " + armijo + " for the strong Wolfe conditions");
    }
  }

  @Override
  public Optimizer create(Params params) {
    double armijo = params.getDouble("armijo");
    double curvature = params.getDouble("curvature");
    validate(params);
    int memory = params.getInt("memory");
    int maxTrials = params.getInt("max-trials");
    return problem -> new Run(problem, memory, armijo, curvature, maxTrials).minimize();
  }

  /** The state of one minimization. */
  private static final class Run {
    private final OptimizationProblem problem;
    private final LineSearch search;
    private final int maxTrials;
    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private final double[] alphas;
    private int stored;
    private int newest = -1;

    Run(OptimizationProblem problem, int memory, double armijo, double curvature,
        int maxTrials) {
      this.problem = problem;
      this.search = new LineSearch(problem, armijo, curvature, 2, maxTrials);
      this.maxTrials = maxTrials;
      int n = problem.dimension();
      this.s = new double[memory][n];
      this.y = new double[memory][n];
      this.rho = new double[memory];
      this.alphas = new double[memory];
    }

    void minimize() {
      double[] x = problem.start();
      double[] gradient = new double[x.length];
      double[] direction = new double[x.length];
      double value = problem.evaluate(x, gradient);
      int resets = 0;
      boolean going = true;
      while (going) {
        double gradientNorm = Vectors.norm(gradient);
        if (gradientNorm == 0) {
          problem.diagnostics().put("stopped", "the gradient is exactly zero: no descent direction");
          return;
        }
        twoLoop(gradient, direction);
        if (!(Vectors.dot(direction, gradient) < 0)) {
          stored = 0; // the memory no longer describes a positive definite model
        }
        LineSearch.Trial accepted = null;
        while (accepted == null) {
          if (stored == 0) {
            for (int i = 0; i < x.length; i++) {
              direction[i] = -gradient[i];
            }
          }
          // a quasi-Newton step of 1 is the model's minimizer; steepest descent has no scale, so
          // its first trial moves by 1 in norm
          double alpha = stored == 0 ? 1 / gradientNorm : 1;
          accepted = search.strongWolfe(x, value, gradient, direction, alpha);
          if (accepted == null) {
            if (stored == 0) {
              problem.diagnostics().put("stopped", "no step satisfying the strong Wolfe "
                  + "conditions along -gradient within " + maxTrials + " trials");
              return;
            }
            stored = 0;
            resets++;
            problem.diagnostics().put("memory-resets", resets);
          }
        }
        remember(accepted.point(), x, accepted.gradient(), gradient);
        x = accepted.point();
        value = accepted.value();
        gradient = accepted.gradient();
        going = problem.report(x, value, Vectors.norm(gradient), accepted.alpha());
        if (going && problem.resamples()) {
          value = problem.evaluate(x, gradient); // the next search compares on the new batch
          stored = 0; // gradient differences across batches are not curvature
        }
      }
    }

    /**
     * Stores s = x+ - x, y = g+ - g when s . y is safely positive (checked before writing, so a
     * rejected pair never overwrites the oldest kept one).
     */
    private void remember(double[] nextX, double[] x, double[] nextGradient, double[] gradient) {
      double sy = 0;
      double ss = 0;
      double yy = 0;
      for (int i = 0; i < x.length; i++) {
        double si = nextX[i] - x[i];
        double yi = nextGradient[i] - gradient[i];
        sy += si * yi;
        ss += si * si;
        yy += yi * yi;
      }
      if (!(sy > 1e-12 * Math.sqrt(ss * yy))) {
        return;
      }
      int next = (newest + 1) % s.length;
      for (int i = 0; i < x.length; i++) {
        s[next][i] = nextX[i] - x[i];
        y[next][i] = nextGradient[i] - gradient[i];
      }
      rho[next] = 1 / sy;
      newest = next;
      stored = Math.min(stored + 1, s.length);
    }

    /** direction = -H g by the two-loop recursion over the stored pairs (-g when none). */
    private void twoLoop(double[] gradient, double[] direction) {
      for (int i = 0; i < gradient.length; i++) {
        direction[i] = -gradient[i];
      }
      int m = s.length;
      for (int j = 0; j < stored; j++) {
        int idx = Math.floorMod(newest - j, m);
        alphas[idx] = rho[idx] * Vectors.dot(s[idx], direction);
        Vectors.axpy(-alphas[idx], y[idx], direction);
      }
      if (stored > 0) {
        double gamma = 1 / (rho[newest] * Vectors.dot(y[newest], y[newest]));
        for (int i = 0; i < direction.length; i++) {
          direction[i] *= gamma;
        }
      }
      for (int j = stored - 1; j >= 0; j--) {
        int idx = Math.floorMod(newest - j, m);
        double beta = rho[idx] * Vectors.dot(y[idx], direction);
        Vectors.axpy(alphas[idx] - beta, s[idx], direction);
      }
    }
  }
}
