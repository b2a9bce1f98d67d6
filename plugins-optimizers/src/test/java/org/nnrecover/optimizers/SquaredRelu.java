package org.nnrecover.optimizers;

import java.util.OptionalDouble;
import org.nnrecover.api.Activation;

/**
 * phi(z) = max(z, 0)^2, defined here so that these tests do not depend on the activation plugins.
 */
final class SquaredRelu implements Activation {
  @Override
  public double value(double z) {
    return z > 0 ? z * z : 0;
  }

  @Override
  public double derivative(double z) {
    return z > 0 ? 2 * z : 0;
  }

  @Override
  public double secondDerivative(double z) {
    return z > 0 ? 2 : 0;
  }

  @Override
  public OptionalDouble homogeneityDegree() {
    return OptionalDouble.of(2);
  }
}
