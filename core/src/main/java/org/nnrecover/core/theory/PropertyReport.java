package org.nnrecover.core.theory;

import java.util.List;

/**
 * Everything {@code nnrecover properties} shows for one activation: plain records and boxed
 * numbers (null where a quantity does not exist), so it serializes to JSON as it stands.
 *
 * @param activation the activation's name as given by the caller
 * @param rho rho(sigma) with its three terms at each sigma asked for
 * @param hermite m_j(1) for j = 0..8
 * @param p1 property P1: 0 <= phi'(z) <= L1 |z|^p
 * @param p2 property P2: rho(sigma) > 0 at every sigma asked for
 * @param p3 property P3: |phi''| <= L2, or phi piecewise linear
 * @param homogeneity declared and detected homogeneity degree
 * @param tensorOrders j2, j3, l1, l2 (null where none) and whether the tensor method can run
 * @param tensorStatement one sentence on the tensor orders
 * @param nonFinite where phi or phi' is not finite on Gaussian inputs ({@code phi(z) = NaN, ...}),
 *     null when finite everywhere; when set, p1, p2, p3, homogeneity and the tensor orders are null
 *     (no verdict is computed from non-finite values) and tensorStatement says why
 */
public record PropertyReport(String activation, List<RhoValue> rho, double[] hermite, P1 p1,
    P2 p2, P3 p3, Homogeneity homogeneity, TensorOrders tensorOrders, String tensorStatement,
    String nonFinite) {

  /**
   * rho at one sigma.
   *
   * @param sigma the scale
   * @param rho the minimum of the three terms (raw, may be negative)
   * @param terms beta_0 - alpha_0^2 - alpha_1^2, beta_2 - alpha_1^2 - alpha_2^2,
   *     alpha_0 alpha_2 - alpha_1^2
   * @param minimumTerm which term is the minimum (1, 2 or 3)
   */
  public record RhoValue(double sigma, double rho, double[] terms, int minimumTerm) {}

  /**
   * P1, checked on a grid of |z| from 1e-4 to 1e4 on both sides of 0.
   *
   * @param holds phi' >= 0 everywhere on the grid and phi' / |z|^p bounded at 0 and at infinity
   * @param p the fitted exponent (growth of phi' at infinity, at least 0)
   * @param l1 max phi'(z) / |z|^p over the grid
   * @param reason why P1 fails, or null
   */
  public record P1(boolean holds, double p, double l1, String reason) {}

  /**
   * P2.
   *
   * @param holds rho(sigma) > 1e-9 max(beta_0, beta_2) at every sigma asked for (so a rho that is
   *     zero up to rounding, as for the linear phi, fails)
   * @param minRho the smallest rho over those sigmas
   * @param atSigma where it is attained
   */
  public record P2(boolean holds, double minRho, double atSigma) {}

  /**
   * P3.
   *
   * @param holds piecewise linear, or |phi''| bounded
   * @param kind "piecewise-linear", "bounded-second-derivative" or "unbounded-second-derivative"
   * @param l2 max |phi''| over the grid
   * @param continuousDerivative whether phi' is continuous at 0 (false for the ReLU family's kink)
   */
  public record P3(boolean holds, String kind, double l2, boolean continuousDerivative) {}

  /**
   * Homogeneity phi(c z) = c^p phi(z), c > 0.
   *
   * @param declaredDegree the plugin's declared degree, or null
   * @param declaredHolds whether the declared degree checks numerically (null when none declared)
   * @param detectedDegree the degree found numerically, or null if phi is not homogeneous
   */
  public record Homogeneity(Double declaredDegree, Boolean declaredHolds, Double detectedDegree) {}
}
