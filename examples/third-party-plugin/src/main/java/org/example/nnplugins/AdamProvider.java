package org.example.nnplugins;

import java.util.List;
import org.nnrecover.api.OptimizationProblem;
import org.nnrecover.api.Optimizer;
import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.api.numerics.Vectors;

/**
 * {@code adam}: Adam with bias correction (Kingma and Ba, "Adam: A Method for Stochastic
 * Optimization", ICLR 2015). Stopping is left to nnrecover's stop rules.
 */
public final class AdamProvider implements OptimizerProvider {

  @Override
  public String name() {
    return "adam";
  }

  @Override
  public String summary() {
    return "Adam (Kingma and Ba 2015) with bias correction";
  }

  @Override
  public List<ParamSpec> parameters() {
    return List.of(
        ParamSpec.ofDouble("rate", 0.01, 1e-12, 10, "learning rate alpha"),
        ParamSpec.ofDouble("beta1", 0.9, 0, 0.999999, "decay of the first-moment average"),
        ParamSpec.ofDouble("beta2", 0.999, 0, 0.999999, "decay of the second-moment average"),
        ParamSpec.ofDouble("epsilon", 1e-8, 1e-300, 1, "added to the root of the second moment"));
  }

  @Override
  public Optimizer create(Params params) {
    double rate = params.getDouble("rate");
    double beta1 = params.getDouble("beta1");
    double beta2 = params.getDouble("beta2");
    double epsilon = params.getDouble("epsilon");
    return problem -> minimize(problem, rate, beta1, beta2, epsilon);
  }

  private static void minimize(OptimizationProblem problem, double rate, double beta1,
      double beta2, double epsilon) {
    double[] x = problem.start();
    double[] gradient = new double[x.length];
    double[] m = new double[x.length];
    double[] v = new double[x.length];
    problem.evaluate(x, gradient);
    double power1 = 1;
    double power2 = 1;
    boolean going = true;
    while (going) {
      power1 *= beta1;
      power2 *= beta2;
      double stepSize = rate * Math.sqrt(1 - power2) / (1 - power1);
      double moved = 0;
      for (int i = 0; i < x.length; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * gradient[i];
        v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i];
        double delta = stepSize * m[i] / (Math.sqrt(v[i]) + epsilon);
        x[i] -= delta;
        moved += delta * delta;
      }
      problem.project(x);
      double value = problem.evaluate(x, gradient);
      going = problem.report(x, value, Vectors.norm(gradient), Math.sqrt(moved));
    }
  }
}
