package org.nnrecover.activations;

import org.nnrecover.api.Activation;

/** Softplus log(1 + e^z), computed as max(z, 0) + log1p(e^-|z|) so it never overflows. */
public final class Softplus extends SimpleActivationProvider {

  public Softplus() {
    super("softplus", "smooth ReLU log(1 + e^z)", new Fn());
  }

  private static final class Fn implements Activation {
    @Override
    public double value(double z) {
      return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    @Override
    public double derivative(double z) {
      return Sigmoid.logistic(z);
    }

    @Override
    public double secondDerivative(double z) {
      double s = Sigmoid.logistic(z);
      return s * (1 - s);
    }
  }
}
