package org.nnrecover.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.Objective;
import org.nnrecover.api.Optimizer;
import org.nnrecover.core.optim.OptimizationDriver;
import org.nnrecover.core.optim.OptimizationResult;
import org.nnrecover.core.optim.StopReason;
import org.nnrecover.core.optim.StopRules;
import org.nnrecover.core.optim.TraceRow;

/** Far too large steps on the squared-ReLU network problem (d = 10, k = 5, n = 10000). */
class DivergenceTest {
  private static NetworkFixture fixture;

  @BeforeAll
  static void makeProblem() {
    fixture = new NetworkFixture(7, 10, 5, 2, 10000);
  }

  @AfterAll
  static void release() {
    fixture.close();
  }

  private static OptimizationResult run(Optimizer optimizer, int iterations) {
    return new OptimizationDriver(fixture.objective(false, 1), fixture.perturbedWeights(0.1, 1),
        StopRules.iterations(iterations)).run(optimizer);
  }

  /**
   * Step 10 is ~500 times the stable one (gd is stable up to ~0.1 here); the squared-ReLU
   * gradient grows like |w|^3, so the objective passes 1e12 times its start within a few steps.
   */
  private static void assertDiverges(Optimizer optimizer) {
    OptimizationResult result = run(optimizer, 1000);
    assertEquals(StopReason.DIVERGED, result.stopReason());
    assertTrue(result.iterations() <= 10, "diverged only at " + result.iterations());
    List<TraceRow> trace = result.trace();
    TraceRow last = trace.get(trace.size() - 1);
    assertEquals(result.iterations(), last.iteration());
    double start = trace.get(0).objective();
    assertTrue(!Double.isFinite(result.objective()) || result.objective() > 1e12 * start);
    // the last finite objective is the previous row's, and it was still within the bound
    TraceRow previous = trace.get(trace.size() - 2);
    assertEquals(previous.objective(), result.lastFiniteObjective());
    assertTrue(Double.isFinite(result.lastFiniteObjective())
        && result.lastFiniteObjective() <= 1e12 * start);
  }

  @Test
  void gradientDescentDiverges() {
    assertDiverges(Optimizers.gd(10));
  }

  @Test
  void nesterovDivergesWhateverTheRestart() {
    for (String restart : List.of("none", "function", "gradient")) {
      assertDiverges(Optimizers.nesterov(Map.of("step", "10", "restart", restart)));
    }
  }

  /**
   * line-search cannot diverge: every accepted step satisfies sufficient decrease, so an absurd
   * first trial is cut back (measured: accepted ~0.05) and the
   * objective decreases monotonically.
   */
  @Test
  void lineSearchWithAbsurdInitialStepDecreasesMonotonically() {
    for (String wolfe : List.of("false", "true")) {
      OptimizationResult result = run(Optimizers.lineSearch(
          Map.of("initial-step", "1e9", "wolfe", wolfe)), 30);
      assertEquals(StopReason.MAX_ITERATIONS, result.stopReason(), "wolfe=" + wolfe);
      List<TraceRow> trace = result.trace();
      // cut back from 1e9 to below 1: backtracking halves (~35 trials), the Wolfe zoom divides
      // by at least 10 per rejected trial (>= 10 trials)
      assertTrue(trace.get(1).step() < 1 && trace.get(1).evaluations() > 10,
          "the first search cut the step back from 1e9: " + trace.get(1));
      for (int t = 1; t < trace.size(); t++) {
        assertTrue(trace.get(t).objective() < trace.get(t - 1).objective(), "decrease at " + t);
      }
    }
  }

  /**
   * A gradient of the wrong sign makes every trial an ascent step: the search gives up after
   * max-trials evaluations and says why, instead of diverging or looping.
   */
  @Test
  void lineSearchStopsAndSaysWhyWhenNoStepIsAcceptable() {
    Objective uphill = new Objective() {
      @Override
      public int dimension() {
        return 3;
      }

      @Override
      public double evaluate(double[] point, double[] gradient) {
        double value = 0;
        for (int i = 0; i < 3; i++) {
          value += point[i] * point[i] / 2;
          gradient[i] = -point[i];
        }
        return value;
      }
    };
    OptimizationResult result = new OptimizationDriver(uphill, new double[] {1, 2, 3},
        StopRules.iterations(100)).run(Optimizers.lineSearch(Map.of("max-trials", "25")));
    assertEquals(StopReason.OPTIMIZER_STOPPED, result.stopReason());
    assertEquals(0, result.iterations());
    // the optimizer's evaluation at the start, then the 25 rejected trials (the core's own
    // bookkeeping evaluation of the start is not charged)
    assertEquals(1 + 25, result.evaluations());
    assertTrue(String.valueOf(result.diagnostics().get("stopped")).contains("within 25 trials"));
  }
}
