package org.nnrecover.initializers.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.nnrecover.api.ActivationProfile;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.numerics.Vectors;

/**
 * Magnitudes and signs of the hidden units from two moment estimates per unit (METHOD.md section
 * 5, steps 5 and 6; the paper's RecMagSign).
 *
 * <p>For unit i with estimated direction u_i (unknown sign s_i), the moment of order o contracted
 * as in step 5 gives {@code e_o,i = v_i s_i^o m_o(sigma_i)} once the factor a_i^(o-2) (or
 * a_i^(o-1)) is divided out. The second estimate's order is o2 (magnitudes), the first's o1
 * (signs). Magnitudes: for a homogeneous phi of degree p, {@code sigma = |e_o2 / m_o2(1)|^(1/p)};
 * otherwise the ratio {@code |e_o2 / e_o1| = |m_o2(sigma) / m_o1(sigma)|}, which does not depend on
 * v_i, is solved for sigma with a bracketing root finder on the profile's m_j curves. Signs: the
 * parities of o1 and o2 decide what is identifiable; {@code sign(e_o m_o(sigma)) = v s^o}.
 */
public final class UnitRecovery {
  /** Range and resolution of the sigma grid for the moment-ratio inversion. */
  static final double SIGMA_MIN = 0.02;
  static final double SIGMA_MAX = 50;
  static final int GRID = 241;

  private UnitRecovery() {}

  /** Below this fraction of |mean(y)|, m_0 counts as zero (an odd phi). */
  private static final double ZERO_MOMENT_TOLERANCE = 1e-9;

  /** Recovered units: magnitudes sigma_i, direction signs s_i, output weights v_i. */
  public record Units(double[] sigma, double[] s, double[] v) {}

  /**
   * @param profile the activation's profile (orders, Hermite coefficients)
   * @param o2 order of the magnitude estimate; @param e2raw its raw per-unit values (r_i)
   * @param a2 the factors a_i for e2raw, divided out as a_i^(o2 - 2)
   * @param o1 order of the sign estimate; @param e1raw its raw values (z_i)
   * @param a1 the factors a_i for e1raw, divided out as a_i^(o1 - 1)
   * @param ritz the top-k Ritz values of P2_hat (for the inertia cross-check), or null
   * @param j2 the order of P2_hat
   * @param meanLabel mean(y) = M_0 = sum_i v_i m_0(sigma_i), used for the signs when the other
   *     moments leave them open
   */
  public static Units recover(ActivationProfile profile, int o2, double[] e2raw, double[] a2,
      int o1, double[] e1raw, double[] a1, double[] ritz, int j2, double meanLabel,
      Diagnostics diagnostics) {
    int k = e2raw.length;
    double[] e2 = new double[k];
    double[] e1 = new double[k];
    for (int i = 0; i < k; i++) {
      e2[i] = e2raw[i] / Math.pow(a2[i], o2 - 2);
      e1[i] = e1raw[i] / Math.pow(a1[i], o1 - 1);
    }
    double[] sigma = magnitudes(profile, o2, e2, o1, e1, diagnostics);
    replaceDegenerateMagnitudes(sigma, diagnostics);

    double[] sign2 = new double[k];
    double[] sign1 = new double[k];
    for (int i = 0; i < k; i++) {
      sign2[i] = signOf(e2[i] * profile.hermite(o2, sigma[i]));
      sign1[i] = signOf(e1[i] * profile.hermite(o1, sigma[i]));
    }
    boolean even2 = o2 % 2 == 0;
    boolean even1 = o1 % 2 == 0;
    // v is read from the even-order estimate when there is one; s from the other if it is odd.
    double[] vSource = even2 || !even1 ? sign2 : sign1;
    double[] sSource = even2 ? (even1 ? null : sign1) : (even1 ? sign2 : null);
    String convention = sSource != null ? "v and s identifiable"
        : even2 ? "phi even in these moments: s = +1 (w and -w give the same network)"
            : "phi odd in these moments: s = +1, v carries the sign ((v, w) ~ (-v, -w))";
    diagnostics.put("signs.convention", convention);

    double[] v = vSource.clone();
    inertiaCheck(profile, j2, ritz, v, e2, diagnostics);
    double[] s = new double[k];
    for (int i = 0; i < k; i++) {
      s[i] = sSource == null ? 1 : sSource[i] * v[i];
    }
    if (sSource == null && !even2) {
      zerothMomentCheck(profile, sigma, v, s, meanLabel, diagnostics);
    }
    diagnostics.put("magnitudes.sigma", toList(sigma));
    return new Units(sigma, s, v);
  }

  /**
   * When every usable order is odd, the moments fix only the products v_i s_i. Flipping a unit
   * ((v_i, s_i) -> (-v_i, -s_i)) changes nothing for an odd phi, but for sigmoid, where
   * phi(-z) = 1 - phi(z), it shifts the network by the constant -v_i. So when m_0 != 0 the signs
   * are chosen to fit mean(y) = sum_i v_i m_0(sigma_i), by greedy single flips while they bring
   * the fit closer; for sigmoid every choice with the right count of v_i = +1 is the same network.
   */
  static void zerothMomentCheck(ActivationProfile profile, double[] sigma, double[] v, double[] s,
      double meanLabel, Diagnostics diagnostics) {
    int k = v.length;
    double[] m0 = new double[k];
    double scale = 0;
    for (int i = 0; i < k; i++) {
      m0[i] = profile.hermite(0, sigma[i]);
      scale = Math.max(scale, Math.abs(m0[i]));
    }
    if (scale <= ZERO_MOMENT_TOLERANCE * Math.max(1, Math.abs(meanLabel))) {
      diagnostics.put("zeroth-moment.check", "not applicable (m_0 = 0: the signs are a convention)");
      return;
    }
    double fitted = Vectors.dot(v, 0, m0, 0, k);
    List<Integer> flipped = new ArrayList<>();
    while (true) {
      int best = -1;
      double bestGap = Math.abs(meanLabel - fitted);
      for (int i = 0; i < k; i++) {
        double gap = Math.abs(meanLabel - (fitted - 2 * v[i] * m0[i]));
        if (gap < bestGap - 1e-12 * scale) {
          best = i;
          bestGap = gap;
        }
      }
      if (best < 0) {
        break;
      }
      fitted -= 2 * v[best] * m0[best];
      v[best] = -v[best];
      s[best] = -s[best];
      flipped.add(best);
    }
    diagnostics.put("zeroth-moment.check", flipped.isEmpty() ? "agreed" : "flipped");
    diagnostics.put("zeroth-moment.flipped", flipped);
    diagnostics.put("zeroth-moment.residual", meanLabel - fitted);
  }

  /**
   * A magnitude that came out zero or non-finite (a fitted weight r_i of exactly 0 or NaN, seen at
   * small n) would leave the unit dead; it takes the median of the other units' magnitudes instead
   * (1 when there are none), and the units concerned are recorded.
   */
  static void replaceDegenerateMagnitudes(double[] sigma, Diagnostics diagnostics) {
    double[] good = Arrays.stream(sigma).filter(x -> x > 0 && Double.isFinite(x))
        .sorted().toArray();
    double fallback = good.length == 0 ? 1 : good[good.length / 2];
    List<Integer> replaced = new ArrayList<>();
    for (int i = 0; i < sigma.length; i++) {
      if (!(sigma[i] > 0 && Double.isFinite(sigma[i]))) {
        sigma[i] = fallback;
        replaced.add(i);
      }
    }
    if (!replaced.isEmpty()) {
      diagnostics.put("magnitudes.degenerate-units", replaced);
      diagnostics.put("magnitudes.degenerate-fallback", "median of the other units' magnitudes");
    }
  }

  private static double[] magnitudes(ActivationProfile profile, int o2, double[] e2, int o1,
      double[] e1, Diagnostics diagnostics) {
    int k = e2.length;
    double[] sigma = new double[k];
    OptionalDouble degree = profile.homogeneityDegree();
    if (degree.isPresent()) {
      double c2 = profile.hermite(o2, 1);
      for (int i = 0; i < k; i++) {
        sigma[i] = Math.pow(Math.abs(e2[i] / c2), 1 / degree.getAsDouble());
      }
      diagnostics.put("magnitudes.method", "homogeneous: sigma = |r / m_" + o2 + "(1)|^(1/p)");
      return sigma;
    }
    diagnostics.put("magnitudes.method", o1 != o2
        ? "moment ratio |m_" + o2 + "(sigma) / m_" + o1 + "(sigma)| solved on [" + SIGMA_MIN + ", "
            + SIGMA_MAX + "]"
        : "no two distinct orders: fallback for every unit");
    double[] grid = new double[GRID];
    double[] m2 = new double[GRID];
    double[] m1 = new double[GRID];
    for (int g = 0; g < GRID; g++) {
      grid[g] = SIGMA_MIN * Math.pow(SIGMA_MAX / SIGMA_MIN, g / (GRID - 1.0));
      m2[g] = profile.hermite(o2, grid[g]);
      m1[g] = profile.hermite(o1, grid[g]);
    }
    List<Integer> unrecoverable = new ArrayList<>();
    List<String> how = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      double root = Double.NaN;
      if (o1 != o2 && e1[i] != 0) {
        double target = Math.abs(e2[i] / e1[i]);
        root = uniqueRoot(profile, grid, o2, o1, m2, m1, target, true);
      }
      if (!Double.isNaN(root)) {
        sigma[i] = root;
        how.add("ratio");
        continue;
      }
      unrecoverable.add(i);
      // Fallback, documented: assume |v_i| = 1 (the paper's model) and solve |m_o2(sigma)| = |e2|.
      root = uniqueRoot(profile, grid, o2, o1, m2, null, Math.abs(e2[i]), false);
      sigma[i] = Double.isNaN(root) ? 1 : root;
      how.add(Double.isNaN(root) ? "fallback sigma = 1" : "fallback |v| = 1");
    }
    diagnostics.put("magnitudes.unrecoverable", unrecoverable);
    diagnostics.put("magnitudes.per-unit", how);
    return sigma;
  }

  /**
   * The unique sigma on the grid range where {@code g(sigma) = target}, g being |m_o2 / m_o1|
   * ({@code ratio}) or |m_o2|; NaN when there is no sign change or more than one.
   */
  private static double uniqueRoot(ActivationProfile profile, double[] grid, int o2, int o1,
      double[] m2, double[] m1, double target, boolean ratio) {
    int brackets = 0;
    int at = -1;
    double previous = Double.NaN;
    for (int g = 0; g < grid.length; g++) {
      double value = (ratio ? Math.abs(m2[g] / m1[g]) : Math.abs(m2[g])) - target;
      if (g > 0 && Double.isFinite(value) && Double.isFinite(previous)
          && (value == 0 || Math.signum(value) != Math.signum(previous))) {
        brackets++;
        at = g;
      }
      previous = value;
    }
    if (brackets != 1) {
      return Double.NaN;
    }
    double lo = Math.log(grid[at - 1]);
    double hi = Math.log(grid[at]);
    double flo = curve(profile, o2, o1, Math.exp(lo), ratio) - target;
    for (int iteration = 0; iteration < 60; iteration++) {
      double mid = 0.5 * (lo + hi);
      double fmid = curve(profile, o2, o1, Math.exp(mid), ratio) - target;
      if (Math.signum(fmid) == Math.signum(flo)) {
        lo = mid;
        flo = fmid;
      } else {
        hi = mid;
      }
    }
    return Math.exp(0.5 * (lo + hi));
  }

  private static double curve(ActivationProfile profile, int o2, int o1, double sigma,
      boolean ratio) {
    double a = profile.hermite(o2, sigma);
    return ratio ? Math.abs(a / profile.hermite(o1, sigma)) : Math.abs(a);
  }

  /**
   * Cross-checks the count of v_i = +1 with the inertia of P2_hat (METHOD.md section 5, step 5):
   * when j2 - 2 is even and m_j2(sigma) keeps one sign, the number of positive top-k Ritz values
   * (times that sign) is the number of units with v_i = +1. On disagreement the least certain
   * units (smallest |e2|) are flipped to match, and recorded.
   */
  private static void inertiaCheck(ActivationProfile profile, int j2, double[] ritz, double[] v,
      double[] e2, Diagnostics diagnostics) {
    int k = v.length;
    double constantSign = constantSign(profile, j2);
    if (ritz == null || (j2 - 2) % 2 != 0 || constantSign == 0) {
      diagnostics.put("inertia.check", "not applicable (j2 - 2 odd or m_j2 changes sign)");
      return;
    }
    int positiveRitz = 0;
    for (int i = 0; i < k; i++) {
      if (ritz[i] > 0) {
        positiveRitz++;
      }
    }
    int expected = constantSign > 0 ? positiveRitz : k - positiveRitz;
    int actual = 0;
    for (double vi : v) {
      if (vi > 0) {
        actual++;
      }
    }
    diagnostics.put("inertia.expected-positive-v", expected);
    diagnostics.put("inertia.moment-positive-v", actual);
    List<Integer> flipped = new ArrayList<>();
    Integer[] byCertainty = new Integer[k];
    for (int i = 0; i < k; i++) {
      byCertainty[i] = i;
    }
    Arrays.sort(byCertainty, (x, y) -> Double.compare(Math.abs(e2[x]), Math.abs(e2[y])));
    for (int idx : byCertainty) {
      if (actual == expected) {
        break;
      }
      if ((actual > expected) == (v[idx] > 0)) {
        v[idx] = -v[idx];
        actual += v[idx] > 0 ? 1 : -1;
        flipped.add(idx);
      }
    }
    diagnostics.put("inertia.check", flipped.isEmpty() ? "agreed" : "flipped");
    diagnostics.put("inertia.flipped", flipped);
  }

  /** +1 or -1 if m_j(sigma) keeps that sign on [0.1, 10] (41 log-spaced points), else 0. */
  static double constantSign(ActivationProfile profile, int j) {
    double sign = 0;
    for (int g = 0; g <= 40; g++) {
      double value = profile.hermite(j, Math.pow(10, -1 + g / 20.0));
      double sg = signOf(value);
      if (value == 0 || (sign != 0 && sg != sign)) {
        return 0;
      }
      sign = sg;
    }
    return sign;
  }

  private static double signOf(double x) {
    return x < 0 ? -1 : 1;
  }

  static List<Double> toList(double[] a) {
    List<Double> list = new ArrayList<>(a.length);
    for (double x : a) {
      list.add(x);
    }
    return list;
  }
}
