package org.nnrecover.initializers.tensor;

import java.util.OptionalDouble;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.Params;

/** The activations the tests use: the real plugins, and a cubic ReLU that exists only here. */
final class TestActivations {
  private TestActivations() {}

  /** The activation {@code provider} makes with its default parameters. */
  static Activation plugin(ActivationProvider provider) {
    return provider.create(Params.defaults(provider.name(), provider.parameters()));
  }

  /**
   * max(z, 0)^3, homogeneous of degree 3. Deliberately not a plugin: the tensor method must work
   * for an activation it has never heard of, from the profile alone.
   */
  static final Activation CUBIC_RELU = new Activation() {
    @Override
    public double value(double z) {
      return z > 0 ? z * z * z : 0;
    }

    @Override
    public double derivative(double z) {
      return z > 0 ? 3 * z * z : 0;
    }

    @Override
    public double secondDerivative(double z) {
      return z > 0 ? 6 * z : 0;
    }

    @Override
    public OptionalDouble homogeneityDegree() {
      return OptionalDouble.of(3);
    }
  };
}
