package org.nnrecover.core.optim;

import java.util.Locale;

/** Which rule ended an optimization. The {@link #id()} strings appear in run records. */
public enum StopReason {
  /** The iteration budget was used up. */
  MAX_ITERATIONS,
  /** The evaluation budget was used up. */
  MAX_EVALUATIONS,
  /** Gradient norm relative to the starting one fell below its tolerance. */
  GRADIENT_TOLERANCE,
  /** Relative change of the iterate fell below its tolerance. */
  CHANGE_TOLERANCE,
  /** Objective relative to its reference (the zero network's loss) fell below its tolerance. */
  OBJECTIVE_TOLERANCE,
  /** The objective became non-finite or grew past the divergence bound. */
  DIVERGED,
  /** The optimizer stopped on its own (for example a line search that found no decrease). */
  OPTIMIZER_STOPPED,
  /**
   * A plugin failed: the optimizer threw or stepped to a non-finite point, or the activation
   * returned NaN or infinity where a finite value was due (see {@link OptimizationResult#failure()}).
   */
  FAILED;

  /** Kebab-case name used in output. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether this reason means the run converged (a tolerance was met). */
  public boolean converged() {
    return this == GRADIENT_TOLERANCE || this == CHANGE_TOLERANCE || this == OBJECTIVE_TOLERANCE;
  }
}
