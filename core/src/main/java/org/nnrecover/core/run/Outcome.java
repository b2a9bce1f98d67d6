package org.nnrecover.core.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a run ended. The {@link #id()} strings are part of the run-record format: records hold
 * them (written and read by Jackson through {@link #id()} and {@link #of}), and {@link #toString()}
 * gives them, so that an outcome printed anywhere reads as it is stored.
 */
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

  /** Kebab-case name used in output and in run records. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The outcome with this id.
   *
   * @throws IllegalArgumentException naming the allowed ids when there is none
   */
  @JsonCreator
  public static Outcome of(String id) {
    for (Outcome outcome : values()) {
      if (outcome.id().equals(id)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException("'" + id + "' is not an outcome; allowed: " + allowed());
  }

  /** Every id, comma-separated, for messages. */
  public static String allowed() {
    return Arrays.stream(values()).map(Outcome::id).collect(Collectors.joining(", "));
  }

  /** Whether a plugin refused or failed (the outcomes a sweep counts as failures). */
  public boolean isFailure() {
    return this == REFUSED || this == FAILED;
  }

  @Override
  public String toString() {
    return id();
  }
}
