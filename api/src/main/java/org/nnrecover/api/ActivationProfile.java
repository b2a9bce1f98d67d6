package org.nnrecover.api;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The numerically derived properties of one activation (METHOD.md section 3 and 4), computed by the
 * core and handed to initializers so that they never integrate anything themselves.
 *
 * <p>All expectations are over z ~ N(0, 1). Implementations are immutable and thread-safe.
 *
 * @since 1.0
 */
public interface ActivationProfile {

  /** The activation this profile describes. */
  Activation activation();

  /**
   * Hermite coefficient {@code m_j(sigma) = E[phi(sigma z) He_j(z)]} with probabilists' Hermite
   * polynomials (He_2 = z^2 - 1). Valid for j = 0..8 and sigma > 0.
   */
  double hermite(int j, double sigma);

  /** {@code alpha_q(sigma) = E[phi'(sigma z) z^q]} for q = 0, 1, 2. */
  double alpha(int q, double sigma);

  /** {@code beta_q(sigma) = E[phi'(sigma z)^2 z^q]} for q = 0, 1, 2. */
  double beta(int q, double sigma);

  /**
   * {@code rho(sigma) = min{beta_0 - alpha_0^2 - alpha_1^2, beta_2 - alpha_1^2 - alpha_2^2,
   * alpha_0 alpha_2 - alpha_1^2}}, the paper's property P2 asks it to be positive.
   */
  double rho(double sigma);

  /** The declared homogeneity degree, if any (same as the activation's). */
  OptionalDouble homogeneityDegree();

  /** Smallest j >= 2 with M_j != 0: the order of the second-moment matrix P2; empty if none. */
  OptionalInt j2();

  /** Smallest j >= 3 with M_j != 0: the order of the third-order tensor P3; empty if none. */
  OptionalInt j3();

  /** Smallest j >= 1 with M_j != 0: the order used for the signs (Q1); empty if none. */
  OptionalInt l1();

  /** Smallest j >= 2 with M_j != 0: the order used for the magnitudes (Q2); empty if none. */
  OptionalInt l2();
}
