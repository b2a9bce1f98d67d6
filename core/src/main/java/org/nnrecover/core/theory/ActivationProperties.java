package org.nnrecover.core.theory;

import java.util.ArrayList;
import java.util.List;
import org.nnrecover.api.Activation;

/**
 * The property verdicts of METHOD.md section 3 (P1, P2, P3, homogeneity, tensor orders), decided
 * numerically from an activation's phi, phi' and phi''.
 */
public final class ActivationProperties {
  /** Default sigmas for P2 and the rho table: the paper's columns. */
  public static final double[] PAPER_SIGMAS = {0.1, 1, 10};
  /** |z| grid for P1/P3: 1e-4 .. 1e4, 20 points per decade, both signs. */
  private static final double[] GRID;
  private static final double SMALL = 1e-4;
  private static final double LARGE = 1e4;
  private static final double[] HOMOGENEITY_POINTS = {0.01, 0.1, 0.5, 1, 2, 5, 10, 100};
  private static final double[] SCALES = {0.5, 2, 3.5};

  static {
    int perSide = 8 * 20 + 1;
    GRID = new double[2 * perSide];
    for (int i = 0; i < perSide; i++) {
      double z = SMALL * Math.pow(10, i / 20.0);
      GRID[2 * i] = z;
      GRID[2 * i + 1] = -z;
    }
  }

  private ActivationProperties() {}

  /**
   * The full report.
   *
   * @param name the activation's name, for the report
   * @param profile its profile (from {@link ActivationProfiles})
   * @param sigmas the sigmas for rho and P2; each finite and > 0
   */
  public static PropertyReport analyze(String name, ActivationProfiles.Profile profile,
      double... sigmas) {
    if (sigmas.length == 0) {
      throw new IllegalArgumentException("at least one sigma is needed for rho and P2");
    }
    List<PropertyReport.RhoValue> rho = new ArrayList<>();
    String nonFinite = profile.nonFinite();
    for (double sigma : sigmas) {
      if (nonFinite == null) {
        nonFinite = profile.moments(sigma).nonFinite();
      }
    }
    if (nonFinite != null) {
      for (double sigma : sigmas) {
        GaussianMoments m = profile.moments(sigma);
        rho.add(new PropertyReport.RhoValue(sigma, m.rho(), m.rhoTerms(), m.minimumTerm()));
      }
      return new PropertyReport(name, List.copyOf(rho), profile.moments(1).hermite(), null, null,
          null, null, null, "no verdicts: the activation returns non-finite values on Gaussian"
              + " inputs (" + nonFinite + ")", nonFinite);
    }
    double minRho = Double.POSITIVE_INFINITY;
    double atSigma = Double.NaN;
    boolean positive = true;
    for (double sigma : sigmas) {
      GaussianMoments m = profile.moments(sigma);
      rho.add(new PropertyReport.RhoValue(sigma, m.rho(), m.rhoTerms(), m.minimumTerm()));
      double scale = Math.max(m.beta(0), m.beta(2));
      positive &= m.rho() > 1e-9 * scale;
      if (m.rho() < minRho) {
        minRho = m.rho();
        atSigma = sigma;
      }
    }
    Activation a = profile.activation();
    TensorOrders orders = profile.orders();
    return new PropertyReport(name, List.copyOf(rho), profile.moments(1).hermite(), p1(a),
        new PropertyReport.P2(positive, minRho, atSigma), p3(a), homogeneity(a), orders,
        orders.statement(), null);
  }

  /** P1: phi' >= 0 and phi'(z) <= L1 |z|^p, p the growth exponent of phi' at infinity. */
  static PropertyReport.P1 p1(Activation a) {
    String reason = null;
    double maxDerivative = 0;
    for (double z : GRID) {
      maxDerivative = Math.max(maxDerivative, Math.abs(a.derivative(z)));
    }
    for (double z : GRID) {
      if (a.derivative(z) < -1e-14 * maxDerivative) {
        reason = "phi'(" + z + ") = " + a.derivative(z) + " < 0";
        break;
      }
    }
    double growth = Math.max(slope(a, LARGE / 10, LARGE), slope(a, -LARGE / 10, -LARGE));
    double p = Math.max(0, Math.rint(growth * 1e6) / 1e6);
    double nearZero = Math.min(slope(a, SMALL, SMALL * 10), slope(a, -SMALL, -SMALL * 10));
    // near 0 a smooth phi' with phi'(0) != 0 has a log-log slope of order |z| phi''/phi' (about
    // 1e-4 on the grid), not exactly 0, hence the 0.01 allowance
    if (reason == null && !(p <= nearZero + 0.01)) {
      reason = "phi' grows like |z|^" + p + " at infinity but is not O(|z|^" + p + ") at 0";
    }
    double l1 = 0;
    for (double z : GRID) {
      l1 = Math.max(l1, Math.abs(a.derivative(z)) / Math.pow(Math.abs(z), p));
    }
    return new PropertyReport.P1(reason == null, p, l1, reason);
  }

  /**
   * Log-log slope of |phi'| between z1 and z2 (same sign, |z2| > |z1|): +infinity where phi' is 0
   * at both (no constraint), -infinity where it has decayed to 0 at z2.
   */
  private static double slope(Activation a, double z1, double z2) {
    double d1 = Math.abs(a.derivative(z1));
    double d2 = Math.abs(a.derivative(z2));
    if (d1 == 0 && d2 == 0) {
      return z1 * z1 < 1 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
    return Math.log(d2 / d1) / Math.log(Math.abs(z2 / z1));
  }

  /** P3: phi'' = 0 off the kink (piecewise linear), or |phi''| bounded (not growing at infinity). */
  static PropertyReport.P3 p3(Activation a) {
    double l2 = 0;
    double l2Moderate = 0;
    double maxDerivative = 0;
    for (double z : GRID) {
      double s = Math.abs(a.secondDerivative(z));
      l2 = Math.max(l2, s);
      if (Math.abs(z) <= 100) {
        l2Moderate = Math.max(l2Moderate, s);
      }
      maxDerivative = Math.max(maxDerivative, Math.abs(a.derivative(z)));
    }
    double below = a.derivative(-1e-9);
    double above = a.derivative(1e-9);
    boolean continuous = Math.abs(above - below) <= 1e-6 * (1 + Math.abs(above));
    if (l2 <= 1e-12 * (1 + maxDerivative)) {
      return new PropertyReport.P3(true, "piecewise-linear", l2, continuous);
    }
    // bounded when |phi''| on |z| in [100, 1e4] never exceeds its maximum on |z| <= 100
    boolean bounded = Double.isFinite(l2) && l2 <= l2Moderate * (1 + 1e-9);
    return new PropertyReport.P3(bounded, bounded ? "bounded-second-derivative"
        : "unbounded-second-derivative", l2, continuous);
  }

  /** Declared degree checked on a grid; undeclared homogeneity detected from phi(c z) / phi(z). */
  static PropertyReport.Homogeneity homogeneity(Activation a) {
    Double declared = a.homogeneityDegree().isPresent() ? a.homogeneityDegree().getAsDouble()
        : null;
    Boolean declaredHolds = declared == null ? null : holdsWithDegree(a, declared);
    return new PropertyReport.Homogeneity(declared, declaredHolds, detectDegree(a));
  }

  private static boolean holdsWithDegree(Activation a, double p) {
    for (double c : SCALES) {
      double factor = Math.pow(c, p);
      for (double t : HOMOGENEITY_POINTS) {
        for (double z : new double[] {t, -t}) {
          double expected = factor * a.value(z);
          if (!(Math.abs(a.value(c * z) - expected) <= 1e-10 * Math.abs(expected) + 1e-300)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** The p with phi(c z) = c^p phi(z) at every test point, or null when none fits. */
  private static Double detectDegree(Activation a) {
    Double p = null;
    for (double t : HOMOGENEITY_POINTS) {
      for (double z : new double[] {t, -t}) {
        double value = a.value(z);
        double scaled = a.value(2 * z);
        if (value != 0 && scaled / value > 0) {
          p = Math.log(scaled / value) / Math.log(2);
          break;
        }
      }
      if (p != null) {
        break;
      }
    }
    if (p == null || p < 0 || a.value(0) != 0) {
      return null;
    }
    double rounded = Math.rint(p * 1e9) / 1e9;
    return holdsWithDegree(a, rounded) ? rounded : null;
  }
}
