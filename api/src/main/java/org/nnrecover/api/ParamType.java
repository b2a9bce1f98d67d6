package org.nnrecover.api;

/** The value types a plugin parameter can have. */
public enum ParamType {
  /** A finite double within [min, max]. */
  DOUBLE,
  /** A 32-bit integer within [min, max]. */
  INT,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** One of a declared list of words. */
  CHOICE,
  /**
   * The name of another plugin of the kind named by the single entry of
   * {@link ParamSpec#choices()} (for example the tensor initializer's decomposer); the core checks
   * that such a plugin exists.
   */
  PLUGIN
}
