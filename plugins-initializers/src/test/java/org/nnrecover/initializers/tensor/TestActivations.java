package org.nnrecover.initializers.tensor;

import java.util.OptionalDouble;
import org.nnrecover.api.Activation;

/** Activations defined only in tests (the real plugins live in another module). */
final class TestActivations {
  private TestActivations() {}

  /** max(z, 0)^power, homogeneous of degree power. */
  static Activation reluPower(int power) {
    return new Activation() {
      @Override
      public double value(double z) {
        return z > 0 ? Math.pow(z, power) : 0;
      }

      @Override
      public double derivative(double z) {
        return z > 0 ? power * Math.pow(z, power - 1) : 0;
      }

      @Override
      public double secondDerivative(double z) {
        return z > 0 && power >= 2 ? power * (power - 1) * Math.pow(z, power - 2) : 0;
      }

      @Override
      public OptionalDouble homogeneityDegree() {
        return OptionalDouble.of(power);
      }
    };
  }

  /** z^power for all z (linear: 1, quadratic: 2), homogeneous. */
  static Activation monomial(int power) {
    return new Activation() {
      @Override
      public double value(double z) {
        return Math.pow(z, power);
      }

      @Override
      public double derivative(double z) {
        return power * Math.pow(z, power - 1);
      }

      @Override
      public double secondDerivative(double z) {
        return power >= 2 ? power * (power - 1) * Math.pow(z, power - 2) : 0;
      }

      @Override
      public OptionalDouble homogeneityDegree() {
        return OptionalDouble.of(power);
      }
    };
  }

  /** tanh, not homogeneous. */
  static final Activation TANH = new Activation() {
    @Override
    public double value(double z) {
      return Math.tanh(z);
    }

    @Override
    public double derivative(double z) {
      double t = Math.tanh(z);
      return 1 - t * t;
    }

    @Override
    public double secondDerivative(double z) {
      double t = Math.tanh(z);
      return -2 * t * (1 - t * t);
    }
  };
}
