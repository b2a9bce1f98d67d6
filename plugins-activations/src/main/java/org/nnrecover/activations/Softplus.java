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

    /**
     * One exp per entry shared by value and derivative, and log1p(e) as log(1 + e) e / ((1 + e) -
     * 1), which corrects the rounding of 1 + e (Goldberg's device; a few ulps) with the intrinsic
     * Math.log instead of the slow native Math.log1p. The derivative is the scalar one's formula.
     */
    @Override
    public void apply(double[] z, int from, int to, double[] values, double[] derivatives) {
      for (int i = from; i < to; i++) {
        double zi = z[i];
        double e = Math.exp(-Math.abs(zi));
        double u = 1 + e;
        double log1p = u == 1 ? e : Math.log(u) * e / (u - 1);
        values[i] = Math.max(zi, 0) + log1p;
        if (derivatives != null) {
          // the logistic function without a branch, as in Sigmoid's bulk form
          derivatives[i] = Math.max(Math.min(Math.ceil(Math.max(zi, 0.0)), 1.0), e) / u;
        }
      }
    }
  }
}
