package org.nnrecover.core.optim;

import java.util.List;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;

/**
 * Stop rules and budgets owned by the core and applied to every optimizer the same way, so that an
 * ablation compares like with like. Their parameters are added to every optimizer plugin's own
 * (for example {@code gd.max-iterations}); a tolerance of 0 switches its rule off.
 *
 * @param maxIterations iteration budget
 * @param maxEvaluations budget of passes over the samples: objective evaluations (value or
 *     value+gradient) and Gauss-Newton products
 * @param gradientTolerance stop when |grad| / |grad at start| falls below this
 * @param changeTolerance stop when |x_{t+1} - x_t| / max(|x_t|, 1e-300) falls below this
 * @param objectiveTolerance stop when f / f_reference falls below this (f_reference = the loss of
 *     the zero network for the network problem)
 * @param divergenceFactor the run diverged when f exceeds this multiple of the larger of its
 *     starting value and the reference (the zero network's loss), or is not finite
 */
public record StopRules(int maxIterations, int maxEvaluations, double gradientTolerance,
    double changeTolerance, double objectiveTolerance, double divergenceFactor) {

  /** The parameter specs every optimizer gets. */
  public static final List<ParamSpec> PARAMETERS = List.of(
      ParamSpec.ofInt("max-iterations", 10000, 1, Integer.MAX_VALUE,
          "iteration budget"),
      ParamSpec.ofInt("max-evaluations", Integer.MAX_VALUE, 1, Integer.MAX_VALUE,
          "budget of passes over the samples: evaluations (value or value+gradient) and "
              + "Gauss-Newton products"),
      ParamSpec.ofDouble("gradient-tolerance", 1e-10, 0, 1,
          "stop when the gradient norm relative to the starting one falls below this (0 = off)"),
      ParamSpec.ofDouble("change-tolerance", 0, 0, 1,
          "stop when the relative change of the weights falls below this (0 = off)"),
      ParamSpec.ofDouble("objective-tolerance", 1e-14, 0, 1,
          "stop when the objective relative to the zero network's falls below this (0 = off)"),
      ParamSpec.ofDouble("divergence-factor", 1e12, 1, 1e300,
          "declare divergence above this multiple of max(start objective, zero network's)"));

  /** Validates the values. */
  public StopRules {
    if (maxIterations < 1 || maxEvaluations < 1) {
      throw new IllegalArgumentException("budgets must be >= 1");
    }
    if (!(gradientTolerance >= 0 && changeTolerance >= 0 && objectiveTolerance >= 0)) {
      throw new IllegalArgumentException("tolerances must be >= 0");
    }
    if (!(divergenceFactor >= 1)) {
      throw new IllegalArgumentException("divergence factor must be >= 1");
    }
  }

  /** Reads the rules from an optimizer's resolved parameters. */
  public static StopRules from(Params params) {
    return new StopRules(params.getInt("max-iterations"), params.getInt("max-evaluations"),
        params.getDouble("gradient-tolerance"), params.getDouble("change-tolerance"),
        params.getDouble("objective-tolerance"), params.getDouble("divergence-factor"));
  }

  /** Only an iteration budget (tolerances off, default divergence bound). */
  public static StopRules iterations(int maxIterations) {
    return new StopRules(maxIterations, Integer.MAX_VALUE, 0, 0, 0, 1e12);
  }
}
