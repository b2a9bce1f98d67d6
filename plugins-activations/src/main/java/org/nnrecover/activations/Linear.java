package org.nnrecover.activations;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.nnrecover.api.Activation;

/** The identity phi(z) = z: the paper's first counterexample (no local strong convexity). */
public final class Linear extends SimpleActivationProvider {

  public Linear() {
    super("linear", "identity z (a counterexample: rho = 0)", new Fn());
  }

  private static final class Fn implements Activation {
    @Override
    public double value(double z) {
      return z;
    }

    @Override
    public double derivative(double z) {
      return 1;
    }

    @Override
    public double secondDerivative(double z) {
      return 0;
    }

    @Override
    public OptionalDouble homogeneityDegree() {
      return OptionalDouble.of(1);
    }

    @Override
    public void apply(double[] z, int from, int to, double[] values, double[] derivatives) {
      System.arraycopy(z, from, values, from, to - from);
      if (derivatives != null) {
        Arrays.fill(derivatives, from, to, 1.0);
      }
    }
  }
}
