package org.nnrecover.activations;

import org.nnrecover.api.Activation;

/**
 * The paper's erf: phi(z) = integral_0^z exp(-t^2) dt = (sqrt(pi) / 2) erf(z), so that
 * phi'(z) = exp(-z^2). Accurate to a few units in the last place for every z.
 */
public final class Erf extends SimpleActivationProvider {
  private static final double HALF_SQRT_PI = 0.5 * Math.sqrt(Math.PI);
  /** Below this |z| the positive-term series is used, above it the continued fraction. */
  private static final double SERIES_LIMIT = 3;
  /** Depth of the continued fraction; at |z| >= 3 it has converged to 1e-17 long before. */
  private static final int FRACTION_DEPTH = 120;

  public Erf() {
    super("erf", "integral_0^z exp(-t^2) dt = (sqrt(pi)/2) erf(z), the paper's convention",
        new Fn());
  }

  /** integral_0^z exp(-t^2) dt for any z. */
  static double integral(double z) {
    double a = Math.abs(z);
    double value = a < SERIES_LIMIT ? series(a) : HALF_SQRT_PI - tail(a);
    return z < 0 ? -value : value;
  }

  /**
   * exp(-z^2) sum_n 2^n z^(2n+1) / (1 * 3 * ... * (2n+1)): every term is positive, so unlike the
   * alternating Taylor series it loses no digits to cancellation.
   */
  static double series(double z) {
    double z2 = z * z;
    double term = z;
    double sum = z;
    for (int n = 0; term > 1e-17 * sum; n++) {
      term *= 2 * z2 / (2 * n + 3);
      sum += term;
    }
    return Math.exp(-z2) * sum;
  }

  /**
   * integral_z^infinity exp(-t^2) dt = (exp(-z^2) / 2) / (z + (1/2) / (z + 1 / (z + (3/2) / (z +
   * ...)))) for z > 0, evaluated from the bottom up.
   */
  static double tail(double z) {
    double f = z;
    for (int m = FRACTION_DEPTH; m >= 1; m--) {
      f = z + 0.5 * m / f;
    }
    return 0.5 * Math.exp(-z * z) / f;
  }

  private static final class Fn implements Activation {
    @Override
    public double value(double z) {
      return integral(z);
    }

    @Override
    public double derivative(double z) {
      return Math.exp(-z * z);
    }

    @Override
    public double secondDerivative(double z) {
      return -2 * z * Math.exp(-z * z);
    }
  }
}
