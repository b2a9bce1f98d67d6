package org.nnrecover.activations;

import java.util.OptionalDouble;
import org.nnrecover.api.Activation;

/** phi(z) = z^2: the paper's second counterexample (rho < 0, no third-order moment). */
public final class Quadratic extends SimpleActivationProvider {

  public Quadratic() {
    super("quadratic", "square z^2 (a counterexample: rho < 0)", new Fn());
  }

  private static final class Fn implements Activation {
    @Override
    public double value(double z) {
      return z * z;
    }

    @Override
    public double derivative(double z) {
      return 2 * z;
    }

    @Override
    public double secondDerivative(double z) {
      return 2;
    }

    @Override
    public OptionalDouble homogeneityDegree() {
      return OptionalDouble.of(2);
    }

    @Override
    public void apply(double[] z, int from, int to, double[] values, double[] derivatives) {
      for (int i = from; i < to; i++) {
        values[i] = z[i] * z[i];
      }
      if (derivatives != null) {
        for (int i = from; i < to; i++) {
          derivatives[i] = 2 * z[i];
        }
      }
    }
  }
}
