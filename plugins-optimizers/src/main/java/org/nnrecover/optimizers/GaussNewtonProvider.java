package org.nnrecover.optimizers;

import java.util.Arrays;
import java.util.List;
import org.nnrecover.api.OptimizationProblem;
import org.nnrecover.api.Optimizer;
import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.api.numerics.Vectors;

/**
 * {@code gauss-newton}: matrix-free Gauss-Newton with Levenberg-Marquardt damping for a
 * least-squares objective {@code f = 1/(2n) |r|^2}. Each outer iteration solves
 * {@code (G + lambda I) p = -g}, G = (1/n) J^T J, by conjugate gradients using only the problem's
 * optional {@link OptimizationProblem#gaussNewtonProduct} (one pass over the samples per CG
 * iteration; J is never formed), stopping at {@code cg-tolerance} |g| or {@code cg-max-iterations}.
 * The step is accepted when the objective falls by at least 1e-4 of the decrease the undamped
 * model {@code g.p + p.G p / 2} predicts (only accepted steps are reported, so the reported
 * objective never rises); lambda then shrinks by Nielsen's rule {@code max(1/3, 1 - (2 rho - 1)^3)},
 * and grows by 2, 4, 8, ... after each rejection (Madsen, Nielsen and Tingleff, "Methods for
 * non-linear least squares problems", 2004, section 3.2).
 */
public final class GaussNewtonProvider implements OptimizerProvider {
  /** Fraction of the predicted decrease a step must achieve to be accepted. */
  private static final double ACCEPT = 1e-4;

  @Override
  public String name() {
    return "gauss-newton";
  }

  @Override
  public String summary() {
    return "matrix-free Gauss-Newton / Levenberg-Marquardt, conjugate gradients inside";
  }

  @Override
  public List<ParamSpec> parameters() {
    return List.of(
        ParamSpec.ofDouble("damping", 1e-3, 0, 1e12,
            "initial damping lambda relative to the Gauss-Newton curvature along the gradient "
                + "(lambda = damping g.Gg / g.g); 0 = undamped until a step is rejected"),
        ParamSpec.ofDouble("cg-tolerance", 1e-4, 1e-16, 0.5,
            "conjugate gradients stop when the residual of the damped system is below this "
                + "times |g|"),
        ParamSpec.ofInt("cg-max-iterations", 50, 1, 1_000_000,
            "cap on conjugate-gradient iterations (sample passes) per outer iteration"),
        ParamSpec.ofInt("max-rejections", 30, 1, 10000,
            "consecutive rejected steps after which the optimizer stops"));
  }

  @Override
  public Optimizer create(Params params) {
    Settings settings = new Settings(params.getDouble("damping"),
        params.getDouble("cg-tolerance"), params.getInt("cg-max-iterations"),
        params.getInt("max-rejections"));
    return problem -> new Run(problem, settings).minimize();
  }

  private record Settings(double damping, double cgTolerance, int cgMaxIterations,
      int maxRejections) {}

  /** The state of one minimization. */
  private static final class Run {
    private final OptimizationProblem problem;
    private final Settings settings;
    private final double[] step;
    private final double[] residual;
    private final double[] conjugate;
    private final double[] product;
    private final double[] dampedStep;
    private long cgIterations;
    private double stepCurvature;

    Run(OptimizationProblem problem, Settings settings) {
      this.problem = problem;
      this.settings = settings;
      int n = problem.dimension();
      step = new double[n];
      residual = new double[n];
      conjugate = new double[n];
      product = new double[n];
      dampedStep = new double[n];
    }

    void minimize() {
      if (!problem.supportsGaussNewton()) {
        problem.diagnostics().put("stopped", "the problem offers no Gauss-Newton product "
            + "(for the network: not while resampling); use lbfgs or line-search");
        return;
      }
      double[] x = problem.start();
      double[] gradient = new double[x.length];
      double value = problem.evaluate(x, gradient);
      double lambda = 0;
      if (settings.damping() > 0 && Vectors.norm(gradient) > 0) {
        problem.gaussNewtonProduct(x, gradient, product);
        lambda = settings.damping() * Vectors.dot(gradient, product)
            / Vectors.dot(gradient, gradient);
      }
      double growth = 2;
      int rejections = 0;
      int rejectedTotal = 0;
      double[] trial = new double[x.length];
      double[] trialGradient = new double[x.length];
      boolean going = true;
      while (going) {
        double gradientNorm = Vectors.norm(gradient);
        if (gradientNorm == 0) {
          problem.diagnostics().put("stopped", "the gradient is exactly zero");
          return;
        }
        solve(x, gradient, lambda);
        double predicted = -(Vectors.dot(gradient, step) + 0.5 * stepCurvature);
        Vectors.axpy(1, step, x, trial);
        problem.project(trial);
        double trialValue = problem.evaluate(trial, trialGradient);
        double ratio = (value - trialValue) / predicted;
        if (predicted > 0 && ratio > ACCEPT) {
          double[] swap = x;
          x = trial;
          trial = swap;
          swap = gradient;
          gradient = trialGradient;
          trialGradient = swap;
          value = trialValue;
          double t = 2 * ratio - 1;
          lambda *= Math.max(1.0 / 3, 1 - t * t * t);
          growth = 2;
          rejections = 0;
          record(lambda, rejectedTotal);
          going = problem.report(x, value, Vectors.norm(gradient), Vectors.norm(step));
        } else {
          rejections++;
          rejectedTotal++;
          record(lambda, rejectedTotal);
          if (rejections >= settings.maxRejections()) {
            problem.diagnostics().put("stopped", rejections + " consecutive steps rejected "
                + "(damping " + lambda + ")");
            return;
          }
          // from no damping, start at a thousandth of the curvature along the rejected step
          double floor = 1e-3 * Math.max(stepCurvature, 0) / Vectors.dot(step, step);
          lambda = Math.max(lambda * growth, floor > 0 && Double.isFinite(floor) ? floor : 1e-12);
          growth *= 2;
        }
      }
    }

    private void record(double lambda, int rejected) {
      problem.diagnostics().put("damping", lambda);
      problem.diagnostics().put("cg-iterations", cgIterations);
      problem.diagnostics().put("rejected-steps", rejected);
    }

    /**
     * Conjugate gradients on {@code (G + lambda I) step = -g} from step = 0; sets
     * {@link #stepCurvature} to step . G step (from the accumulated products, no extra pass).
     */
    private void solve(double[] x, double[] gradient, double lambda) {
      int n = x.length;
      Arrays.fill(step, 0);
      Arrays.fill(dampedStep, 0); // (G + lambda I) step, accumulated
      for (int i = 0; i < n; i++) {
        residual[i] = -gradient[i];
        conjugate[i] = residual[i];
      }
      double rr = Vectors.dot(residual, residual);
      double target = settings.cgTolerance() * Math.sqrt(rr);
      for (int it = 0; it < settings.cgMaxIterations() && Math.sqrt(rr) > target; it++) {
        problem.gaussNewtonProduct(x, conjugate, product);
        cgIterations++;
        Vectors.axpy(lambda, conjugate, product);
        double curvature = Vectors.dot(conjugate, product);
        if (!(curvature > 0)) {
          break; // G + lambda I is positive semi-definite: only a null direction gets here
        }
        double a = rr / curvature;
        Vectors.axpy(a, conjugate, step);
        Vectors.axpy(a, product, dampedStep);
        Vectors.axpy(-a, product, residual);
        double next = Vectors.dot(residual, residual);
        double beta = next / rr;
        rr = next;
        for (int i = 0; i < n; i++) {
          conjugate[i] = residual[i] + beta * conjugate[i];
        }
      }
      stepCurvature = Vectors.dot(step, dampedStep) - lambda * Vectors.dot(step, step);
    }
  }
}
