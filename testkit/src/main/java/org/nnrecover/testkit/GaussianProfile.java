package org.nnrecover.testkit;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.DoubleUnaryOperator;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProfile;

/**
 * A plain {@link ActivationProfile} for tests: Gaussian expectations by composite Simpson rules on
 * [-12, 0] and [0, 12] separately (so a kink at 0 costs no accuracy), 2000 intervals each; about
 * 1e-10 absolute for the standard activations, which is plenty for testing an initializer. The core
 * uses a more careful quadrature; this one exists so that the kit needs nothing but the api.
 */
final class GaussianProfile implements ActivationProfile {
  private static final int INTERVALS = 2000;
  private static final double CUTOFF = 12;
  private final Activation activation;

  GaussianProfile(Activation activation) {
    this.activation = activation;
  }

  /** E[f(z)], z ~ N(0, 1). */
  static double expectation(DoubleUnaryOperator f) {
    return half(f, -CUTOFF, 0) + half(f, 0, CUTOFF);
  }

  private static double half(DoubleUnaryOperator f, double a, double b) {
    double h = (b - a) / INTERVALS;
    double sum = 0;
    for (int i = 0; i <= INTERVALS; i++) {
      // endpoints are nudged inside the interval, so a jump of phi' at 0 gets its one-sided value
      double z = i == 0 ? Math.nextUp(a) : i == INTERVALS ? Math.nextDown(b) : a + i * h;
      double weight = i == 0 || i == INTERVALS ? 1 : (i % 2 == 1 ? 4 : 2);
      sum += weight * f.applyAsDouble(z) * Math.exp(-0.5 * z * z);
    }
    return sum * h / 3 / Math.sqrt(2 * Math.PI);
  }

  /** Probabilists' Hermite polynomial He_j(z) by its three-term recurrence. */
  static double hermitePolynomial(int j, double z) {
    double previous = 1;
    double current = z;
    if (j == 0) {
      return previous;
    }
    for (int m = 1; m < j; m++) {
      double next = z * current - m * previous;
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
    return expectation(z -> activation.value(sigma * z) * hermitePolynomial(j, z));
  }

  @Override
  public double alpha(int q, double sigma) {
    return expectation(z -> activation.derivative(sigma * z) * Math.pow(z, q));
  }

  @Override
  public double beta(int q, double sigma) {
    return expectation(z -> {
      double d = activation.derivative(sigma * z);
      return d * d * Math.pow(z, q);
    });
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
    return firstNonZero(2);
  }

  @Override
  public OptionalInt j3() {
    return firstNonZero(3);
  }

  @Override
  public OptionalInt l1() {
    return firstNonZero(1);
  }

  @Override
  public OptionalInt l2() {
    return firstNonZero(2);
  }

  /**
   * Smallest j >= from with m_j != 0, relative to the largest |m_j|, j <= 8 (METHOD.md section 4),
   * at sigma = 1 for a homogeneous phi and over sigma in {0.1, 1, 10} otherwise.
   */
  private OptionalInt firstNonZero(int from) {
    double[] sigmas = homogeneityDegree().isPresent() ? new double[] {1} : new double[] {0.1, 1, 10};
    double[] largest = new double[9];
    for (double sigma : sigmas) {
      double[] m = new double[9];
      double scale = 0;
      for (int j = 0; j <= 8; j++) {
        m[j] = hermite(j, sigma);
        scale = Math.max(scale, Math.abs(m[j]));
      }
      for (int j = 0; j <= 8; j++) {
        largest[j] = Math.max(largest[j], scale == 0 ? 0 : Math.abs(m[j]) / scale);
      }
    }
    for (int j = from; j <= 8; j++) {
      if (largest[j] > 1e-9) {
        return OptionalInt.of(j);
      }
    }
    return OptionalInt.empty();
  }
}
