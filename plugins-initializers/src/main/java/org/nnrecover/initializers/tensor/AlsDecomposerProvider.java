package org.nnrecover.initializers.tensor;

import java.util.List;
import java.util.SplittableRandom;
import org.nnrecover.api.Decomposition;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.api.TensorDecomposer;
import org.nnrecover.api.TensorDecomposerProvider;

/**
 * {@code als}: CP by alternating least squares from several random starts (METHOD.md section 5,
 * step 4). Each start runs the three-factor ALS (one factor solved exactly per step, so the fit
 * never gets worse); the factors of a symmetric tensor converge to the same directions up to
 * sign, and each symmetric component is the sign-aligned average of the three. Weights are then
 * refitted by least squares and the start with the smallest residual is kept.
 */
public final class AlsDecomposerProvider implements TensorDecomposerProvider {
  /** Residual is checked (and the stopping rule applied) every this many sweeps. */
  private static final int CHECK_EVERY = 5;

  @Override
  public String name() {
    return "als";
  }

  @Override
  public String summary() {
    return "CP by alternating least squares from random starts, best residual kept";
  }

  @Override
  public List<ParamSpec> parameters() {
    return List.of(
        ParamSpec.ofInt("restarts", 10, 1, 10000, "number of random starts"),
        ParamSpec.ofInt("max-iterations", 5000, 1, 1000000, "ALS sweeps per start at most"),
        ParamSpec.ofDouble("tolerance", 1e-12, 0, 1,
            "a start stops when its relative residual improves by less than this over "
                + CHECK_EVERY + " sweeps"));
  }

  @Override
  public TensorDecomposer create(Params params) {
    int restarts = params.getInt("restarts");
    int maxIterations = params.getInt("max-iterations");
    double tolerance = params.getDouble("tolerance");
    return (tensor, k, rank, random, diagnostics) ->
        decompose(tensor, k, rank, random, diagnostics, restarts, maxIterations, tolerance);
  }

  private static Decomposition decompose(double[] t, int k, int rank, SplittableRandom random,
      Diagnostics diagnostics, int restarts, int maxIterations, double tolerance) {
    if (rank < 1 || rank > k || t.length != k * k * k) {
      throw new IllegalArgumentException("als needs 1 <= rank <= k and k^3 entries, got rank "
          + rank + ", k = " + k + ", " + t.length + " entries");
    }
    double tensorNorm = SymmetricTensors.norm(t);
    Decomposition best = null;
    int totalSweeps = 0;
    for (int start = 0; start < restarts; start++) {
      double[][] a = randomFactor(random, rank, k);
      double[][] b = randomFactor(random, rank, k);
      double[][] c = randomFactor(random, rank, k);
      double previous = Double.POSITIVE_INFINITY;
      for (int sweep = 1; sweep <= maxIterations; sweep++) {
        a = solveFactor(t, k, b, c);
        b = solveFactor(t, k, c, a);
        c = solveFactor(t, k, a, b);
        totalSweeps++;
        if (sweep % CHECK_EVERY == 0) {
          double current = asymmetricResidual(t, k, a, b, c) / Math.max(tensorNorm, 1e-300);
          if (!(previous - current > tolerance)) {
            break;
          }
          previous = current;
        }
      }
      double[][] vectors = symmetrize(a, b, c, k);
      double[] weights = SymmetricTensors.fitWeights(t, vectors, k);
      double residual = SymmetricTensors.residual(t, vectors, weights, k);
      if (Double.isFinite(residual) && (best == null || residual < best.residual())) {
        best = new Decomposition(vectors, weights, residual);
      }
    }
    diagnostics.put("restarts", restarts);
    diagnostics.put("sweeps", totalSweeps);
    if (best == null) {
      throw new IllegalStateException("als: no start gave a finite residual");
    }
    return best;
  }

  private static double[][] randomFactor(SplittableRandom random, int rank, int k) {
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
        gram[l * r + i] = dot(y[i], y[l]) * dot(z[i], z[l]);
      }
    }
    double[] rhs = new double[r * k]; // r x k column-major: column a holds the k-th coordinate
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
      double sb = Math.signum(dot(ua, ub));
      double sc = Math.signum(dot(ua, uc));
      for (int p = 0; p < k; p++) {
        vectors[i][p] = ua[p] + (sb == 0 ? 1 : sb) * ub[p] + (sc == 0 ? 1 : sc) * uc[p];
      }
      if (SymmetricTensors.normalize(vectors[i]) == 0) {
        vectors[i] = ua;
      }
    }
    return vectors;
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }
}
