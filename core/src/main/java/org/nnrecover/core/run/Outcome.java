package org.nnrecover.core.run;

import java.util.Locale;

/** How a run ended. The {@link #id()} strings are part of the run-record format. */
public enum Outcome {
  /** A stop tolerance was met. */
  CONVERGED,
  /** The iteration or evaluation budget ran out first. */
  BUDGET_EXHAUSTED,
  /** The optimizer stopped on its own (for example no acceptable line-search step). */
  STOPPED,
  /** The objective became non-finite or blew up. */
  DIVERGED,
  /** A plugin declined the problem (for example the tensor method with a linear activation). */
  REFUSED,
  /** A plugin threw or returned non-finite numbers. */
  FAILED;

  /** Kebab-case name used in output. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
