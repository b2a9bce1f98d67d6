package org.nnrecover.cli;

import java.util.regex.Pattern;

/** Quoting for commands printed for the user to paste into a POSIX shell. */
final class Shell {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:,+-]+");

  private Shell() {}

  /** The word as is when the shell leaves it alone, else in single quotes. */
  static String quote(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
