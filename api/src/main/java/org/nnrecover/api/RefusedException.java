package org.nnrecover.api;

/**
 * Thrown by a plugin that cannot handle the problem it was given (for example a tensor initializer
 * asked to work with a linear activation). The run ends with outcome {@code refused} and this
 * message, which must say what was wrong and what would be accepted.
 *
 * @since 1.0
 */
public class RefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what was refused and why, in one or two sentences */
  public RefusedException(String message) {
    super(message);
  }
}
