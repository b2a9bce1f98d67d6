package org.nnrecover.initializers.tensor;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.DoubleUnaryOperator;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProfile;

/**
 * A test ActivationProfile: Gaussian expectations by Gauss-Legendre quadrature on [-12, 0] and
 * [0, 12] separately (kinks sit at 0; the truncated tail weighs below e^-72), orders by the
 * relative-tolerance rule of METHOD.md section 4.
 */
final class QuadratureProfile implements ActivationProfile {
  private static final int NODES = 96;
  private static final double RANGE = 12;
  private static final double[] X = new double[NODES];
  private static final double[] W = new double[NODES];

  static {
    // Legendre nodes on [-1, 1] by Newton's method from Chebyshev-like guesses.
    for (int i = 0; i < NODES; i++) {
      double x = Math.cos(Math.PI * (i + 0.75) / (NODES + 0.5));
      double dp = 0;
      for (int iteration = 0; iteration < 100; iteration++) {
        double p0 = 1;
        double p1 = x;
        for (int j = 2; j <= NODES; j++) {
          double p2 = ((2 * j - 1) * x * p1 - (j - 1) * p0) / j;
          p0 = p1;
          p1 = p2;
        }
        dp = NODES * (x * p1 - p0) / (x * x - 1);
        double dx = p1 / dp;
        x -= dx;
        if (Math.abs(dx) < 1e-16) {
          break;
        }
      }
      X[i] = x;
      W[i] = 2 / ((1 - x * x) * dp * dp);
    }
  }

  private final Activation activation;
  private final OptionalInt j2;
  private final OptionalInt j3;
  private final OptionalInt l1;
  private final OptionalInt l2;

  QuadratureProfile(Activation activation) {
    this.activation = activation;
    double[] size = new double[9];
    boolean homogeneous = activation.homogeneityDegree().isPresent();
    double[] sigmas = homogeneous ? new double[] {1} : new double[] {0.1, 0.3, 1, 3, 10};
    boolean[] nonzero = new boolean[9];
    for (double sigma : sigmas) {
      double max = 0;
      for (int j = 0; j <= 8; j++) {
        size[j] = Math.abs(hermite(j, sigma));
        max = Math.max(max, size[j]);
      }
      for (int j = 0; j <= 8; j++) {
        nonzero[j] |= size[j] > 1e-9 * max;
      }
    }
    j2 = first(nonzero, 2);
    j3 = first(nonzero, 3);
    l1 = first(nonzero, 1);
    l2 = first(nonzero, 2);
  }

  private static OptionalInt first(boolean[] nonzero, int from) {
    for (int j = from; j <= 8; j++) {
      if (nonzero[j]) {
        return OptionalInt.of(j);
      }
    }
    return OptionalInt.empty();
  }

  /** E[f(z)], z ~ N(0, 1). */
  static double gaussian(DoubleUnaryOperator f) {
    double sum = 0;
    for (int i = 0; i < NODES; i++) {
      double half = RANGE / 2;
      double z = half * (X[i] + 1);
      double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
      sum += half * W[i] * density * (f.applyAsDouble(z) + f.applyAsDouble(-z));
    }
    return sum;
  }

  static double he(int j, double z) {
    double previous = 1;
    double current = z;
    if (j == 0) {
      return 1;
    }
    for (int q = 1; q < j; q++) {
      double next = z * current - q * previous;
      previous = current;
      current = next;
    }
    return current;
  }

  @Override
  public Activation activation() {
    return activation;
  }

  @Override
  public double hermite(int j, double sigma) {
    return gaussian(z -> activation.value(sigma * z) * he(j, z));
  }

  @Override
  public double alpha(int q, double sigma) {
    return gaussian(z -> activation.derivative(sigma * z) * Math.pow(z, q));
  }

  @Override
  public double beta(int q, double sigma) {
    return gaussian(z -> Math.pow(activation.derivative(sigma * z), 2) * Math.pow(z, q));
  }

  @Override
  public double rho(double sigma) {
    double a0 = alpha(0, sigma);
    double a1 = alpha(1, sigma);
    double a2 = alpha(2, sigma);
    return Math.min(beta(0, sigma) - a0 * a0 - a1 * a1,
        Math.min(beta(2, sigma) - a1 * a1 - a2 * a2, a0 * a2 - a1 * a1));
  }

  @Override
  public OptionalDouble homogeneityDegree() {
    return activation.homogeneityDegree();
  }

  @Override
  public OptionalInt j2() {
    return j2;
  }

  @Override
  public OptionalInt j3() {
    return j3;
  }

  @Override
  public OptionalInt l1() {
    return l1;
  }

  @Override
  public OptionalInt l2() {
    return l2;
  }
}
