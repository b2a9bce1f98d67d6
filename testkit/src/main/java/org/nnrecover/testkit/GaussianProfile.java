package org.nnrecover.testkit;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProfile;
import org.nnrecover.api.numerics.GaussianQuadrature;
import org.nnrecover.api.numerics.Hermite;

/**
 * A plain {@link ActivationProfile} for tests: each Gaussian expectation by the same quadrature as
 * the core's profiles ({@link GaussianQuadrature}, in the api so that the kit needs nothing else),
 * so a plugin sees here, to rounding, the Hermite coefficients, alpha, beta and rho that nnrecover
 * computes. What the kit keeps simpler is the tensor-order rule, examined at three scales instead
 * of nine.
 */
final class GaussianProfile implements ActivationProfile {
  private final Activation activation;

  GaussianProfile(Activation activation) {
    this.activation = activation;
  }

  @Override
  public Activation activation() {
    return activation;
  }

  @Override
  public double hermite(int j, double sigma) {
    return GaussianQuadrature.expectation(
        z -> activation.value(sigma * z) * Hermite.value(j, z));
  }

  @Override
  public double alpha(int q, double sigma) {
    return GaussianQuadrature.expectation(z -> activation.derivative(sigma * z) * Math.pow(z, q));
  }

  @Override
  public double beta(int q, double sigma) {
    return GaussianQuadrature.expectation(z -> {
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
