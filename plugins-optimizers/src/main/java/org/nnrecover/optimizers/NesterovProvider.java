package org.nnrecover.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.nnrecover.api.OptimizationProblem;
import org.nnrecover.api.Optimizer;
import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.api.numerics.Vectors;

/**
 * {@code nesterov}: Nesterov's accelerated gradient with a step {@code auto} (a fraction of 1/L,
 * re-estimated when a plain gradient step from y raises the objective; see {@link StepSize}) or
 * fixed, the FISTA momentum schedule
 * (or a constant momentum), and optional adaptive restart (O'Donoghue and Candes, "Adaptive Restart
 * for Accelerated Gradient Schemes", 2015).
 *
 * <p>Each iteration takes a gradient step from the extrapolated point y and then extrapolates:
 * {@code x+ = P(y - eta grad f(y))}, {@code y+ = P(x+ + beta (x+ - x))}. It evaluates f and its
 * gradient at y and f alone at x+ (the reported iterate), so two evaluations per iteration, one of
 * them value-only. A restart drops the momentum (y+ = x+) and restarts the schedule.
 */
public final class NesterovProvider implements OptimizerProvider {
  private static final String NESTEROV = "nesterov";
  private static final String CONSTANT = "constant";
  private static final String NONE = "none";
  private static final String FUNCTION = "function";
  private static final String GRADIENT = "gradient";

  @Override
  public String name() {
    return "nesterov";
  }

  @Override
  public String summary() {
    return "Nesterov accelerated gradient, step auto (fraction of 1/L) or fixed, adaptive restart";
  }

  @Override
  public List<ParamSpec> parameters() {
    List<ParamSpec> parameters = new ArrayList<>(StepSize.parameters(Double.MIN_NORMAL));
    parameters.add(
        ParamSpec.ofChoice("momentum", NESTEROV, List.of(NESTEROV, CONSTANT),
            "momentum rule: nesterov = (t-1)/(t+2), t steps since the last restart; "
                + "constant = beta"));
    parameters.add(
        ParamSpec.ofDouble("beta", 0.9, 0, 0.9999,
            "momentum for momentum=constant (ignored otherwise); (sqrt(kappa)-1)/(sqrt(kappa)+1) "
                + "is optimal for a quadratic of condition number kappa"));
    parameters.add(
        ParamSpec.ofChoice("restart", FUNCTION, List.of(NONE, FUNCTION, GRADIENT),
            "drop the momentum when: none = never; function = the objective increased; "
                + "gradient = the step went against the gradient (O'Donoghue-Candes)"));
    return List.copyOf(parameters);
  }

  @Override
  public Optimizer create(Params params) {
    StepSize.Config step = StepSize.Config.from(params);
    double beta = params.getString("momentum").equals(CONSTANT) ? params.getDouble("beta") : -1;
    String restart = params.getString("restart");
    return problem -> accelerate(problem, step, beta, restart);
  }

  /**
   * Runs the accelerated iteration.
   *
   * @param beta the constant momentum, or negative for the (t-1)/(t+2) schedule
   */
  private static void accelerate(OptimizationProblem problem, StepSize.Config config,
      double beta, String restart) {
    double[] x = problem.start();
    double[] y = x.clone();
    double[] next = new double[x.length];
    double[] gradient = new double[x.length];
    double valueAtX = Double.NaN;
    int sinceRestart = 0;
    int restarts = 0;
    problem.diagnostics().put("restarts", 0);
    StepSize eta = null;
    boolean going = true;
    while (going) {
      double valueAtY = problem.evaluate(y, gradient);
      if (eta == null) {
        eta = new StepSize(config, problem, y, valueAtY, gradient);
      }
      double step = eta.step();
      if (sinceRestart == 0) {
        valueAtX = valueAtY; // y = x right after a (re)start
      } else if (restart.equals(FUNCTION) && problem.resamples()) {
        valueAtX = problem.value(x); // compare on the current batch, not the previous one
      }
      Vectors.axpy(-step, gradient, y, next);
      problem.project(next);
      double valueAtNext = problem.value(next);
      // a plain gradient step of length <= 1/L from y cannot raise f: if it did, L grew
      eta.observe(valueAtY, valueAtNext, y, gradient);
      boolean restartNow = switch (restart) {
        case FUNCTION -> valueAtNext > valueAtX;
        case GRADIENT -> movedUphill(gradient, next, x);
        default -> false;
      };
      if (restartNow) {
        restarts++;
        problem.diagnostics().put("restarts", restarts);
        sinceRestart = 0;
        System.arraycopy(next, 0, y, 0, y.length);
      } else {
        sinceRestart++;
        double momentum = beta >= 0 ? beta : (sinceRestart - 1.0) / (sinceRestart + 2.0);
        for (int i = 0; i < y.length; i++) {
          y[i] = next[i] + momentum * (next[i] - x[i]);
        }
        problem.project(y);
      }
      System.arraycopy(next, 0, x, 0, x.length);
      valueAtX = valueAtNext;
      going = problem.report(x, valueAtNext, Vectors.norm(gradient), step);
    }
  }

  /** The gradient restart test: grad f(y) . (x+ - x) > 0. */
  private static boolean movedUphill(double[] gradient, double[] next, double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += gradient[i] * (next[i] - x[i]);
    }
    return s > 0;
  }
}
