package org.nnrecover.core.plugin;

/**
 * A plugin, or a whole jar, that could not join the registry.
 *
 * @param source the jar's path
 * @param problem what was wrong, in one line, saying how to fix it where that is known
 */
public record SkippedPlugin(String source, String problem) {

  /** The one-line report: {@code jar: problem}. */
  @Override
  public String toString() {
    return source + ": " + problem;
  }
}
