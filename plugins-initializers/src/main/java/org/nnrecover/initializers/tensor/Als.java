package org.nnrecover.initializers.tensor;

import java.util.SplittableRandom;

/**
 * Three-factor alternating least squares for a k x k x k tensor, shared by the {@code als}
 * decomposer (from random starts) and the refinement (from a decomposer's unit vectors). Each
 * step solves one factor exactly given the other two, so the fit never gets worse; the factors of
 * a symmetric tensor converge to the same directions up to sign, and {@link #symmetrize} averages
 * them into symmetric components.
 */
final class Als {
  /** Residual is checked (and the stopping rule applied) every this many sweeps. */
  static final int CHECK_EVERY = 5;

  private Als() {}

  /**
   * @param a first factor, rows a_i
   * @param b second factor
   * @param c third factor
   * @param sweeps sweeps done
   * @param converged whether the stopping rule fired before the sweep cap
   */
  record Factors(double[][] a, double[][] b, double[][] c, int sweeps, boolean converged) {

    /** The sign-aligned, normalized average of the three factors: unit rows u_i. */
    double[][] symmetric(int k) {
      return symmetrize(a, b, c, k);
    }
  }

  /**
   * Sweeps from the given factors until the relative residual {@code |T - model|_F / |T|_F}
   * improves by less than {@code tolerance} over {@link #CHECK_EVERY} sweeps, or {@code maxSweeps}.
   */
  static Factors run(double[] t, int k, double[][] a, double[][] b, double[][] c, int maxSweeps,
      double tolerance) {
    double tensorNorm = Math.max(SymmetricTensors.norm(t), 1e-300);
    double previous = Double.POSITIVE_INFINITY;
    for (int sweep = 1; sweep <= maxSweeps; sweep++) {
      a = solveFactor(t, k, b, c);
      b = solveFactor(t, k, c, a);
      c = solveFactor(t, k, a, b);
      if (sweep % CHECK_EVERY == 0) {
        double current = asymmetricResidual(t, k, a, b, c) / tensorNorm;
        if (!(previous - current > tolerance)) {
          return new Factors(a, b, c, sweep, true);
        }
        previous = current;
      }
    }
    return new Factors(a, b, c, maxSweeps, false);
  }

  /** A factor with i.i.d. standard Gaussian entries. */
  static double[][] randomFactor(SplittableRandom random, int rank, int k) {
    double[][] f = new double[rank][];
    for (int i = 0; i < rank; i++) {
      f[i] = JennrichDecomposerProvider.gaussian(random, k);
    }
    return f;
  }

  /**
   * The exact least-squares update of one factor given the other two:
   * {@code F = T_(1) (Y (.) Z) ((Y^T Y) * (Z^T Z))^{-1}}, rows f_i.
   */
  private static double[][] solveFactor(double[] t, int k, double[][] y, double[][] z) {
    int r = y.length;
    double[] gram = new double[r * r];
    for (int i = 0; i < r; i++) {
      for (int l = 0; l < r; l++) {
        gram[l * r + i] = Moments.dot(y[i], 0, y[l], 0, k) * Moments.dot(z[i], 0, z[l], 0, k);
      }
    }
    double[] rhs = new double[r * k]; // r x k column-major: column a holds the a-th coordinates
    for (int i = 0; i < r; i++) {
      double[] m = SymmetricTensors.contractTwo(t, k, y[i], z[i]);
      for (int a = 0; a < k; a++) {
        rhs[a * r + i] = m[a];
      }
    }
    // A tiny relative ridge keeps the update defined when two components coincide.
    double trace = 0;
    for (int i = 0; i < r; i++) {
      trace += gram[i * r + i];
    }
    for (int i = 0; i < r; i++) {
      gram[i * r + i] += 1e-12 * trace / r;
    }
    double[] solved = Dense.solve(gram, r, rhs, k);
    double[][] f = new double[r][k];
    for (int i = 0; i < r; i++) {
      for (int a = 0; a < k; a++) {
        f[i][a] = solved == null ? y[i][a] : solved[a * r + i];
      }
    }
    return f;
  }

  private static double asymmetricResidual(double[] t, int k, double[][] a, double[][] b,
      double[][] c) {
    double[] model = new double[k * k * k];
    for (int i = 0; i < a.length; i++) {
      for (int p = 0; p < k; p++) {
        for (int q = 0; q < k; q++) {
          double f = a[i][p] * b[i][q];
          int base = (p * k + q) * k;
          for (int s = 0; s < k; s++) {
            model[base + s] += f * c[i][s];
          }
        }
      }
    }
    double sum = 0;
    for (int i = 0; i < model.length; i++) {
      double e = t[i] - model[i];
      sum += e * e;
    }
    return Math.sqrt(sum);
  }

  private static double[][] symmetrize(double[][] a, double[][] b, double[][] c, int k) {
    double[][] vectors = new double[a.length][k];
    for (int i = 0; i < a.length; i++) {
      double[] ua = a[i].clone();
      double[] ub = b[i].clone();
      double[] uc = c[i].clone();
      SymmetricTensors.normalize(ua);
      SymmetricTensors.normalize(ub);
      SymmetricTensors.normalize(uc);
      double sb = Math.signum(Moments.dot(ua, 0, ub, 0, k));
      double sc = Math.signum(Moments.dot(ua, 0, uc, 0, k));
      for (int p = 0; p < k; p++) {
        vectors[i][p] = ua[p] + (sb == 0 ? 1 : sb) * ub[p] + (sc == 0 ? 1 : sc) * uc[p];
      }
      if (SymmetricTensors.normalize(vectors[i]) == 0) {
        vectors[i] = ua;
      }
    }
    return vectors;
  }
}
