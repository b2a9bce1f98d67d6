package org.nnrecover.optimizers;

import java.util.List;
import org.nnrecover.api.Optimizer;
import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;

/**
 * {@code line-search}: steepest descent whose step is chosen each iteration by a backtracking
 * (Armijo) line search or, on request, a strong-Wolfe line search (bracketing and zoom, Nocedal and
 * Wright, "Numerical Optimization", 2nd ed., Algorithms 3.5 and 3.6). There is no step size to
 * tune: each search starts from the previous accepted step times {@code growth}.
 */
public final class LineSearchProvider implements OptimizerProvider {

  @Override
  public String name() {
    return "line-search";
  }

  @Override
  public String summary() {
    return "steepest descent with a backtracking Armijo or strong-Wolfe line search";
  }

  @Override
  public List<ParamSpec> parameters() {
    return List.of(
        ParamSpec.ofDouble("initial-step", 1, Double.MIN_NORMAL, 1e12,
            "first trial step of the first iteration"),
        ParamSpec.ofDouble("growth", 2, 1, 100,
            "later searches start at this multiple of the previous accepted step; the "
                + "strong-Wolfe bracketing phase also expands by it (1 = no growth, then Wolfe "
                + "expands by 2)"),
        ParamSpec.ofDouble("shrink", 0.5, 0.01, 0.99,
            "backtracking multiplies a rejected step by this"),
        ParamSpec.ofDouble("armijo", 1e-4, 1e-10, 0.5,
            "sufficient-decrease constant c1: accept when f(x+) <= f(x) + c1 grad f(x) . (x+ - x)"),
        ParamSpec.ofBoolean("wolfe", false,
            "search for a step satisfying the strong Wolfe conditions instead of backtracking"),
        ParamSpec.ofDouble("curvature", 0.9, 1e-6, 0.999999,
            "strong-Wolfe curvature constant c2 (> armijo): accept when "
                + "|grad f(x+) . s| <= c2 |grad f(x) . s|, s = x+ - x"),
        ParamSpec.ofInt("max-trials", 60, 1, 10000,
            "evaluations one search may use; when none is acceptable the optimizer stops"));
  }

  /** Strong Wolfe needs 0 < armijo < curvature < 1; each bound alone is in the parameters. */
  @Override
  public void validate(Params params) {
    double armijo = params.getDouble("armijo");
    double curvature = params.getDouble("curvature");
    if (params.getBoolean("wolfe") && !(curvature > armijo)) {
      throw new IllegalArgumentException("line-search.curvature = " + curvature
          + " must exceed line-search.armijo = " + armijo + " for the strong Wolfe conditions");
    }
  }

  @Override
  public Optimizer create(Params params) {
    double armijo = params.getDouble("armijo");
    double curvature = params.getDouble("curvature");
    boolean wolfe = params.getBoolean("wolfe");
    validate(params);
    LineSearchDescent.Settings settings = new LineSearchDescent.Settings(
        params.getDouble("initial-step"), params.getDouble("growth"), params.getDouble("shrink"),
        armijo, wolfe, curvature, params.getInt("max-trials"));
    return problem -> new LineSearchDescent(problem, settings).run();
  }
}
