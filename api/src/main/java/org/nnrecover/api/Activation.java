package org.nnrecover.api;

import java.util.OptionalDouble;

/**
 * An activation function phi with its first two derivatives.
 *
 * <p>At a kink (for example z = 0 for ReLU) the derivatives may return either one-sided value.
 * Everything else nnrecover needs (Hermite coefficients, rho, property checks, tensor orders) is
 * derived numerically by the core from these three functions.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 1.0
 */
public interface Activation {

  /** phi(z). */
  double value(double z);

  /** phi'(z). */
  double derivative(double z);

  /** phi''(z); zero almost everywhere for a piecewise-linear phi. */
  double secondDerivative(double z);

  /**
   * The degree p with phi(c z) = c^p phi(z) for every c > 0, when phi has one (ReLU: 1, squared
   * ReLU: 2); empty for a non-homogeneous phi such as tanh.
   */
  default OptionalDouble homogeneityDegree() {
    return OptionalDouble.empty();
  }

  /**
   * Bulk form for the hot loop: for each index i in [from, to), writes phi(z[i]) to
   * {@code values[i]} and, when {@code derivatives} is not null, phi'(z[i]) to
   * {@code derivatives[i]}. Override it when a fused loop is cheaper than two scalar calls.
   */
  default void apply(double[] z, int from, int to, double[] values, double[] derivatives) {
    for (int i = from; i < to; i++) {
      values[i] = value(z[i]);
    }
    if (derivatives != null) {
      for (int i = from; i < to; i++) {
        derivatives[i] = derivative(z[i]);
      }
    }
  }
}
