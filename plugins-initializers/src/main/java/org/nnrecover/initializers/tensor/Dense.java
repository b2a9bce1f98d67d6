package org.nnrecover.initializers.tensor;

import java.util.Arrays;
import org.ojalgo.array.Array1D;
import org.ojalgo.matrix.decomposition.Cholesky;
import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.decomposition.LU;
import org.ojalgo.matrix.decomposition.QR;
import org.ojalgo.matrix.decomposition.SingularValue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.scalar.ComplexNumber;

/**
 * Small dense linear algebra for the k x k (or d x (k + p)) problems of the tensor method, on
 * ojalgo's decompositions. All matrices are column-major {@code double[]}: entry (row r, column c)
 * of an m-row matrix at {@code c * m + r}, which is also ojalgo's storage order, so arrays go in
 * and out by wrapping and copying, entry for entry. What this class adds to ojalgo is the
 * conventions the tensor method relies on: the signs of Q, the order of eigenpairs, null for a
 * singular system and a zero coefficient for a dependent column. Non-finite entries never reach
 * ojalgo's iterative solvers (its SVD does not return on a NaN): they give the NaN, null or
 * infinite result each method documents.
 */
public final class Dense {
  private Dense() {}

  /**
   * Orthonormal basis of the column space of the m x c matrix {@code a} (c <= m): the thin Q of
   * a Householder QR, with the signs chosen so that R has a non-negative diagonal.
   */
  public static double[] orthonormalize(double[] a, int m, int c) {
    QR<Double> qr = QR.R064.make(m, c);
    qr.decompose(wrap(a, m));
    double[] q = qr.getQ().toRawCopy1D();
    MatrixStore<Double> r = qr.getR();
    for (int j = 0; j < c; j++) {
      if (r.doubleValue(j, j) < 0) {
        for (int i = 0; i < m; i++) {
          q[j * m + i] = -q[j * m + i];
        }
      }
    }
    return q;
  }

  /** Eigen-decomposition of a symmetric n x n matrix: eigenvalues and column eigenvectors. */
  public record SymmetricEigen(double[] values, double[] vectors) {}

  /**
   * Eigen-decomposition of the symmetric n x n matrix {@code a} (only its symmetric part is
   * used), eigenpairs sorted by decreasing absolute eigenvalue (ties by ojalgo's order), each
   * eigenvector's sign chosen so that its largest entry in absolute value (the first of equals) is
   * positive: the vectors then depend on the matrix, not on the solver's internal choices. A
   * matrix with a non-finite entry gives NaN values and vectors.
   */
  public static SymmetricEigen symmetricEigen(double[] a, int n) {
    if (!allFinite(a)) {
      double[] values = new double[n];
      double[] vectors = new double[n * n];
      Arrays.fill(values, Double.NaN);
      Arrays.fill(vectors, Double.NaN);
      return new SymmetricEigen(values, vectors);
    }
    double[] symmetric = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        symmetric[j * n + i] = 0.5 * (a[j * n + i] + a[i * n + j]);
      }
    }
    R064Store store = R064Store.wrap(symmetric, n);
    Eigenvalue<Double> evd = Eigenvalue.R064.make(store, true);
    if (!evd.decompose(store)) {
      throw new ArithmeticException("symmetric eigen-decomposition failed (non-finite entries?)");
    }
    double[] diag = new double[n];
    for (int j = 0; j < n; j++) {
      diag[j] = evd.getEigenvalues().get(j).getReal();
    }
    double[] vec = evd.getV().toRawCopy1D();
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (x, y) -> {
      int byAbs = Double.compare(Math.abs(diag[y]), Math.abs(diag[x]));
      return byAbs != 0 ? byAbs : Integer.compare(x, y);
    });
    double[] values = new double[n];
    double[] vectors = new double[n * n];
    for (int j = 0; j < n; j++) {
      values[j] = diag[order[j]];
      int largest = 0;
      for (int i = 1; i < n; i++) {
        if (Math.abs(vec[order[j] * n + i]) > Math.abs(vec[order[j] * n + largest])) {
          largest = i;
        }
      }
      double sign = vec[order[j] * n + largest] < 0 ? -1 : 1;
      for (int i = 0; i < n; i++) {
        vectors[j * n + i] = sign * vec[order[j] * n + i];
      }
    }
    return new SymmetricEigen(values, vectors);
  }

  /**
   * Least-squares solution of {@code a x ~ b} for the m x c matrix {@code a} (m >= c) by
   * Householder QR, never forming normal equations (the designs here can be ill-conditioned when
   * tensor components are nearly collinear). Columns that are numerically dependent on the columns
   * before them (|R_jj| at most 1e-13 sqrt(m) max|a|) get a zero coefficient, and the others the
   * least-squares fit on their own. Non-finite entries in {@code a} or {@code b} give NaN.
   */
  public static double[] leastSquares(double[] a, int m, int c, double[] b) {
    if (!allFinite(a) || !allFinite(b)) {
      double[] nan = new double[c];
      Arrays.fill(nan, Double.NaN);
      return nan;
    }
    double scale = 0;
    for (double x : a) {
      scale = Math.max(scale, Math.abs(x));
    }
    QR<Double> qr = QR.R064.make(m, c);
    qr.decompose(wrap(a, m));
    MatrixStore<Double> r = qr.getR();
    int[] kept = new int[c];
    int count = 0;
    for (int j = 0; j < c; j++) {
      if (Math.abs(r.doubleValue(j, j)) > 1e-13 * scale * Math.sqrt(m)) {
        kept[count++] = j;
      }
    }
    double[] x = new double[c];
    if (count == 0) {
      return x;
    }
    if (count < c) {
      // Dropping a column that lies in the span of the ones before it leaves the others' R_jj as
      // they are, so one more QR on the kept columns is the fit without it.
      double[] reduced = new double[m * count];
      for (int p = 0; p < count; p++) {
        System.arraycopy(a, kept[p] * m, reduced, p * m, m);
      }
      qr = QR.R064.make(m, count);
      qr.decompose(R064Store.wrap(reduced, m));
    }
    double[] solution = qr.getSolution(wrap(b, m)).toRawCopy1D();
    for (int p = 0; p < count; p++) {
      x[kept[p]] = solution[p];
    }
    return x;
  }

  /**
   * Solves the symmetric positive definite system {@code a x = b} (n x n) by Cholesky, for the
   * n-row matrix {@code b} (as many columns as its length holds: one factorization for all);
   * returns null when {@code a} is not numerically positive definite.
   */
  public static double[] choleskySolve(double[] a, int n, double[] b) {
    Cholesky<Double> cholesky = Cholesky.R064.make(n, n);
    if (!cholesky.decompose(wrap(a, n)) || !cholesky.isSPD() || !cholesky.isSolvable()) {
      return null;
    }
    return cholesky.getSolution(wrap(b, n)).toRawCopy1D();
  }

  /**
   * Solves {@code a x = b} for the n x n matrix {@code a} and the n-row matrix {@code b} (as many
   * columns as its length holds) by LU with partial pivoting; null when {@code a} is numerically
   * singular (ojalgo's rank threshold: a pivot below n eps times the largest).
   */
  public static double[] solve(double[] a, int n, double[] b) {
    LU<Double> lu = LU.R064.make(n, n);
    if (!lu.decompose(wrap(a, n)) || !lu.isSolvable()) {
      return null;
    }
    return lu.getSolution(wrap(b, n)).toRawCopy1D();
  }

  private static boolean allFinite(double[] values) {
    for (double x : values) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  /** The column-major {@code values} as an ojalgo matrix of {@code rows} rows (a copy). */
  private static R064Store wrap(double[] values, int rows) {
    return R064Store.wrap(values.clone(), rows);
  }

  /** Eigenvalues and eigenvectors of a real nonsymmetric matrix, as real and imaginary parts. */
  public record GeneralEigen(double[] valuesRe, double[] valuesIm, double[] vectorsRe,
      double[] vectorsIm) {}

  /**
   * Eigen-decomposition of the real n x n matrix {@code a} (column-major), by ojalgo; null when it
   * fails or {@code a} has a non-finite entry.
   */
  public static GeneralEigen generalEigen(double[] a, int n) {
    if (!allFinite(a)) {
      return null;
    }
    R064Store store = wrap(a, n);
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
   * its singular values (ojalgo's SVD), not from the eigenvalues of A^T A, which would square it;
   * infinite for a rank-deficient matrix, a failed SVD or a non-finite entry.
   */
  public static double conditionNumber(double[] a, int m, int c) {
    if (!allFinite(a)) {
      return Double.POSITIVE_INFINITY;
    }
    R064Store store = wrap(a, m);
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
}
