package org.nnrecover.initializers.tensor;

import org.nnrecover.api.numerics.Vectors;

/**
 * Operations on symmetric k x k x k tensors stored as k^3 doubles, T[a][b][c] at
 * {@code (a * k + b) * k + c}, and on CP models {@code sum_i lambda_i u_i^{(x)3}} given as rows
 * u_i (unit vectors of R^k) and weights lambda_i.
 */
public final class SymmetricTensors {
  private SymmetricTensors() {}

  /** {@code T(I, I, theta)}: the k x k matrix (symmetric) sum_c T[a][b][c] theta_c. */
  public static double[] contractLast(double[] t, int k, double[] theta) {
    double[] m = new double[k * k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        double s = 0;
        int base = (a * k + b) * k;
        for (int c = 0; c < k; c++) {
          s += t[base + c] * theta[c];
        }
        m[b * k + a] = s;
      }
    }
    return m;
  }

  /** {@code T(I, x, y)}: the vector sum_{b,c} T[a][b][c] x_b y_c. */
  public static double[] contractTwo(double[] t, int k, double[] x, double[] y) {
    double[] out = new double[k];
    for (int a = 0; a < k; a++) {
      double s = 0;
      for (int b = 0; b < k; b++) {
        double inner = 0;
        int base = (a * k + b) * k;
        for (int c = 0; c < k; c++) {
          inner += t[base + c] * y[c];
        }
        s += x[b] * inner;
      }
      out[a] = s;
    }
    return out;
  }

  /** {@code T(B, B, B)} for the k x r matrix B (column-major): an r x r x r tensor. */
  public static double[] transform(double[] t, int k, double[] basis, int r) {
    double[] step1 = new double[r * k * k]; // [p][b][c]
    for (int p = 0; p < r; p++) {
      for (int a = 0; a < k; a++) {
        double bap = basis[p * k + a];
        if (bap == 0) {
          continue;
        }
        for (int bc = 0; bc < k * k; bc++) {
          step1[p * k * k + bc] += bap * t[a * k * k + bc];
        }
      }
    }
    double[] step2 = new double[r * r * k]; // [p][q][c]
    for (int p = 0; p < r; p++) {
      for (int q = 0; q < r; q++) {
        for (int b = 0; b < k; b++) {
          double bbq = basis[q * k + b];
          for (int c = 0; c < k; c++) {
            step2[(p * r + q) * k + c] += bbq * step1[(p * k + b) * k + c];
          }
        }
      }
    }
    double[] out = new double[r * r * r];
    for (int pq = 0; pq < r * r; pq++) {
      for (int s = 0; s < r; s++) {
        out[pq * r + s] = Vectors.dot(basis, s * k, step2, pq * k, k);
      }
    }
    return out;
  }

  /** The tensor {@code sum_i lambda_i u_i^{(x)3}}. */
  public static double[] compose(double[][] vectors, double[] weights, int k) {
    double[] t = new double[k * k * k];
    for (int i = 0; i < vectors.length; i++) {
      double[] u = vectors[i];
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          double f = weights[i] * u[a] * u[b];
          int base = (a * k + b) * k;
          for (int c = 0; c < k; c++) {
            t[base + c] += f * u[c];
          }
        }
      }
    }
    return t;
  }

  /** {@code |T - sum_i lambda_i u_i^{(x)3}|_F}. */
  public static double residual(double[] t, double[][] vectors, double[] weights, int k) {
    double[] model = compose(vectors, weights, k);
    double s = 0;
    for (int i = 0; i < t.length; i++) {
      double e = t[i] - model[i];
      s += e * e;
    }
    return Math.sqrt(s);
  }

  /**
   * Cancellation ratio {@code sum_i |lambda_i| / |sum_i lambda_i u_i^{(x)3}|_F}: about 1 for
   * well-separated components, large for the degenerate near-collinear solutions with huge
   * cancelling weights that least-squares CP drifts to at low sample sizes (METHOD.md section 5).
   */
  public static double cancellation(double[][] vectors, double[] weights, int k) {
    double sum = 0;
    for (double w : weights) {
      sum += Math.abs(w);
    }
    double modelNorm = Vectors.norm(compose(vectors, weights, k));
    return modelNorm > 0 ? sum / modelNorm : Double.POSITIVE_INFINITY;
  }

  /**
   * Least-squares weights for fixed unit vectors: minimizes {@code |T - sum_i lambda_i
   * u_i^{(x)3}|_F} over lambda, by QR on the distinct entries a <= b <= c weighted by the square
   * root of their multiplicity (the same objective, 6x fewer rows).
   */
  public static double[] fitWeights(double[] t, double[][] vectors, int k) {
    int r = vectors.length;
    int rows = k * (k + 1) * (k + 2) / 6;
    double[] design = new double[rows * r];
    double[] rhs = new double[rows];
    int row = 0;
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        for (int c = b; c < k; c++) {
          double weight = Math.sqrt(multiplicity(a, b, c));
          rhs[row] = weight * t[(a * k + b) * k + c];
          for (int i = 0; i < r; i++) {
            double[] u = vectors[i];
            design[i * rows + row] = weight * u[a] * u[b] * u[c];
          }
          row++;
        }
      }
    }
    return Dense.leastSquares(design, rows, r, rhs);
  }

  /** Number of distinct permutations of the index triple (a, b, c) with a <= b <= c. */
  static int multiplicity(int a, int b, int c) {
    if (a == b && b == c) {
      return 1;
    }
    if (a == b || b == c) {
      return 3;
    }
    return 6;
  }

  /** The k x r matrix (column-major) whose columns are the given rows. */
  public static double[] columns(double[][] vectors, int k) {
    double[] m = new double[k * vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      System.arraycopy(vectors[i], 0, m, i * k, k);
    }
    return m;
  }
}
