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

    /**
     * The scalar formula without its branch (the sign of z is a coin flip a branch mispredicts):
     * with e = exp(-|z|), sigma = n / (1 + e) where n = max(min(ceil(max(z, 0)), 1), e) is 1 for
     * z > 0 and e otherwise (at z = 0 both give 1/2), so the bits equal {@link #logistic}'s.
     */
    @Override
    public void apply(double[] z, int from, int to, double[] values, double[] derivatives) {
      for (int i = from; i < to; i++) {
        double e = Math.exp(-Math.abs(z[i]));
        double s = Math.max(Math.min(Math.ceil(Math.max(z[i], 0.0)), 1.0), e) / (1 + e);
        values[i] = s;
        if (derivatives != null) {
          derivatives[i] = s * (1 - s);
        }
      }
    }
  }
}
