package org.nnrecover.optimizers;

import java.util.List;
import org.nnrecover.api.OptimizationProblem;
import org.nnrecover.api.Optimizer;
import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;

/**
 * {@code gd}: fixed-step gradient descent, the local phase of Zhong et al. (2017), Algorithm 1
 * line 11, with the step 0.02 of the paper's experiments.
 */
public final class GradientDescentProvider implements OptimizerProvider {

  @Override
  public String name() {
    return "gd";
  }

  @Override
  public String summary() {
    return "gradient descent with a fixed step (the paper's local phase)";
  }

  @Override
  public List<ParamSpec> parameters() {
    return List.of(
        ParamSpec.ofDouble("step", 0.02, 1e-12, 1e6, "step size eta"),
        ParamSpec.ofInt("max-iterations", 10000, 1, Integer.MAX_VALUE, "iteration budget"));
  }

  @Override
  public Optimizer create(Params params) {
    double step = params.getDouble("step");
    return problem -> descend(problem, step);
  }

  /** x_{t+1} = P(x_t - eta grad f(x_t)) until the core says stop. */
  private static void descend(OptimizationProblem problem, double step) {
    double[] x = problem.start();
    double[] gradient = new double[x.length];
    problem.evaluate(x, gradient);
    boolean going = true;
    while (going) {
      for (int i = 0; i < x.length; i++) {
        x[i] -= step * gradient[i];
      }
      problem.project(x);
      double value = problem.evaluate(x, gradient);
      going = problem.report(x, value, Vectors.norm(gradient), step);
    }
  }
}
