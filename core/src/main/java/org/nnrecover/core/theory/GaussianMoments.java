package org.nnrecover.core.theory;

import org.nnrecover.api.Activation;
import org.nnrecover.api.numerics.GaussianQuadrature;
import org.nnrecover.api.numerics.Hermite;

/**
 * All the Gaussian expectations of one activation at one scale sigma, computed in one pass over
 * the quadrature nodes (METHOD.md section 3).
 *
 * @param sigma the scale, > 0
 * @param hermite m_j(sigma) = E[phi(sigma z) He_j(z)] for j = 0..8
 * @param alpha alpha_q(sigma) = E[phi'(sigma z) z^q] for q = 0, 1, 2
 * @param beta beta_q(sigma) = E[phi'(sigma z)^2 z^q] for q = 0, 1, 2
 * @param rhoTerms the three terms of rho: beta_0 - alpha_0^2 - alpha_1^2,
 *     beta_2 - alpha_1^2 - alpha_2^2, alpha_0 alpha_2 - alpha_1^2
 * @param rho the smallest of the three terms
 * @param minimumTerm which term is the smallest: 1, 2 or 3 (the first one on a tie)
 * @param nonFinite the first quadrature node where phi or phi' was not finite, as
 *     {@code phi(z) = NaN, phi'(z) = 0}; null when every value was finite (only then do the
 *     numbers above mean anything)
 */
public record GaussianMoments(double sigma, double[] hermite, double[] alpha, double[] beta,
    double[] rhoTerms, double rho, int minimumTerm, String nonFinite) {

  /** Highest Hermite order computed. */
  public static final int MAX_ORDER = 8;

  /** Integrates everything for {@code activation} at {@code sigma}. */
  public static GaussianMoments of(Activation activation, double sigma) {
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be a finite number > 0, got " + sigma);
    }
    double[] m = new double[MAX_ORDER + 1];
    double[] a = new double[3];
    double[] b = new double[3];
    double[] he = new double[MAX_ORDER + 1];
    String nonFinite = null;
    for (int i = 0; i < GaussianQuadrature.size(); i++) {
      double w = GaussianQuadrature.weight(i);
      for (int side = -1; side <= 1; side += 2) {
        double z = side * GaussianQuadrature.node(i);
        double phi = activation.value(sigma * z);
        double d = activation.derivative(sigma * z);
        if (nonFinite == null && !(Double.isFinite(phi) && Double.isFinite(d))) {
          nonFinite = "phi(" + sigma * z + ") = " + phi + ", phi'(" + sigma * z + ") = " + d;
        }
        Hermite.values(z, MAX_ORDER, he);
        double wphi = w * phi;
        for (int j = 0; j <= MAX_ORDER; j++) {
          m[j] += wphi * he[j];
        }
        double wd = w * d;
        double wd2 = wd * d;
        a[0] += wd;
        a[1] += wd * z;
        a[2] += wd * z * z;
        b[0] += wd2;
        b[1] += wd2 * z;
        b[2] += wd2 * z * z;
      }
    }
    double[] terms = {b[0] - a[0] * a[0] - a[1] * a[1], b[2] - a[1] * a[1] - a[2] * a[2],
        a[0] * a[2] - a[1] * a[1]};
    int argmin = 0;
    for (int t = 1; t < 3; t++) {
      if (terms[t] < terms[argmin]) {
        argmin = t;
      }
    }
    return new GaussianMoments(sigma, m, a, b, terms, terms[argmin], argmin + 1, nonFinite);
  }

  /** m_j(sigma), 0 <= j <= 8. */
  public double hermite(int j) {
    if (j < 0 || j > MAX_ORDER) {
      throw new IllegalArgumentException("Hermite order must be in 0.." + MAX_ORDER + ", got " + j);
    }
    return hermite[j];
  }

  /** alpha_q(sigma), q = 0, 1, 2. */
  public double alpha(int q) {
    return alpha[checkQ(q)];
  }

  /** beta_q(sigma), q = 0, 1, 2. */
  public double beta(int q) {
    return beta[checkQ(q)];
  }

  private static int checkQ(int q) {
    if (q < 0 || q > 2) {
      throw new IllegalArgumentException("moment order q must be 0, 1 or 2, got " + q);
    }
    return q;
  }
}
