package org.nnrecover.activations;

import java.util.OptionalDouble;
import org.nnrecover.api.Activation;

/** Squared ReLU, phi(z) = max(z, 0)^2; homogeneous of degree 2. phi''(0) is taken as 0. */
public final class SquaredRelu extends SimpleActivationProvider {

  public SquaredRelu() {
    super("squared-relu", "squared rectified linear unit max(z, 0)^2", new Fn());
  }

  private static final class Fn implements Activation {
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

    /** Branch-free (Math.max, not a comparison): the sign of z is a coin flip a branch mispredicts. */
    @Override
    public void apply(double[] z, int from, int to, double[] values, double[] derivatives) {
      if (derivatives == null) {
        for (int i = from; i < to; i++) {
          double p = Math.max(z[i], 0.0);
          values[i] = p * p;
        }
        return;
      }
      for (int i = from; i < to; i++) {
        double p = Math.max(z[i], 0.0);
        values[i] = p * p;
        derivatives[i] = 2 * p;
      }
    }
  }
}
