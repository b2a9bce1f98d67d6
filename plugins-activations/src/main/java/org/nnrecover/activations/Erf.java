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

  /** Grid points per unit of the bulk form's Taylor table. */
  private static final int GRID = 64;
  /** Beyond this |z| the integral equals +-sqrt(pi)/2 to within half an ulp (tail < 2e-17). */
  private static final double SATURATION = 6;
  /** Taylor terms per grid point: with |h| <= 1/128 the first omitted term is below 1e-18. */
  private static final int TERMS = 7;
  /**
   * Row c = j / GRID holds phi(c) and the Taylor coefficients of phi(c + h) in h: the n-th
   * derivative of exp(-t^2) is (-1)^n H_n(t) exp(-t^2) (physicists' Hermite polynomials), so
   * phi(c + h) = phi(c) + exp(-c^2) sum_n (-1)^n H_n(c) h^(n+1) / (n+1)!.
   */
  private static final double[] TAYLOR = taylorTable();

  private static double[] taylorTable() {
    int points = (int) (SATURATION * GRID) + 1;
    double[] table = new double[points * (TERMS + 1)];
    for (int j = 0; j < points; j++) {
      double c = (double) j / GRID;
      double scale = Math.exp(-c * c);
      int o = j * (TERMS + 1);
      // from 1.25 on the continued fraction (converged there at depth 120) gives the anchor to
      // within an ulp, where the series' growing partial sums cost it up to 4 (measured against
      // 30-digit values)
      table[o] = c < 1.25 ? series(c) : HALF_SQRT_PI - tail(c);
      double hPrevious = 0;
      double h = 1;
      double factorial = 1;
      for (int n = 0; n < TERMS; n++) {
        factorial *= n + 1;
        table[o + n + 1] = (n % 2 == 0 ? 1 : -1) * h * scale / factorial;
        double hNext = 2 * c * h - 2 * n * hPrevious;
        hPrevious = h;
        h = hNext;
      }
    }
    return table;
  }

  /**
   * phi(z) for the bulk form: the precomputed Taylor expansion around the nearest grid point,
   * Horner in h; within a few ulps of {@link #integral} and about ten times faster.
   */
  static double fastIntegral(double z) {
    double a = Math.abs(z);
    if (!(a < SATURATION)) {
      return a > SATURATION ? Math.copySign(HALF_SQRT_PI, z) : integral(z);
    }
    int j = (int) Math.rint(a * GRID);
    double h = a - (double) j / GRID; // exact: |h| <= 1/128 and a within a factor 2 of j / GRID
    int o = j * (TERMS + 1);
    double p = TAYLOR[o + TERMS];
    for (int n = TERMS - 1; n >= 1; n--) {
      p = Math.fma(p, h, TAYLOR[o + n]);
    }
    double value = Math.fma(p, h, TAYLOR[o]);
    return z < 0 ? -value : value;
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

    @Override
    public void apply(double[] z, int from, int to, double[] values, double[] derivatives) {
      for (int i = from; i < to; i++) {
        values[i] = fastIntegral(z[i]);
      }
      if (derivatives != null) {
        for (int i = from; i < to; i++) {
          derivatives[i] = Math.exp(-z[i] * z[i]);
        }
      }
    }
  }
}
