package org.nnrecover.activations;

import org.nnrecover.api.Activation;

/** The hyperbolic tangent. */
public final class Tanh extends SimpleActivationProvider {

  public Tanh() {
    super("tanh", "hyperbolic tangent", new Fn());
  }

  /** Below this |z| the continued fraction is used, above it exp (1 - t has no cancellation). */
  private static final double SMALL = 0.55;
  /** Depth of Lambert's continued fraction: at |z| < 0.55 the next term is below 1e-19. */
  private static final int DEPTH = 8;

  /**
   * The bulk form, from the intrinsic Math.exp (Math.tanh is a slow native call on JDK 17): for
   * |z| >= 0.55, with t = exp(-2|z|), tanh = (1 - t) / (1 + t) (no cancellation in 1 - t) and
   * tanh' = 4 t / (1 + t)^2 (accurate where 1 - tanh^2 cancels); for smaller |z| Lambert's continued
   * fraction z / (1 + z^2 / (3 + z^2 / (5 + ...))) folded into one division, and 1 - tanh^2.
   * Values within a few ulps of Math.tanh.
   */
  static void bulk(double[] z, int from, int to, double[] values, double[] derivatives) {
    for (int i = from; i < to; i++) {
      double a = Math.abs(z[i]);
      double value;
      double derivative;
      if (a >= SMALL) {
        double t = Math.exp(-2 * a);
        double u = 1 + t;
        value = (1 - t) / u;
        derivative = 4 * t / (u * u);
      } else {
        // the fraction from the bottom as numerator / denominator: every term is positive
        double q = a * a;
        double numerator = 2 * DEPTH + 1;
        double denominator = 1;
        for (int j = DEPTH - 1; j >= 0; j--) {
          double next = (2 * j + 1) * numerator + q * denominator;
          denominator = numerator;
          numerator = next;
        }
        value = a * denominator / numerator;
        derivative = 1 - value * value;
      }
      values[i] = Math.copySign(value, z[i]);
      if (derivatives != null) {
        derivatives[i] = derivative;
      }
    }
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
      bulk(z, from, to, values, derivatives);
    }
  }
}
