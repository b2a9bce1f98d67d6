package org.nnrecover.initializers.tensor;

import org.nnrecover.api.numerics.Vectors;

/** Helpers to work in the leading subspace of a symmetric tensor's unfolding (rank < k). */
final class Unfolding {
  private Unfolding() {}

  /**
   * The k x r (column-major) orthonormal basis of the leading r left singular vectors of the
   * k x k^2 unfolding of T, from the eigenvectors of {@code T_(1) T_(1)^T}.
   */
  static double[] leadingBasis(double[] t, int k, int r) {
    double[] gram = new double[k * k];
    int kk = k * k;
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        gram[b * k + a] = Vectors.dot(t, a * kk, t, b * kk, kk);
      }
    }
    double[] vectors = Dense.symmetricEigen(gram, k).vectors();
    double[] basis = new double[k * r];
    System.arraycopy(vectors, 0, basis, 0, k * r);
    return basis;
  }

  /** Maps r-dimensional unit rows back to R^k through the basis (still unit vectors). */
  static double[][] lift(double[][] vectors, double[] basis, int k) {
    int r = vectors.length;
    double[][] out = new double[r][k];
    for (int i = 0; i < r; i++) {
      for (int p = 0; p < r; p++) {
        for (int a = 0; a < k; a++) {
          out[i][a] += basis[p * k + a] * vectors[i][p];
        }
      }
      Vectors.normalize(out[i]);
    }
    return out;
  }
}
