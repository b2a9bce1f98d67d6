package org.nnrecover.api;

/**
 * Where a plugin records what it did (iterations, residuals, choices made, warnings), so that the run
 * record shows it. Values should be numbers, booleans, strings, or lists/maps of those.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface Diagnostics {

  /** Records {@code value} under {@code key}; a later value for the same key replaces it. */
  void put(String key, Object value);

  /** A sink that discards everything. */
  static Diagnostics none() {
    return (key, value) -> {};
  }
}
