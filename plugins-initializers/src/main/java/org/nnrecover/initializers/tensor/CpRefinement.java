package org.nnrecover.initializers.tensor;

import org.nnrecover.api.Decomposition;

/**
 * Guarded least-squares refinement of a symmetric CP decomposition (METHOD.md section 5, step 4).
 *
 * <p>Levenberg-Marquardt on {@code f(x) = |T - sum_i x_i^{(x)3}|_F^2 / 2} with x_i = cbrt(lambda_i)
 * u_i (an odd power, so negative weights need no separate sign). The Gauss-Newton matrix is formed
 * analytically: block (i, l) is {@code 3 (x_i . x_l)^2 I + 6 (x_i . x_l) x_l x_i^T}. At low sample
 * sizes the least-squares optimum is degenerate (near-collinear u_i with huge cancelling weights),
 * so the result is accepted only if it lowers the residual and its cancellation ratio stays below
 * {@code max(2 x before, 3)}; otherwise the decomposer's result is kept.
 */
public final class CpRefinement {
  private static final int MAX_ITERATIONS = 100;

  private CpRefinement() {}

  /**
   * @param decomposition what was refined from (kept when rejected)
   * @param refined the LM result, accepted or not
   * @param accepted whether {@code refined} passed the guard
   * @param reason why it was accepted or rejected, in words
   * @param cancellationBefore cancellation ratio of the start
   * @param cancellationAfter cancellation ratio of the LM result
   * @param iterations LM iterations done
   */
  public record Result(Decomposition decomposition, Decomposition refined, boolean accepted,
      String reason, double cancellationBefore, double cancellationAfter, int iterations) {

    /** The decomposition to use: the refined one if accepted, else the start. */
    public Decomposition chosen() {
      return accepted ? refined : decomposition;
    }
  }

  /** Refines {@code start} as a model of the k x k x k tensor {@code t}, with the guard. */
  public static Result refine(double[] t, int k, Decomposition start) {
    int r = start.weights().length;
    double[] x = new double[r * k];
    for (int i = 0; i < r; i++) {
      double scale = Math.cbrt(start.weights()[i]);
      for (int p = 0; p < k; p++) {
        x[i * k + p] = scale * start.vectors()[i][p];
      }
    }
    double[] error = error(t, x, r, k);
    double f = half(error);
    double mu = -1;
    int iterations = 0;
    for (; iterations < MAX_ITERATIONS; iterations++) {
      double[] gradientDescent = new double[r * k]; // J^T E = -grad f
      for (int i = 0; i < r; i++) {
        double[] xi = slice(x, i, k);
        double[] c = SymmetricTensors.contractTwo(error, k, xi, xi);
        for (int p = 0; p < k; p++) {
          gradientDescent[i * k + p] = 3 * c[p];
        }
      }
      double[] h = gaussNewton(x, r, k);
      if (mu < 0) {
        double maxDiag = 0;
        for (int q = 0; q < r * k; q++) {
          maxDiag = Math.max(maxDiag, h[q * r * k + q]);
        }
        mu = 1e-3 * maxDiag;
      }
      boolean improved = false;
      while (!improved && mu < 1e20) {
        double[] damped = h.clone();
        for (int q = 0; q < r * k; q++) {
          damped[q * r * k + q] += mu * Math.max(h[q * r * k + q], 1e-12);
        }
        double[] step = Dense.choleskySolve(damped, r * k, gradientDescent);
        if (step == null) {
          mu *= 4;
          continue;
        }
        double[] candidate = x.clone();
        for (int q = 0; q < candidate.length; q++) {
          candidate[q] += step[q];
        }
        double[] candidateError = error(t, candidate, r, k);
        double candidateF = half(candidateError);
        if (candidateF < f) {
          boolean small = f - candidateF <= 1e-14 * f;
          x = candidate;
          error = candidateError;
          f = candidateF;
          mu /= 3;
          improved = true;
          if (small) {
            iterations = MAX_ITERATIONS;
          }
        } else {
          mu *= 4;
        }
      }
      if (!improved) {
        break;
      }
    }
    double[][] vectors = new double[r][];
    double[] weights = new double[r];
    for (int i = 0; i < r; i++) {
      vectors[i] = slice(x, i, k);
      double norm = SymmetricTensors.normalize(vectors[i]);
      weights[i] = norm * norm * norm;
    }
    Decomposition refined = new Decomposition(vectors, weights, Math.sqrt(2 * f));
    double before = SymmetricTensors.cancellation(start.vectors(), start.weights(), k);
    double after = SymmetricTensors.cancellation(vectors, weights, k);
    double limit = Math.max(2 * before, 3);
    boolean lower = refined.residual() < start.residual();
    boolean accepted = lower && after <= limit;
    String reason = !lower ? "residual not lowered"
        : !(after <= limit) ? "cancellation ratio " + after + " above limit " + limit
            : "residual lowered and cancellation within limit";
    return new Result(start, refined, accepted, reason, before, after,
        Math.min(iterations, MAX_ITERATIONS));
  }

  private static double[] gaussNewton(double[] x, int r, int k) {
    int n = r * k;
    double[] h = new double[n * n];
    for (int i = 0; i < r; i++) {
      for (int l = 0; l < r; l++) {
        double g = Moments.dot(x, i * k, x, l * k, k);
        for (int p = 0; p < k; p++) {
          for (int q = 0; q < k; q++) {
            double v = 6 * g * x[l * k + p] * x[i * k + q];
            if (p == q) {
              v += 3 * g * g;
            }
            h[(l * k + q) * n + i * k + p] = v;
          }
        }
      }
    }
    return h;
  }

  private static double[] error(double[] t, double[] x, int r, int k) {
    double[][] vectors = new double[r][];
    double[] ones = new double[r];
    for (int i = 0; i < r; i++) {
      vectors[i] = slice(x, i, k);
      ones[i] = 1;
    }
    double[] model = SymmetricTensors.compose(vectors, ones, k);
    double[] e = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      e[i] = t[i] - model[i];
    }
    return e;
  }

  private static double half(double[] e) {
    double s = 0;
    for (double v : e) {
      s += v * v;
    }
    return 0.5 * s;
  }

  private static double[] slice(double[] x, int i, int k) {
    double[] out = new double[k];
    System.arraycopy(x, i * k, out, 0, k);
    return out;
  }
}
