package org.nnrecover.core.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The ground-truth networks the experiments use (METHOD.md section 1). */
public enum TeacherKind {
  /** W* = U diag(s) Q^T with random orthonormal U, Q; s from 1 to kappa; random sign v*. */
  RANDOM,
  /** W* = U diag(s): orthogonal columns with norms from 1 to kappa; random sign v*. */
  ORTHOGONAL,
  /** W* = I (k = d), v* = 1: the slides' counterexamples to local strong convexity. */
  IDENTITY;

  /** The name users write. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a user-written name, with an error listing the allowed ones. */
  public static TeacherKind parse(String text) {
    for (TeacherKind kind : values()) {
      if (kind.id().equals(text)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown teacher '" + text + "': expected one of "
        + Arrays.stream(values()).map(TeacherKind::id).collect(Collectors.joining(", ")));
  }
}
