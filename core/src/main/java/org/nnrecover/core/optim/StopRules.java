package org.nnrecover.core.optim;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;

/**
 * Stop rules and budgets owned by the core and applied to every optimizer the same way, so that an
 * ablation compares like with like; a tolerance of 0 switches its rule off. They are set in their
 * own namespace, {@code stop.max-iterations=500}; the spelling of nnrecover 1.0,
 * {@code OPTIMIZER.max-iterations} (for example {@code gd.max-iterations}), stays an alias that
 * applies to runs of that optimizer and, being the more specific, wins over {@code stop.*}. So that
 * the alias can never mean anything else, an optimizer plugin may not declare a parameter of a
 * stop rule's name (such a plugin is refused at discovery).
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

  /** The namespace of the stop rules in specs, {@code --set} and sweep files. */
  public static final String NAMESPACE = "stop";

  /** The stop rules' parameters, shared by every optimizer. */
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

  static {
    // the names are part of the plugin API (OptimizerProvider.STOP_RULES): plugins and the test
    // kit check against them, so the declarations here must name exactly those
    if (!PARAMETERS.stream().map(ParamSpec::name).toList().equals(OptimizerProvider.STOP_RULES)) {
      throw new IllegalStateException("StopRules.PARAMETERS must declare exactly "
          + OptimizerProvider.STOP_RULES);
    }
  }

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

  /** Whether {@code name} is the name of a stop rule ({@code max-iterations}, ...). */
  public static boolean isRule(String name) {
    return OptimizerProvider.STOP_RULES.contains(name);
  }

  /**
   * The stop-rule values a run's settings give: those of {@code stop.*}, overridden by the
   * aliases {@code optimizer.RULE} of the run's optimizer.
   *
   * @param settings plugin or namespace -> parameter -> value, as in a run spec
   * @param optimizer the run's optimizer
   */
  public static Map<String, String> given(Map<String, Map<String, String>> settings,
      String optimizer) {
    Map<String, String> given = new TreeMap<>(settings.getOrDefault(NAMESPACE, Map.of()));
    settings.getOrDefault(optimizer, Map.of()).forEach((name, value) -> {
      if (isRule(name)) {
        given.put(name, value);
      }
    });
    return given;
  }

  /**
   * Checks one stop-rule value, as given ({@code stop.RULE} or the alias {@code optimizer.RULE}).
   *
   * @param owner {@code stop} or the optimizer of the alias, for the message
   * @throws IllegalArgumentException naming owner, rule and what is allowed
   */
  public static void check(String owner, String rule, String value) {
    Params.resolve(owner, PARAMETERS, Map.of(rule, value));
  }

  /** Reads the rules from their resolved parameters. */
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
