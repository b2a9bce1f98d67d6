package org.nnrecover.activations;

import org.nnrecover.api.Activation;

/** The hyperbolic tangent. */
public final class Tanh extends SimpleActivationProvider {

  public Tanh() {
    super("tanh", "hyperbolic tangent", new Fn());
  }

  private static final class Fn implements Activation {
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

    @Override
    public void apply(double[] z, int from, int to, double[] values, double[] derivatives) {
      for (int i = from; i < to; i++) {
        double t = Math.tanh(z[i]);
        values[i] = t;
        if (derivatives != null) {
          derivatives[i] = 1 - t * t;
        }
      }
    }
  }
}
