package org.nnrecover.core.data;

import java.util.SplittableRandom;
import org.nnrecover.api.Network;
import org.nnrecover.api.numerics.Vectors;

/** Makes the ground-truth network (W*, v*) of METHOD.md section 1. */
public final class Teachers {
  private Teachers() {}

  /**
   * @param kind which teacher
   * @param d input dimension
   * @param k hidden units (k <= d; k = d for the identity teacher)
   * @param kappa condition number of W*: singular values (or column norms) spread evenly from 1 to
   *     kappa
   * @param random the teacher stream
   */
  public static Network make(TeacherKind kind, int d, int k, double kappa, SplittableRandom random) {
    if (k < 1 || k > d) {
      throw new IllegalArgumentException("k must be in [1, d] = [1, " + d + "], got " + k);
    }
    if (!(kappa >= 1)) {
      throw new IllegalArgumentException("kappa must be >= 1, got " + kappa);
    }
    double[] w = new double[k * d];
    double[] v = new double[k];
    switch (kind) {
      case IDENTITY -> {
        if (k != d) {
          throw new IllegalArgumentException("the identity teacher needs k = d, got k = " + k
              + ", d = " + d);
        }
        for (int i = 0; i < k; i++) {
          w[i * d + i] = 1;
          v[i] = 1;
        }
        return new Network(w, v, d);
      }
      case RANDOM, ORTHOGONAL -> {
        double[] s = spread(k, kappa);
        double[] u = orthonormalColumns(d, k, random); // d x k, column-major: column l at l*d
        if (kind == TeacherKind.ORTHOGONAL) {
          for (int i = 0; i < k; i++) {
            for (int a = 0; a < d; a++) {
              w[i * d + a] = s[i] * u[i * d + a];
            }
          }
        } else {
          double[] q = orthonormalColumns(k, k, random); // k x k, column l at l*k
          // w_i = column i of U diag(s) Q^T = sum_l s_l Q[i][l] U[:, l]
          for (int i = 0; i < k; i++) {
            for (int l = 0; l < k; l++) {
              double c = s[l] * q[l * k + i];
              for (int a = 0; a < d; a++) {
                w[i * d + a] += c * u[l * d + a];
              }
            }
          }
        }
        for (int i = 0; i < k; i++) {
          v[i] = random.nextBoolean() ? 1 : -1;
        }
        return new Network(w, v, d);
      }
      default -> throw new AssertionError(kind);
    }
  }

  /** k values evenly spaced from 1 to kappa (just 1 when k = 1). */
  static double[] spread(int k, double kappa) {
    double[] s = new double[k];
    for (int l = 0; l < k; l++) {
      s[l] = k == 1 ? 1 : 1 + (kappa - 1) * l / (k - 1);
    }
    return s;
  }

  /**
   * The Q factor of the QR factorization of a rows x cols standard Gaussian matrix, column-major
   * (column l at {@code l * rows}). Modified Gram-Schmidt applied twice, which is orthogonal to
   * machine precision for the well-conditioned Gaussian matrices drawn here; columns are normalized
   * so that R has a positive diagonal, as in the usual QR convention.
   */
  public static double[] orthonormalColumns(int rows, int cols, SplittableRandom random) {
    double[] m = new double[rows * cols];
    for (int a = 0; a < rows; a++) {
      for (int l = 0; l < cols; l++) {
        m[l * rows + a] = random.nextGaussian();
      }
    }
    for (int l = 0; l < cols; l++) {
      for (int pass = 0; pass < 2; pass++) {
        for (int p = 0; p < l; p++) {
          double dot = Vectors.dot(m, p * rows, m, l * rows, rows);
          for (int a = 0; a < rows; a++) {
            m[l * rows + a] -= dot * m[p * rows + a];
          }
        }
      }
      double norm = Vectors.norm(m, l * rows, rows);
      for (int a = 0; a < rows; a++) {
        m[l * rows + a] /= norm;
      }
    }
    return m;
  }
}
