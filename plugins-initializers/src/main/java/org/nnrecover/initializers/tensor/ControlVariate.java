package org.nnrecover.initializers.tensor;

import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProfile;
import org.nnrecover.api.numerics.Vectors;

/**
 * Model-based control variate for the projected moments (docs/results.md, section 4a).
 *
 * <p>Once the initializer has an estimated network {@code f_hat(x) = sum_i v_i phi(sigma_i s_i
 * u_i . t)}, {@code t = V^T x} (every unit inside span(V)), a projected moment of y is estimated as
 * {@code E[f_hat(x) He(x)[..]] + mean_j (y_j - f_hat(x_j)) He(x_j)[..]}: the first term in closed
 * form (METHOD.md section 4: {@code M_j = sum_i v_i m_j(sigma_i) wbar_i^(j)}), the second from the
 * samples. Both terms together are unbiased for a fixed f_hat whatever f_hat is, and the sample
 * term's variance is that of {@code y - f_hat} instead of y, so it shrinks as the estimate
 * improves. Why it matters: at k = 40-50 and n = 10^5 the error of the initializer is the sampling
 * error of the k x k x k tensor (a refinement started from the true directions converges to the
 * same fit), which no decomposer can lower.
 */
final class ControlVariate {
  private ControlVariate() {}

  /**
   * An estimated network with every unit in span(V): unit i has direction {@code s_i V u_i} (u_i a
   * unit vector of R^k), magnitude sigma_i and output weight v_i.
   */
  record Network(double[][] u, double[] sigma, double[] s, double[] v) {}

  /**
   * {@code f_hat} at each position of the projections {@code t} (k coordinates per position):
   * {@code sum_i v_i phi(sigma_i s_i u_i . t_j)}.
   */
  static double[] values(Activation phi, Network net, double[] t, int k) {
    int n = t.length / k;
    int units = net.u().length;
    double[] scaled = new double[units * k]; // row i: sigma_i s_i u_i
    for (int i = 0; i < units; i++) {
      for (int c = 0; c < k; c++) {
        scaled[i * k + c] = net.sigma()[i] * net.s()[i] * net.u()[i][c];
      }
    }
    double[] out = new double[n];
    for (int j = 0; j < n; j++) {
      double f = 0;
      for (int i = 0; i < units; i++) {
        f += net.v()[i] * phi.value(Vectors.dot(scaled, i * k, t, j * k, k));
      }
      out[j] = f;
    }
    return out;
  }

  /**
   * The exact projected moment of f_hat, {@code E[f_hat(x) He_{s+m}(x)[V e_a1, .., V e_as,
   * alpha^m]]} with {@code alpha = V gamma} or any alpha whose projection is gamma (only
   * {@code alpha . wbar_i = s_i gamma . u_i} enters, and wbar_i lies in span(V)): the k^s tensor
   * {@code sum_i v_i m_{s+m}(sigma_i) s_i^(s+m) (gamma . u_i)^m u_i^(s)} (s = 1, 2 or 3).
   */
  static double[] closedForm(ActivationProfile profile, Network net, int s, int m, double[] gamma,
      int k) {
    int size = (int) Math.pow(k, s);
    double[] out = new double[size];
    for (int i = 0; i < net.u().length; i++) {
      double[] u = net.u()[i];
      double weight = net.v()[i] * profile.hermite(s + m, net.sigma()[i])
          * Math.pow(net.s()[i], s + m)
          * (m == 0 ? 1 : Math.pow(Vectors.dot(gamma, 0, u, 0, k), m));
      for (int flat = 0; flat < size; flat++) {
        double product = weight;
        int rest = flat;
        for (int p = 0; p < s; p++) {
          product *= u[rest % k];
          rest /= k;
        }
        out[flat] += product;
      }
    }
    return out;
  }

  /**
   * The control-variate estimate of the projected moment of order s + m (see the class comment):
   * closed form plus the sample mean of the residual labels {@code y - f_hat}, from which their
   * fitted Hermite part of degree <= {@code degree} in t is removed first (-1: none), as for the
   * plain estimator.
   *
   * @param residual {@code y_j - f_hat(x_j)} at each position of {@code part}
   */
  static double[] moment(Moments moments, ActivationProfile profile, Network net, int s, int m,
      TensorMethod.Projected part, double[] residual, double[] gamma, int k, int degree) {
    double[] labels = degree < 0 ? residual
        : MomentSteps.projectedResiduals(moments, residual, part.t(), k, degree);
    double[] sample = moments.projectedContraction(s, m, part.t(), k, labels, part.h(), gamma);
    double[] exact = closedForm(profile, net, s, m, gamma, k);
    for (int e = 0; e < sample.length; e++) {
      sample[e] += exact[e];
    }
    return sample;
  }

  /** {@code y - f} elementwise. */
  static double[] residual(double[] y, double[] f) {
    double[] out = new double[y.length];
    Vectors.axpy(-1, f, y, out); // y + (-1) f: exactly y - f
    return out;
  }

  /** The sample variance of {@code a} (mean removed, divided by the count). */
  static double variance(double[] a) {
    double mean = Vectors.sum(a) / a.length;
    double sum = 0;
    for (double x : a) {
      sum += (x - mean) * (x - mean);
    }
    return sum / a.length;
  }

  /** The mean of the squares of {@code a}. */
  static double meanSquare(double[] a) {
    return Vectors.dot(a, a) / a.length;
  }
}
