package org.nnrecover.core;

/**
 * A problem with the set-up of nnrecover itself rather than with a run's input: plugin discovery,
 * duplicate plugin names, incompatible plugin jars.
 */
public class NnRecoverException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong and where (naming the classes or jars involved) */
  public NnRecoverException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong and where
   * @param cause the underlying failure
   */
  public NnRecoverException(String message, Throwable cause) {
    super(message, cause);
  }
}
