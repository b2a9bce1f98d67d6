package org.nnrecover.initializers.tensor;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.numerics.Vectors;

/**
 * Top-k eigenvectors (by absolute eigenvalue) of a symmetric d x d operator known only through
 * products with d x b blocks: block Krylov (block Lanczos with full re-orthogonalization). The
 * start is a random d x b block (b = k + p, oversampled); each pass multiplies the newest block
 * once, and Rayleigh-Ritz runs on the whole Krylov space {@code [Q_1, A Q_1, A^2 Q_1, ...]} built
 * so far (power iteration alone cannot separate lambda from -lambda; Rayleigh-Ritz can). METHOD.md
 * section 5, step 2.
 *
 * <p>Why Krylov and not subspace iteration: each pass costs the same (one product of the operator
 * with a d x b block, a pass over the samples), but subspace iteration keeps only the newest block
 * and its error shrinks like g^q after q passes (g = |theta_k+1 / theta_k|), while the Krylov
 * space keeps every block and its error shrinks like 1 / T_q(1 + 2 gamma), T_q the Chebyshev
 * polynomial, gamma the relative gap: at d = 1600, n = 400000 (g = 0.45) subspace iteration needed
 * 15 passes to the default tolerance, block Krylov 6 (BENCHMARKS.md). The extra work, the
 * orthogonalization and Rayleigh-Ritz on a d x (q b) basis, is O(d (q b)^2), nothing next to a
 * pass's O(n d b).
 */
public final class BlockKrylov {
  private BlockKrylov() {}

  /**
   * @param vectors d x k column-major, orthonormal Ritz vectors, by decreasing |Ritz value|
   * @param ritzValues the b largest Ritz values in absolute value (b the block width), by
   *     decreasing absolute value
   * @param iterations number of operator products (passes)
   * @param movement {@code |V_k - V_prev V_prev^T V_k|_F} at the last step (sine of the principal
   *     angles between the last two Ritz subspaces)
   * @param converged whether the estimated remaining error fell below the tolerance before the
   *     cap, or the Krylov space filled R^d (then the Ritz pairs are exact)
   */
  public record Result(double[] vectors, double[] ritzValues, int iterations, double movement,
      boolean converged) {

    /** {@code |theta_{k+1}| / |theta_k|}, or NaN when the block had no oversampling. */
    public double gapRatio(int k) {
      return ritzValues.length > k ? Math.abs(ritzValues[k]) / Math.abs(ritzValues[k - 1])
          : Double.NaN;
    }
  }

  /**
   * The parameters an initializer that uses this method declares, in this order:
   * {@code power-tolerance} ({@code tolerance} of {@link #run}), {@code power-max-iterations}
   * ({@code maxIterations}, default 200) and {@code oversampling} (default 8).
   */
  public static List<ParamSpec> parameters(double defaultTolerance) {
    return List.of(
        ParamSpec.ofDouble("power-tolerance", defaultTolerance, 0, 1,
            "block Krylov stops when its estimated distance to the converged subspace"
                + " (last movement x r / (1 - r), r the smaller of g = |theta_k+1 / theta_k| and"
                + " the ratio of the last two movements) is below this"),
        ParamSpec.ofInt("power-max-iterations", 200, 1, 100000,
            "block Krylov cap (passes over the samples)"),
        ParamSpec.ofInt("oversampling", 8, 0, 1000, "extra block columns p (block k + p)"));
  }

  /**
   * @param operator {@code (U, b) -> A U} for a d x b column-major block
   * @param d dimension
   * @param k wanted eigenpairs
   * @param oversampling extra columns p (the block has min(d, k + p) columns)
   * @param tolerance stop when the estimated distance to the converged subspace,
   *     {@link #remainingError}, is below this
   * @param maxIterations cap on products
   * @param random the start block's randomness
   */
  public static Result run(BiFunction<double[], Integer, double[]> operator, int d, int k,
      int oversampling, double tolerance, int maxIterations, SplittableRandom random) {
    int b = Math.min(d, k + oversampling);
    double[] start = new double[d * b];
    for (int i = 0; i < start.length; i++) {
      start[i] = random.nextGaussian();
    }
    // basis: the orthonormal Krylov basis, d x m column-major; products: A times each column.
    double[] basis = Dense.orthonormalize(start, d, b);
    double[] products = new double[0];
    int m = b;
    double[] h = new double[0];
    double[] previous = null;
    double movement = Double.NaN;
    for (int iteration = 1; ; iteration++) {
      int newest = m - products.length / d;
      double[] block = Arrays.copyOfRange(basis, (m - newest) * d, m * d);
      products = concat(products, operator.apply(block, newest));
      h = rayleighQuotient(h, basis, products, d, m, newest);
      Dense.SymmetricEigen eigen = Dense.symmetricEigen(h, m);
      double[] ritz = multiply(basis, d, m, eigen.vectors(), k);
      double[] values = Arrays.copyOf(eigen.values(), b);
      double earlier = movement;
      if (previous != null) {
        movement = distance(previous, ritz, d, k);
      }
      boolean full = m == d;
      boolean converged = full || remainingError(movement, earlier, values, k) < tolerance;
      if (converged || iteration >= maxIterations) {
        return new Result(ritz, values, iteration, full ? 0 : movement, converged);
      }
      previous = ritz;
      int grow = Math.min(b, d - m);
      double[] next = orthogonalComplement(basis, d, m,
          Arrays.copyOfRange(products, (m - newest) * d, (m - newest + grow) * d), grow);
      basis = concat(basis, next);
      m += grow;
    }
  }

  /**
   * Estimated distance from the current Ritz subspace to the converged one. If every pass shrinks
   * the error by the factor r, the movements still to come sum to {@code movement r / (1 - r)}
   * (infinite when g >= 1: no gap, keep iterating). Subspace iteration's rate is g = |theta_k+1| /
   * |theta_k|, and the Krylov space converges at least that fast; once it is visibly faster, the
   * observed ratio of the last two movements is used instead (measured at d = 1600, g = 0.58:
   * observed ratios 0.28-0.30 from the sixth pass on, so the estimate with g alone is about 3
   * times too large and costs a pass). The initializer needs the subspace to about 1e-2 (its
   * statistical error at the sizes it is used at is larger), so stopping on this rather than on a
   * 1e-6 movement saves passes at equal accuracy.
   *
   * @param earlier the movement one pass before (NaN when unknown)
   */
  static double remainingError(double movement, double earlier, double[] ritzValues, int k) {
    if (!(movement >= 0)) {
      return Double.POSITIVE_INFINITY;
    }
    if (ritzValues.length <= k) {
      return movement; // no oversampling: no gap estimate
    }
    double g = Math.abs(ritzValues[k]) / Math.abs(ritzValues[k - 1]);
    if (!(g < 1)) {
      return Double.POSITIVE_INFINITY; // no gap: the top-k subspace is not determined
    }
    double observed = movement / earlier; // NaN when earlier is NaN: then g alone
    double r = observed < g ? observed : g;
    return movement * r / (1 - r);
  }

  /**
   * The m x m matrix {@code Q^T A Q} grown from the (m - newest) x (m - newest) one by the newest
   * columns: entry (i, j) with j new is {@code q_i . (A q_j)}, mirrored to (j, i), and the new
   * diagonal block is symmetrized, so the matrix is exactly symmetric.
   */
  private static double[] rayleighQuotient(double[] old, double[] basis, double[] products, int d,
      int m, int newest) {
    int o = m - newest;
    double[] h = new double[m * m];
    for (int j = 0; j < o; j++) {
      System.arraycopy(old, j * o, h, j * m, o);
    }
    for (int j = o; j < m; j++) {
      for (int i = 0; i < m; i++) {
        h[j * m + i] = Vectors.dot(basis, i * d, products, j * d, d);
      }
    }
    for (int j = o; j < m; j++) {
      for (int i = 0; i < o; i++) {
        h[i * m + j] = h[j * m + i];
      }
      for (int i = o; i < j; i++) {
        double mean = 0.5 * (h[j * m + i] + h[i * m + j]);
        h[j * m + i] = mean;
        h[i * m + j] = mean;
      }
    }
    return h;
  }

  /**
   * An orthonormal basis of the c columns of y with the span of the m orthonormal columns of q
   * removed: two rounds of classical Gram-Schmidt against q ("twice is enough"), a QR, and the
   * same again on the QR's columns, because a column of y that lies (numerically) in span(q)
   * leaves a direction the first QR picks arbitrarily, not orthogonal to q.
   */
  private static double[] orthogonalComplement(double[] q, int d, int m, double[] y, int c) {
    double[] z = y;
    for (int round = 0; round < 2; round++) {
      for (int pass = 0; pass < 2; pass++) {
        z = removeSpan(q, d, m, z, c);
      }
      z = Dense.orthonormalize(z, d, c);
    }
    return z;
  }

  /** {@code y - Q (Q^T y)} for the d x c block y and the d x m orthonormal Q. */
  private static double[] removeSpan(double[] q, int d, int m, double[] y, int c) {
    double[] out = y.clone();
    for (int j = 0; j < c; j++) {
      for (int i = 0; i < m; i++) {
        double f = Vectors.dot(q, i * d, y, j * d, d);
        for (int a = 0; a < d; a++) {
          out[j * d + a] -= f * q[i * d + a];
        }
      }
    }
    return out;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** The first {@code cols} columns of the d x b matrix u times the b x b matrix z. */
  private static double[] multiply(double[] u, int d, int b, double[] z, int cols) {
    double[] out = new double[d * cols];
    for (int c = 0; c < cols; c++) {
      for (int l = 0; l < b; l++) {
        double f = z[c * b + l];
        for (int a = 0; a < d; a++) {
          out[c * d + a] += f * u[l * d + a];
        }
      }
    }
    return out;
  }

  /** {@code |Q - P P^T Q|_F} for d x k orthonormal P, Q. */
  private static double distance(double[] p, double[] q, int d, int k) {
    double[] ptq = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        ptq[j * k + i] = Vectors.dot(p, i * d, q, j * d, d);
      }
    }
    double s = 0;
    for (int c = 0; c < k; c++) {
      for (int a = 0; a < d; a++) {
        double r = q[c * d + a];
        for (int i = 0; i < k; i++) {
          r -= p[i * d + a] * ptq[c * k + i];
        }
        s += r * r;
      }
    }
    return Math.sqrt(s);
  }
}
