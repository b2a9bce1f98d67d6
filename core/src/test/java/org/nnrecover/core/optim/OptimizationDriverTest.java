package org.nnrecover.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnrecover.api.Objective;
import org.nnrecover.api.Optimizer;

class OptimizationDriverTest {

  /** f(x) = 1/2 |x|^2 in R^2: gradient x, so a step eta multiplies x by (1 - eta). */
  private static final Objective BOWL = new Objective() {
    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public double evaluate(double[] x, double[] g) {
      g[0] = x[0];
      g[1] = x[1];
      return 0.5 * (x[0] * x[0] + x[1] * x[1]);
    }
  };

  private static Optimizer fixedStep(double eta) {
    return problem -> {
      double[] x = problem.start();
      double[] g = new double[2];
      problem.evaluate(x, g);
      boolean going = true;
      while (going) {
        x[0] -= eta * g[0];
        x[1] -= eta * g[1];
        problem.project(x);
        double f = problem.evaluate(x, g);
        going = problem.report(x, f, Math.hypot(g[0], g[1]), eta);
      }
    };
  }

  /**
   * With eta = 0.5 the objective falls by exactly 4 per iteration: f_t = f_0 / 4^t; the relative
   * objective rule 1e-6 fires at the first t with 4^-t < 1e-6, t = 10.
   */
  @Test
  void objectiveToleranceFiresAtTheClosedFormIteration() {
    OptimizationResult r = new OptimizationDriver(BOWL, new double[] {3, 4},
        new StopRules(1000, Integer.MAX_VALUE, 0, 0, 1e-6, 1e12)).run(fixedStep(0.5));
    assertEquals(StopReason.OBJECTIVE_TOLERANCE, r.stopReason());
    assertEquals(10, r.iterations());
    assertEquals(12.5 / Math.pow(4, 10), r.objective(), 1e-20);
    assertEquals(11, r.trace().size());
    assertEquals(11, r.evaluations());
  }

  /** |g_t| / |g_0| = 2^-t: the gradient rule at 1e-3 fires at t = 10 (2^-10 < 1e-3 <= 2^-9). */
  @Test
  void gradientToleranceIsRelativeToTheStart() {
    OptimizationResult r = new OptimizationDriver(BOWL, new double[] {3, 4},
        new StopRules(1000, Integer.MAX_VALUE, 1e-3, 0, 0, 1e12)).run(fixedStep(0.5));
    assertEquals(StopReason.GRADIENT_TOLERANCE, r.stopReason());
    assertEquals(10, r.iterations());
  }

  /** With eta = 3 each step multiplies x by -2: f grows 4x per step and passes 1e3 f_0 at t = 5. */
  @Test
  void divergenceIsAResultWithTheLastFiniteObjective() {
    OptimizationResult r = new OptimizationDriver(BOWL, new double[] {3, 4},
        new StopRules(1000, Integer.MAX_VALUE, 0, 0, 0, 1e3)).run(fixedStep(3));
    assertEquals(StopReason.DIVERGED, r.stopReason());
    assertEquals(5, r.iterations());
    assertEquals(12.5 * Math.pow(4, 4), r.lastFiniteObjective(), 1e-9);
    assertEquals(12.5 * Math.pow(4, 5), r.objective(), 1e-9);
  }

  @Test
  void iterationAndEvaluationBudgetsEndTheRun() {
    OptimizationResult byIterations = new OptimizationDriver(BOWL, new double[] {3, 4},
        StopRules.iterations(7)).run(fixedStep(0.1));
    assertEquals(StopReason.MAX_ITERATIONS, byIterations.stopReason());
    assertEquals(7, byIterations.iterations());
    assertEquals(12.5 * Math.pow(0.81, 7), byIterations.objective(), 1e-12);

    OptimizationResult byEvaluations = new OptimizationDriver(BOWL, new double[] {3, 4},
        new StopRules(1000, 5, 0, 0, 0, 1e12)).run(fixedStep(0.1));
    assertEquals(StopReason.MAX_EVALUATIONS, byEvaluations.stopReason());
    assertEquals(5, byEvaluations.evaluations());
    assertEquals(4, byEvaluations.iterations());
  }

  @Test
  void projectionAndTraceIntervalAreApplied() {
    OptimizationResult r = new OptimizationDriver(BOWL, new double[] {3, 4},
        StopRules.iterations(10))
        .withProjection(x -> x[1] = Math.max(x[1], 1))
        .withTraceEvery(4)
        .run(fixedStep(0.5));
    assertEquals(1, r.point()[1], 0, "x[1] is held at its bound by the projection");
    assertEquals(3 * Math.pow(0.5, 10), r.point()[0], 1e-15);
    // rows: start (0), 4, 8 and the last iteration (10)
    assertEquals(java.util.List.of(0, 4, 8, 10),
        r.trace().stream().map(TraceRow::iteration).toList());
  }

  @Test
  void anOptimizerThatReturnsEarlyIsRecordedAsStopped() {
    Optimizer quitter = problem -> problem.diagnostics().put("stopped", "gave up");
    OptimizationResult r = new OptimizationDriver(BOWL, new double[] {1, 1},
        StopRules.iterations(10)).run(quitter);
    assertEquals(StopReason.OPTIMIZER_STOPPED, r.stopReason());
    assertEquals("gave up", r.diagnostics().get("stopped"));
    assertTrue(r.iterations() == 0);
  }

  /** The default reference for the relative objective is the start value. */
  @Test
  void relativeObjectiveDefaultsToTheStartValue() {
    OptimizationResult r = new OptimizationDriver(BOWL, new double[] {3, 4},
        new StopRules(100, Integer.MAX_VALUE, 0, 0, 0.25, 1e12)).run(fixedStep(0.5));
    assertEquals(2, r.iterations(), "f_1 / f_0 = 1/4 is not below 0.25; f_2 / f_0 = 1/16 is");
  }
}
