package org.nnrecover.optimizers;

import java.util.List;
import org.nnrecover.api.OptimizationProblem;
import org.nnrecover.api.Optimizer;
import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.api.numerics.Vectors;

/**
 * {@code gd}: gradient descent, the local phase of Zhong et al. (2017), Algorithm 1 line 11. The
 * step is {@code auto} by default (a fraction of 1/L, see {@link StepSize}); {@code step=0.02} is
 * the fixed step of the paper's experiments, which the reproductions pin.
 */
public final class GradientDescentProvider implements OptimizerProvider {

  @Override
  public String name() {
    return "gd";
  }

  @Override
  public String summary() {
    return "gradient descent (the paper's local phase), step auto (fraction of 1/L) or fixed";
  }

  @Override
  public List<ParamSpec> parameters() {
    return StepSize.parameters(1e-12); // its budget is the core's stop rule stop.max-iterations
  }

  @Override
  public Optimizer create(Params params) {
    StepSize.Config step = StepSize.Config.from(params);
    return problem -> descend(problem, step);
  }

  /**
   * x_{t+1} = P(x_t - eta grad f(x_t)) until the core says stop. A rise of the objective makes an
   * auto step re-estimate itself (not while resampling, when consecutive values come from
   * different batches).
   */
  private static void descend(OptimizationProblem problem, StepSize.Config config) {
    double[] x = problem.start();
    double[] gradient = new double[x.length];
    double value = problem.evaluate(x, gradient);
    StepSize eta = new StepSize(config, problem, x, value, gradient);
    boolean going = true;
    while (going) {
      double step = eta.step();
      for (int i = 0; i < x.length; i++) {
        x[i] -= step * gradient[i];
      }
      problem.project(x);
      double next = problem.evaluate(x, gradient);
      going = problem.report(x, next, Vectors.norm(gradient), step);
      if (going && !problem.resamples()) {
        eta.observe(value, next, x, gradient);
      }
      value = next;
    }
  }
}
