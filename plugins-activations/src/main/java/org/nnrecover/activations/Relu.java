package org.nnrecover.activations;

import java.util.OptionalDouble;
import org.nnrecover.api.Activation;

/** ReLU, phi(z) = max(z, 0); homogeneous of degree 1. phi'(0) is taken as 0. */
public final class Relu extends SimpleActivationProvider {

  public Relu() {
    super("relu", "rectified linear unit max(z, 0)", new Fn());
  }

  private static final class Fn implements Activation {
    @Override
    public double value(double z) {
      return z > 0 ? z : 0;
    }

    @Override
    public double derivative(double z) {
      return z > 0 ? 1 : 0;
    }

    @Override
    public double secondDerivative(double z) {
      return 0;
    }

    @Override
    public OptionalDouble homogeneityDegree() {
      return OptionalDouble.of(1);
    }

    /**
     * Branch-free (Math.max, Math.ceil and Math.min, not a comparison): the sign of z is a coin
     * flip a branch mispredicts. min(ceil(max(z, 0)), 1) is exactly 1 for z > 0 and 0 otherwise.
     */
    @Override
    public void apply(double[] z, int from, int to, double[] values, double[] derivatives) {
      for (int i = from; i < to; i++) {
        values[i] = Math.max(z[i], 0.0);
      }
      if (derivatives != null) {
        for (int i = from; i < to; i++) {
          derivatives[i] = Math.min(Math.ceil(values[i]), 1.0);
        }
      }
    }
  }
}
