package org.nnrecover.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.api.Params;

/**
 * The contract of an optimizer plugin, played on the kit's {@link QuadraticProblem}. Extend it
 * with the provider under test (and, when the defaults are tuned for the network problem rather
 * than for a small quadratic, the parameters to test it with):
 *
 * <pre>{@code
 * class AdamContractTest extends OptimizerContract {
 *   protected OptimizerProvider provider() { return new AdamProvider(); }
 * }
 * }</pre>
 *
 * <p>Checked: it decreases a convex quadratic to {@link #requiredDecrease()} of its starting value
 * within {@link #iterationBudget()} iterations; it stops as soon as the problem says stop (no
 * evaluation or report afterwards) for an iteration budget and for an evaluation budget; its
 * reported values are f at the reported points and finite; it projects after every step; a return
 * before the problem said stop is explained under {@code "stopped"} in the diagnostics; two runs
 * give identical numbers; the provider's name, summary and parameter defaults are valid, and no
 * parameter is named like a stop rule of the core ({@link OptimizerProvider#STOP_RULES}); it asks
 * before using an optional capability of the problem (API 1.1: the Gauss-Newton product) and,
 * without it, still decreases the quadratic or returns saying why. Gauss-Newton products count
 * against the evaluation budget like evaluations.
 */
public abstract class OptimizerContract {

  /** The provider under test. */
  protected abstract OptimizerProvider provider();

  /** The parameters the optimizer is made with; all defaults unless overridden. */
  protected Params params() {
    return Params.defaults(provider().name(), provider().parameters());
  }

  /** Iterations allowed for the decrease check. */
  protected int iterationBudget() {
    return 5000;
  }

  /** The final value must be at most this fraction of the starting one. */
  protected double requiredDecrease() {
    return 1e-6;
  }

  private QuadraticProblem run(QuadraticProblem problem) {
    try {
      problem.run(provider().create(params()));
    } catch (RuntimeException e) {
      fail("the optimizer threw " + e + "; protocol breaches: " + problem.violations(), e);
    }
    assertEquals(java.util.List.of(), problem.violations(), "protocol breaches");
    if (problem.ending() == QuadraticProblem.Ending.OPTIMIZER_RETURNED) {
      Object why = problem.recorded().get("stopped");
      assertTrue(why != null && !why.toString().isBlank(), "the optimizer returned before the "
          + "problem said stop without saying why under \"stopped\" in the diagnostics");
    }
    assertTrue(problem.projections() >= problem.iterations(),
        "project() must be called after every step: " + problem.projections() + " calls for "
            + problem.iterations() + " iterations");
    return problem;
  }

  @Test
  void providerDescribesItselfAndItsParameterDefaultsAreValid() {
    ProviderChecks.describesItself(provider());
  }

  /** nnrecover refuses to load an optimizer that declares a stop rule's name (it would shadow). */
  @Test
  void declaresNoParameterNamedLikeAStopRuleOfTheCore() {
    for (org.nnrecover.api.ParamSpec p : provider().parameters()) {
      assertTrue(!OptimizerProvider.STOP_RULES.contains(p.name()), provider().name()
          + " declares parameter '" + p.name() + "', the name of a stop rule of the core (set "
          + "as stop." + p.name() + " for every optimizer): rename it");
    }
  }

  @Test
  void decreasesAConvexQuadratic() {
    // the gradient tolerance 1e-9 stops a converging method long before rounding matters
    QuadraticProblem problem = run(QuadraticProblem.standard(iterationBudget(), Long.MAX_VALUE,
        1e-9));
    double start = problem.startValue();
    double end = problem.f(problem.lastPoint());
    assertTrue(end <= requiredDecrease() * start, "f went from " + start + " to " + end
        + " in " + problem.iterations() + " iterations (" + problem.ending() + "); required "
        + requiredDecrease() + " of the start");
  }

  @Test
  void stopsAtTheIterationBudget() {
    QuadraticProblem problem = run(QuadraticProblem.standard(7, Long.MAX_VALUE, 0));
    assertTrue(problem.iterations() <= 7, problem.iterations() + " iterations for a budget of 7");
  }

  @Test
  void stopsAtTheEvaluationBudget() {
    QuadraticProblem problem = run(QuadraticProblem.standard(Integer.MAX_VALUE, 10, 0));
    assertEquals(QuadraticProblem.Ending.MAX_EVALUATIONS, problem.ending(),
        "10 evaluations cannot reach a gradient tolerance of 0");
    assertEquals(10, problem.evaluations());
  }

  @Test
  void explainsAReturnWhenNoProgressIsPossible() {
    // started at the minimizer: the gradient is 0, so the method can only stay or give up
    double[] a = {1, 2, 3};
    double[] c = {0.5, -1, 2};
    QuadraticProblem problem = run(new QuadraticProblem(a, c, c, 20, Long.MAX_VALUE, 0));
    assertEquals(0.0, problem.f(problem.lastPoint()), 1e-20, "moved away from the minimizer");
  }

  @Test
  void asksBeforeUsingOptionalCapabilities() {
    QuadraticProblem problem = run(QuadraticProblem.standard(iterationBudget(), Long.MAX_VALUE,
        1e-9).withoutGaussNewton());
    if (problem.ending() != QuadraticProblem.Ending.OPTIMIZER_RETURNED) {
      double end = problem.f(problem.lastPoint());
      assertTrue(end <= requiredDecrease() * problem.startValue(), "without the Gauss-Newton "
          + "product f went from " + problem.startValue() + " to " + end);
    }
  }

  @Test
  void twoRunsGiveIdenticalNumbers() {
    QuadraticProblem first = run(QuadraticProblem.standard(50, Long.MAX_VALUE, 0));
    QuadraticProblem second = run(QuadraticProblem.standard(50, Long.MAX_VALUE, 0));
    assertEquals(first.reportedValues(), second.reportedValues());
  }
}
