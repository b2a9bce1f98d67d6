package org.nnrecover.activations;

import org.nnrecover.api.Activation;

/** The logistic sigmoid 1 / (1 + e^-z), evaluated without overflow for any z. */
public final class Sigmoid extends SimpleActivationProvider {

  public Sigmoid() {
    super("sigmoid", "logistic sigmoid 1 / (1 + e^-z)", new Fn());
  }

  /** sigma(z) without overflow: e^z is only ever taken of a non-positive number. */
  static double logistic(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }

  private static final class Fn implements Activation {
    @Override
    public double value(double z) {
      return logistic(z);
    }

    @Override
    public double derivative(double z) {
      double s = logistic(z);
      return s * (1 - s);
    }

    @Override
    public double secondDerivative(double z) {
      double s = logistic(z);
      return s * (1 - s) * (1 - 2 * s);
    }

    @Override
    public void apply(double[] z, int from, int to, double[] values, double[] derivatives) {
      for (int i = from; i < to; i++) {
        double s = logistic(z[i]);
        values[i] = s;
        if (derivatives != null) {
          derivatives[i] = s * (1 - s);
        }
      }
    }
  }
}
