package org.nnrecover.initializers.tensor;

import org.nnrecover.api.Activation;
import org.nnrecover.api.SampleReducer;
import org.nnrecover.api.numerics.Vectors;

/**
 * Magnitudes by least squares on the projected samples once the directions are known (METHOD.md
 * section 5, step 6, for activations that are not homogeneous).
 *
 * <p>Why: the moment-ratio inversion of {@link UnitRecovery} divides two noisy moment estimates and
 * inverts a flat curve, so its error has heavy tails (a unit of norm 1.5 came out at 10). With the
 * directions wbar_i = s_i V u_i and the output signs v_i fixed, the network's own least-squares
 * objective {@code sum_j (sum_i v_i phi(sigma_i h_ij) - y_j)^2}, {@code h_ij = s_i u_i . t_j}, is a
 * smooth problem in the k magnitudes alone. It is minimized by Levenberg-Marquardt from the moment
 * estimates (k x k normal equations, one pass over the n x k projections per iteration), so the
 * result is the magnitudes that best explain y given everything else the initializer outputs.
 */
final class MagnitudeFit {
  private static final int MAX_ITERATIONS = 50;

  private MagnitudeFit() {}

  /**
   * @param sigma fitted magnitudes
   * @param before mean squared residual at the start
   * @param after mean squared residual at the end
   * @param iterations Levenberg-Marquardt iterations done
   */
  record Result(double[] sigma, double before, double after, int iterations) {}

  /**
   * @param phi the activation
   * @param t projections {@code V^T x_j}, k per position
   * @param y labels, one per position
   * @param u unit directions in R^k
   * @param s direction signs
   * @param v output weights (fixed)
   * @param start magnitudes to start from (positive)
   * @param lower smallest magnitude allowed
   * @param upper largest magnitude allowed
   */
  static Result fit(Activation phi, double[] t, double[] y, double[][] u, double[] s,
      double[] v, double[] start, double lower, double upper, SampleReducer reducer) {
    int k = start.length;
    int dim = u[0].length;
    int n = y.length;
    double[] h = new double[n * k]; // h_ij = s_i u_i . t_j
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < k; i++) {
        h[j * k + i] = s[i] * Vectors.dot(u[i], 0, t, j * dim, dim);
      }
    }
    double[] sigma = start.clone();
    double[] normal = normalEquations(phi, h, y, v, sigma, k, reducer);
    double before = normal[k * k + k] / n;
    double f = normal[k * k + k];
    double mu = -1;
    int iterations = 0;
    while (iterations < MAX_ITERATIONS) {
      iterations++;
      if (mu < 0) {
        double maxDiag = 0;
        for (int i = 0; i < k; i++) {
          maxDiag = Math.max(maxDiag, normal[i * k + i]);
        }
        mu = 1e-3 * maxDiag;
      }
      boolean improved = false;
      while (!improved && mu < 1e20 * Math.max(f, 1e-300)) {
        double[] damped = java.util.Arrays.copyOf(normal, k * k);
        for (int i = 0; i < k; i++) {
          damped[i * k + i] += mu * Math.max(normal[i * k + i], 1e-12);
        }
        double[] gradient = java.util.Arrays.copyOfRange(normal, k * k, k * k + k);
        double[] step = Dense.choleskySolve(damped, k, gradient);
        if (step == null) {
          mu *= 4;
          continue;
        }
        double[] candidate = new double[k];
        for (int i = 0; i < k; i++) {
          candidate[i] = Math.min(upper, Math.max(lower, sigma[i] + step[i]));
        }
        double[] candidateNormal = normalEquations(phi, h, y, v, candidate, k, reducer);
        double candidateF = candidateNormal[k * k + k];
        if (candidateF < f) {
          boolean small = f - candidateF <= 1e-10 * f;
          sigma = candidate;
          normal = candidateNormal;
          f = candidateF;
          mu /= 3;
          improved = true;
          if (small) {
            return new Result(sigma, before, f / n, iterations);
          }
        } else {
          mu *= 4;
        }
      }
      if (!improved) {
        break;
      }
    }
    return new Result(sigma, before, f / n, iterations);
  }

  /**
   * One pass: {@code [J^T J (k x k), -J^T r (k), |r|^2]} with r_j = sum_i v_i phi(sigma_i h_ij) - y_j
   * and J_ji = v_i phi'(sigma_i h_ij) h_ij.
   */
  private static double[] normalEquations(Activation phi, double[] h, double[] y, double[] v,
      double[] sigma, int k, SampleReducer reducer) {
    return reducer.sum(y.length, k * k + k + 1, (from, to, acc) -> {
      double[] jac = new double[k];
      for (int j = from; j < to; j++) {
        double r = -y[j];
        for (int i = 0; i < k; i++) {
          double hij = h[j * k + i];
          double z = sigma[i] * hij;
          r += v[i] * phi.value(z);
          jac[i] = v[i] * phi.derivative(z) * hij;
        }
        for (int a = 0; a < k; a++) {
          acc[k * k + a] -= jac[a] * r;
          for (int b = 0; b < k; b++) {
            acc[a * k + b] += jac[a] * jac[b];
          }
        }
        acc[k * k + k] += r * r;
      }
    });
  }
}
