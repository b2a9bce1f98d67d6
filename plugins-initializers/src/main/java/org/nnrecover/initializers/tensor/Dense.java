package org.nnrecover.initializers.tensor;

import org.ojalgo.array.Array1D;
import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.decomposition.SingularValue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.scalar.ComplexNumber;

/**
 * Small dense linear algebra for the k x k (or d x (k + p)) problems of the tensor method. All
 * matrices are column-major {@code double[]}: entry (row r, column c) of an m-row matrix at
 * {@code c * m + r}. Hand-written where the problem is tiny and stability is easy to control
 * (Householder QR, cyclic Jacobi, Cholesky); ojalgo for the nonsymmetric eigenproblem and the SVD.
 */
public final class Dense {
  private Dense() {}

  /**
   * Orthonormal basis of the column space of the m x c matrix {@code a} (c <= m): the thin Q of
   * a Householder QR, with the signs chosen so that R has a non-negative diagonal.
   */
  public static double[] orthonormalize(double[] a, int m, int c) {
    double[] r = a.clone();
    double[][] reflectors = new double[c][];
    double[] diagSign = new double[c];
    for (int j = 0; j < c; j++) {
      double norm = columnNorm(r, j, m);
      double alpha = r[j * m + j] > 0 ? -norm : norm;
      double[] v = reflector(r, j, m, alpha);
      double vnorm2 = squaredNorm(v, j, m);
      if (vnorm2 > 0) {
        for (int col = j; col < c; col++) {
          applyReflector(v, vnorm2, r, col * m, j, m);
        }
        reflectors[j] = v;
      }
      diagSign[j] = r[j * m + j] < 0 ? -1 : 1;
    }
    double[] q = new double[m * c];
    for (int j = 0; j < c; j++) {
      q[j * m + j] = 1;
    }
    for (int j = c - 1; j >= 0; j--) {
      double[] v = reflectors[j];
      if (v == null) {
        continue;
      }
      double vnorm2 = 0;
      for (int i = j; i < m; i++) {
        vnorm2 += v[i] * v[i];
      }
      for (int col = 0; col < c; col++) {
        applyReflector(v, vnorm2, q, col * m, j, m);
      }
    }
    for (int j = 0; j < c; j++) {
      if (diagSign[j] < 0) {
        for (int i = 0; i < m; i++) {
          q[j * m + i] = -q[j * m + i];
        }
      }
    }
    return q;
  }

  private static void applyReflector(double[] v, double vnorm2, double[] target, int offset,
      int from, int m) {
    double dot = 0;
    for (int i = from; i < m; i++) {
      dot += v[i] * target[offset + i];
    }
    double f = 2 * dot / vnorm2;
    for (int i = from; i < m; i++) {
      target[offset + i] -= f * v[i];
    }
  }

  /** Eigen-decomposition of a symmetric n x n matrix: eigenvalues and column eigenvectors. */
  public record SymmetricEigen(double[] values, double[] vectors) {}

  /**
   * Cyclic Jacobi eigen-decomposition of the symmetric n x n matrix {@code a} (only its
   * symmetric part is used), eigenpairs sorted by decreasing absolute eigenvalue. Jacobi is
   * accurate to the last bits for the small matrices used here (n <= a few dozen).
   */
  public static SymmetricEigen symmetricEigen(double[] a, int n) {
    double[] m = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[j * n + i] = 0.5 * (a[j * n + i] + a[i * n + j]);
      }
    }
    double[] vec = new double[n * n];
    for (int i = 0; i < n; i++) {
      vec[i * n + i] = 1;
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      double total = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double x = m[j * n + i] * m[j * n + i];
          total += x;
          if (i != j) {
            off += x;
          }
        }
      }
      if (off <= 1e-30 * total || off == 0) {
        break;
      }
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          double apq = m[q * n + p];
          if (apq == 0) {
            continue;
          }
          double app = m[p * n + p];
          double aqq = m[q * n + q];
          double theta = (aqq - app) / (2 * apq);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int r = 0; r < n; r++) {
            double mrp = m[p * n + r];
            double mrq = m[q * n + r];
            m[p * n + r] = c * mrp - s * mrq;
            m[q * n + r] = s * mrp + c * mrq;
          }
          for (int r = 0; r < n; r++) {
            double mpr = m[r * n + p];
            double mqr = m[r * n + q];
            m[r * n + p] = c * mpr - s * mqr;
            m[r * n + q] = s * mpr + c * mqr;
          }
          for (int r = 0; r < n; r++) {
            double vrp = vec[p * n + r];
            double vrq = vec[q * n + r];
            vec[p * n + r] = c * vrp - s * vrq;
            vec[q * n + r] = s * vrp + c * vrq;
          }
        }
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    double[] diag = new double[n];
    for (int i = 0; i < n; i++) {
      diag[i] = m[i * n + i];
    }
    java.util.Arrays.sort(order, (x, y) -> {
      int byAbs = Double.compare(Math.abs(diag[y]), Math.abs(diag[x]));
      return byAbs != 0 ? byAbs : Integer.compare(x, y);
    });
    double[] values = new double[n];
    double[] vectors = new double[n * n];
    for (int j = 0; j < n; j++) {
      values[j] = diag[order[j]];
      System.arraycopy(vec, order[j] * n, vectors, j * n, n);
    }
    return new SymmetricEigen(values, vectors);
  }

  /**
   * Least-squares solution of {@code a x ~ b} for the m x c matrix {@code a} (m >= c) by
   * Householder QR, never forming normal equations (the designs here can be ill-conditioned when
   * tensor components are nearly collinear). Columns that are numerically dependent get a zero
   * coefficient.
   */
  public static double[] leastSquares(double[] a, int m, int c, double[] b) {
    double[] r = a.clone();
    double[] rhs = b.clone();
    double scale = 0;
    for (double x : a) {
      scale = Math.max(scale, Math.abs(x));
    }
    boolean[] dependent = new boolean[c];
    for (int j = 0; j < c; j++) {
      double norm = columnNorm(r, j, m);
      if (norm <= 1e-13 * scale * Math.sqrt(m)) {
        dependent[j] = true;
        continue;
      }
      double alpha = r[j * m + j] > 0 ? -norm : norm;
      double[] v = reflector(r, j, m, alpha);
      double vnorm2 = squaredNorm(v, j, m);
      for (int col = j; col < c; col++) {
        applyReflector(v, vnorm2, r, col * m, j, m);
      }
      applyReflector(v, vnorm2, rhs, 0, j, m);
    }
    double[] x = new double[c];
    for (int j = c - 1; j >= 0; j--) {
      if (dependent[j]) {
        continue;
      }
      double s = rhs[j];
      for (int l = j + 1; l < c; l++) {
        s -= r[l * m + j] * x[l];
      }
      x[j] = s / r[j * m + j];
    }
    return x;
  }

  /**
   * Solves the symmetric positive definite system {@code a x = b} (n x n) by Cholesky; returns
   * null when {@code a} is not numerically positive definite.
   */
  public static double[] choleskySolve(double[] a, int n, double[] b) {
    double[] l = new double[n * n];
    for (int j = 0; j < n; j++) {
      double s = a[j * n + j];
      for (int p = 0; p < j; p++) {
        s -= l[p * n + j] * l[p * n + j];
      }
      if (!(s > 0)) {
        return null;
      }
      double ljj = Math.sqrt(s);
      l[j * n + j] = ljj;
      for (int i = j + 1; i < n; i++) {
        double t = a[j * n + i];
        for (int p = 0; p < j; p++) {
          t -= l[p * n + i] * l[p * n + j];
        }
        l[j * n + i] = t / ljj;
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int p = 0; p < i; p++) {
        s -= l[p * n + i] * y[p];
      }
      y[i] = s / l[i * n + i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int p = i + 1; p < n; p++) {
        s -= l[i * n + p] * x[p];
      }
      x[i] = s / l[i * n + i];
    }
    return x;
  }

  /**
   * Solves {@code a x = b} column by column for the n x n matrix {@code a} and n x c matrix
   * {@code b} by Gaussian elimination with partial pivoting; null when {@code a} is singular.
   */
  public static double[] solve(double[] a, int n, double[] b, int c) {
    double[] m = a.clone();
    double[] x = b.clone();
    for (int j = 0; j < n; j++) {
      int pivot = j;
      for (int i = j + 1; i < n; i++) {
        if (Math.abs(m[j * n + i]) > Math.abs(m[j * n + pivot])) {
          pivot = i;
        }
      }
      if (m[j * n + pivot] == 0) {
        return null;
      }
      if (pivot != j) {
        swapRows(m, n, n, j, pivot);
        swapRows(x, n, c, j, pivot);
      }
      for (int i = j + 1; i < n; i++) {
        double f = m[j * n + i] / m[j * n + j];
        if (f == 0) {
          continue;
        }
        for (int col = j; col < n; col++) {
          m[col * n + i] -= f * m[col * n + j];
        }
        for (int col = 0; col < c; col++) {
          x[col * n + i] -= f * x[col * n + j];
        }
      }
    }
    for (int col = 0; col < c; col++) {
      for (int i = n - 1; i >= 0; i--) {
        double s = x[col * n + i];
        for (int p = i + 1; p < n; p++) {
          s -= m[p * n + i] * x[col * n + p];
        }
        x[col * n + i] = s / m[i * n + i];
      }
    }
    return x;
  }

  private static void swapRows(double[] m, int rows, int cols, int r1, int r2) {
    for (int col = 0; col < cols; col++) {
      double t = m[col * rows + r1];
      m[col * rows + r1] = m[col * rows + r2];
      m[col * rows + r2] = t;
    }
  }

  /** Eigenvalues and eigenvectors of a real nonsymmetric matrix, as real and imaginary parts. */
  public record GeneralEigen(double[] valuesRe, double[] valuesIm, double[] vectorsRe,
      double[] vectorsIm) {}

  /** Eigen-decomposition of the real n x n matrix {@code a} (column-major), by ojalgo. */
  public static GeneralEigen generalEigen(double[] a, int n) {
    R064Store store = R064Store.FACTORY.make(n, n);
    for (int c = 0; c < n; c++) {
      for (int r = 0; r < n; r++) {
        store.set(r, c, a[c * n + r]);
      }
    }
    Eigenvalue<Double> evd = Eigenvalue.R064.make(store, false);
    if (!evd.decompose(store)) {
      return null;
    }
    Array1D<ComplexNumber> values = evd.getEigenvalues();
    MatrixStore<ComplexNumber> vectors = evd.getEigenvectors();
    double[] re = new double[n];
    double[] im = new double[n];
    double[] vecRe = new double[n * n];
    double[] vecIm = new double[n * n];
    for (int j = 0; j < n; j++) {
      re[j] = values.get(j).getReal();
      im[j] = values.get(j).getImaginary();
      for (int r = 0; r < n; r++) {
        ComplexNumber entry = vectors.get(r, j);
        vecRe[j * n + r] = entry.getReal();
        vecIm[j * n + r] = entry.getImaginary();
      }
    }
    return new GeneralEigen(re, im, vecRe, vecIm);
  }

  /**
   * Condition number (largest over smallest singular value) of the m x c matrix {@code a}, from
   * its singular values (ojalgo's SVD), not from the eigenvalues of A^T A, which would square it.
   */
  public static double conditionNumber(double[] a, int m, int c) {
    R064Store store = R064Store.FACTORY.make(m, c);
    for (int col = 0; col < c; col++) {
      for (int r = 0; r < m; r++) {
        store.set(r, col, a[col * m + r]);
      }
    }
    SingularValue<Double> svd = SingularValue.R064.make(store);
    if (!svd.decompose(store)) {
      return Double.POSITIVE_INFINITY;
    }
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    int count = 0;
    for (double value : svd.getSingularValues().toRawCopy1D()) {
      max = Math.max(max, value);
      min = Math.min(min, value);
      count++;
    }
    return count == Math.min(m, c) && min > 0 ? max / min : Double.POSITIVE_INFINITY;
  }

  /** Euclidean norm of column j of the column-major m-row matrix r, from row j down. */
  private static double columnNorm(double[] r, int j, int m) {
    double norm = 0;
    for (int i = j; i < m; i++) {
      norm += r[j * m + i] * r[j * m + i];
    }
    return Math.sqrt(norm);
  }

  /**
   * The Householder vector (entries j..m-1; the rest zero) that maps column j of r, from row j
   * down, onto alpha e_j: the column minus alpha e_j.
   */
  private static double[] reflector(double[] r, int j, int m, double alpha) {
    double[] v = new double[m];
    for (int i = j; i < m; i++) {
      v[i] = r[j * m + i];
    }
    v[j] -= alpha;
    return v;
  }

  /** Sum of squares of v[j..m). */
  private static double squaredNorm(double[] v, int j, int m) {
    double sum = 0;
    for (int i = j; i < m; i++) {
      sum += v[i] * v[i];
    }
    return sum;
  }
}
