package org.nnrecover.core.theory;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;
import org.nnrecover.api.Activation;
import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.Samples;
import org.nnrecover.api.numerics.GaussianQuadrature;
import org.nnrecover.api.numerics.Vectors;
import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.store.R064Store;

/**
 * Local strong convexity at the ground truth (METHOD.md sections 2 and 8): the smallest eigenvalue
 * of the Hessian in W of f(W) = 1/(2n) sum_j (sum_i v_i phi(w_i . x_j) - y_j)^2 at W = W*, where
 * the residual vanishes and the Hessian is (1/n) sum_j (g_j g_j^T) (x) (x_j x_j^T),
 * g_j = v o phi'(W*^T x_j).
 *
 * <p>The Hessian is a dense dk x dk matrix; its rows and columns are indexed like W, i * d + a.
 * Memory is 8 (dk)^2 bytes (32 MB at dk = 2000) plus ojalgo's working copy for the symmetric
 * eigenvalue solver; dk is capped at {@link #MAX_DIMENSION}.
 */
public final class LocalStrongConvexity {
  /** Largest dk accepted: the dense eigenproblem needs about 16 (dk)^2 bytes and O((dk)^3) time. */
  public static final int MAX_DIMENSION = 3000;
  /** Samples per block of the Hessian accumulation. */
  private static final int BLOCK = 64;
  /** Side of the square tiles of the Hessian that one task updates (fits in L1 with BLOCK). */
  private static final int TILE = 32;
  /** Angular pieces of the 2-D polar rule are at most this long. */
  private static final double MAX_ARC = Math.PI / 8;
  private static final int ANGULAR_POINTS = 16;

  /**
   * The outcome.
   *
   * @param lambdaMin smallest eigenvalue of the Hessian at the ground truth
   * @param lambdaMax largest eigenvalue
   * @param dk the Hessian's side
   * @param n samples used (0 for the population Hessian)
   * @param method "empirical" or "population (numerical expectation)"
   */
  public record Result(double lambdaMin, double lambdaMax, int dk, int n, String method) {}

  private LocalStrongConvexity() {}

  /**
   * Smallest eigenvalue of the empirical Hessian at (W, v) over {@code samples}.
   *
   * @param w k x d row-major
   * @param v k output weights
   * @throws IllegalArgumentException on a shape mismatch, dk > MAX_DIMENSION, or n < dk (the
   *     Hessian is a sum of n rank-one terms, so it would be singular whatever phi is)
   */
  public static Result empirical(Activation activation, double[] w, double[] v, Samples samples) {
    double[] h = empiricalHessian(activation, w, v, samples);
    double[] range = extremeEigenvalues(h, v.length * samples.d());
    return new Result(range[0], range[1], v.length * samples.d(), samples.n(), "empirical");
  }

  /** Smallest eigenvalue of the population Hessian E_x[(g g^T) (x) (x x^T)] at (W, v) on R^d. */
  public static Result population(Activation activation, double[] w, double[] v, int d) {
    double[] h = populationHessian(activation, w, v, d);
    double[] range = extremeEigenvalues(h, v.length * d);
    return new Result(range[0], range[1], v.length * d, 0, "population (numerical expectation)");
  }

  /**
   * The empirical Hessian at the ground truth, dk x dk row-major. Cost O(n (dk)^2): the samples are
   * taken in blocks of 64; for each block the matrix U (dk x 64, column b = g_b (x) x_b) is formed
   * and H += U U^T is accumulated tile by tile. Each entry is summed in sample order by exactly one
   * task, so the result does not depend on the number of threads.
   */
  public static double[] empiricalHessian(Activation activation, double[] w, double[] v,
      Samples samples) {
    int d = samples.d();
    int k = v.length;
    int m = checkShapes(w, v, d);
    int n = samples.n();
    if (n < m) {
      throw new IllegalArgumentException("n = " + n + " samples are too few for a meaningful"
          + " Hessian of side dk = " + m + ": it has rank at most n; use n >= dk (better 10 dk)");
    }
    double[] h = new double[m * m];
    double[] u = new double[m * BLOCK];
    double[] z = new double[k];
    double[] g = new double[k];
    double[] phi = new double[k];
    int tiles = (m + TILE - 1) / TILE;
    SampleBlock view = new SampleBlock();
    // sample blocks in order, each cut into groups of BLOCK (a divisor of Samples.BLOCK_ROWS)
    for (int sb = 0; sb < samples.blocks(); sb++) {
      SampleBlock block = samples.block(sb, view);
      double[] x = block.x();
      for (int start = 0; start < block.rows(); start += BLOCK) {
        int count = Math.min(BLOCK, block.rows() - start);
        for (int b = 0; b < count; b++) {
          int row = block.xOffset() + (start + b) * d;
          for (int i = 0; i < k; i++) {
            double s = 0;
            for (int a = 0; a < d; a++) {
              s += w[i * d + a] * x[row + a];
            }
            z[i] = s;
          }
          activation.apply(z, 0, k, phi, g);
          for (int i = 0; i < k; i++) {
            double gi = v[i] * g[i];
            int base = i * d;
            for (int a = 0; a < d; a++) {
              u[(base + a) * BLOCK + b] = gi * x[row + a];
            }
          }
        }
        IntStream.range(0, tiles).parallel().forEach(tp -> accumulateTileRow(u, count, h, m, tp));
      }
    }
    double scale = 1.0 / n;
    for (int p = 0; p < m; p++) {
      for (int q = 0; q <= p; q++) {
        double value = h[p * m + q] * scale;
        h[p * m + q] = value;
        h[q * m + p] = value;
      }
    }
    return h;
  }

  /** Lower-triangle entries of tile row tp: h[p][q] += sum_b u[p][b] u[q][b], q <= p. */
  private static void accumulateTileRow(double[] u, int count, double[] h, int m, int tp) {
    int pEnd = Math.min(m, (tp + 1) * TILE);
    for (int tq = 0; tq <= tp; tq++) {
      int qEnd = Math.min(m, (tq + 1) * TILE);
      for (int p = tp * TILE; p < pEnd; p++) {
        int pu = p * BLOCK;
        int last = Math.min(qEnd - 1, p);
        for (int q = tq * TILE; q <= last; q++) {
          int qu = q * BLOCK;
          double s = 0;
          for (int b = 0; b < count; b++) {
            s += u[pu + b] * u[qu + b];
          }
          h[p * m + q] += s;
        }
      }
    }
  }

  /**
   * The population Hessian, dk x dk row-major, by numerical expectation. Block (i, l) is
   * v_i v_l E[phi'(w_i . x) phi'(w_l . x) x x^T]; with E an orthonormal basis of span(w_i, w_l)
   * and t = E^T x ~ N(0, I), it equals c0 (I - E E^T) + E C E^T, c0 = E[F(t)],
   * C = E[F(t) t t^T], F = phi'(w_i . x) phi'(w_l . x). These are 1-D integrals on the diagonal
   * (split at 0) and 2-D ones off it, done in polar coordinates with the angular range split at the
   * kink directions and the half-line rule in the radius. Cost O(k^2 (10^5 + d^2)).
   */
  public static double[] populationHessian(Activation activation, double[] w, double[] v, int d) {
    int k = v.length;
    int m = checkShapes(w, v, d);
    double[] h = new double[m * m];
    for (int i = 0; i < k; i++) {
      for (int l = 0; l <= i; l++) {
        double[] basis = new double[2 * d];
        double[] c = pairMoments(activation, w, d, i, l, basis);
        double c0 = c[0];
        int rank = c[4] > 0 ? 2 : 1;
        double vv = v[i] * v[l];
        for (int a = 0; a < d; a++) {
          for (int b = 0; b < d; b++) {
            double e1a = basis[a];
            double e1b = basis[b];
            double e2a = basis[d + a];
            double e2b = basis[d + b];
            double projector = e1a * e1b + (rank == 2 ? e2a * e2b : 0);
            double inSpan = c[1] * e1a * e1b
                + (rank == 2 ? c[2] * (e1a * e2b + e2a * e1b) + c[3] * e2a * e2b : 0);
            double value = vv * (c0 * ((a == b ? 1 : 0) - projector) + inSpan);
            h[(i * d + a) * m + l * d + b] = value;
            h[(l * d + b) * m + i * d + a] = value;
          }
        }
      }
    }
    return h;
  }

  /**
   * For units i and l: fills {@code basis} with e1 (and e2 when w_l is not parallel to w_i) and
   * returns {c0, C11, C12, C22, rank - 1}.
   */
  private static double[] pairMoments(Activation activation, double[] w, int d, int i, int l,
      double[] basis) {
    double normI = Vectors.norm(w, i * d, d);
    if (normI == 0) {
      throw new IllegalArgumentException("unit " + i + " has a zero weight vector; the Hessian"
          + " at the ground truth needs nonzero w_i");
    }
    for (int a = 0; a < d; a++) {
      basis[a] = w[i * d + a] / normI;
    }
    double b1 = Vectors.dot(w, l * d, basis, 0, d);
    for (int a = 0; a < d; a++) {
      basis[d + a] = w[l * d + a] - b1 * basis[a];
    }
    double b2 = Vectors.norm(basis, d, d);
    double normL = Vectors.norm(w, l * d, d);
    if (b2 <= 1e-12 * normL) {
      Arrays.fill(basis, d, 2 * d, 0);
      double c0 = GaussianQuadrature.expectation(t -> activation.derivative(normI * t)
          * activation.derivative(b1 * t));
      double c11 = GaussianQuadrature.expectation(t -> activation.derivative(normI * t)
          * activation.derivative(b1 * t) * t * t);
      return new double[] {c0, c11, 0, 0, 0};
    }
    for (int a = 0; a < d; a++) {
      basis[d + a] /= b2;
    }
    return polarMoments(activation, normI, b1, b2);
  }

  /**
   * E[F], E[F t1^2], E[F t1 t2], E[F t2^2] for t ~ N(0, I_2), F = phi'(a t1) phi'(b1 t1 + b2 t2),
   * in polar coordinates: (1/2pi) int dtheta int_0^inf F(r e) r exp(-r^2/2) dr. phi' may jump
   * where a line through 0 is crossed, which happens only at the four angles where one of the
   * two arguments vanishes, so the angular range is split there.
   */
  private static double[] polarMoments(Activation activation, double a, double b1, double b2) {
    double[] kinks = new double[6];
    kinks[0] = 0;
    kinks[1] = normalizeAngle(Math.PI / 2);
    kinks[2] = normalizeAngle(3 * Math.PI / 2);
    double perpendicular = Math.atan2(b2, b1) + Math.PI / 2;
    kinks[3] = normalizeAngle(perpendicular);
    kinks[4] = normalizeAngle(perpendicular + Math.PI);
    kinks[5] = 2 * Math.PI;
    Arrays.sort(kinks);
    double[] gaussNodes = new double[ANGULAR_POINTS];
    double[] gaussWeights = new double[ANGULAR_POINTS];
    GaussianQuadrature.gaussLegendre(gaussNodes, gaussWeights);
    double[] result = new double[5];
    result[4] = 1;
    for (int s = 0; s + 1 < kinks.length; s++) {
      double arc = kinks[s + 1] - kinks[s];
      if (arc <= 0) {
        continue;
      }
      int pieces = (int) Math.ceil(arc / MAX_ARC);
      double width = arc / pieces;
      for (int piece = 0; piece < pieces; piece++) {
        double mid = kinks[s] + (piece + 0.5) * width;
        for (int g = 0; g < ANGULAR_POINTS; g++) {
          double theta = mid + 0.5 * width * gaussNodes[g];
          double angularWeight = 0.5 * width * gaussWeights[g] / (2 * Math.PI);
          double cos = Math.cos(theta);
          double sin = Math.sin(theta);
          double first = a * cos;
          double second = b1 * cos + b2 * sin;
          double radial = 0;
          double radial2 = 0;
          for (int r = 0; r < GaussianQuadrature.size(); r++) {
            double rho = GaussianQuadrature.node(r);
            double f = GaussianQuadrature.plainWeight(r) * rho * Math.exp(-0.5 * rho * rho)
                * activation.derivative(first * rho) * activation.derivative(second * rho);
            radial += f;
            radial2 += f * rho * rho;
          }
          result[0] += angularWeight * radial;
          result[1] += angularWeight * radial2 * cos * cos;
          result[2] += angularWeight * radial2 * cos * sin;
          result[3] += angularWeight * radial2 * sin * sin;
        }
      }
    }
    return result;
  }

  private static double normalizeAngle(double theta) {
    double t = theta % (2 * Math.PI);
    return t < 0 ? t + 2 * Math.PI : t;
  }

  private static int checkShapes(double[] w, double[] v, int d) {
    int k = v.length;
    if (k < 1 || d < 1 || w.length != (long) k * d) {
      throw new IllegalArgumentException("W must be k x d = " + k + " x " + d + " (row-major, "
          + (long) k * d + " entries), got " + w.length + " entries");
    }
    long m = (long) k * d;
    if (m > MAX_DIMENSION) {
      throw new IllegalArgumentException("dk = " + m + " is too large for a dense Hessian"
          + " eigenproblem; the limit is dk <= " + MAX_DIMENSION);
    }
    return (int) m;
  }

  /**
   * Smallest and largest eigenvalue of a symmetric m x m matrix (row-major; symmetric, so it is
   * also its own column-major form for ojalgo), by ojalgo's symmetric eigenvalue solver.
   */
  public static double[] extremeEigenvalues(double[] symmetric, int m) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double value : eigenvalues(symmetric, m)) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    return new double[] {min, max};
  }

  /** All eigenvalues of a symmetric m x m matrix (row-major), in no particular order. */
  public static double[] eigenvalues(double[] symmetric, int m) {
    R064Store matrix = R064Store.wrap(symmetric, m);
    Eigenvalue<Double> solver = Eigenvalue.R064.make(matrix, true);
    if (!solver.computeValuesOnly(matrix)) {
      throw new IllegalStateException("the symmetric eigenvalue solver did not converge (m = "
          + m + ")");
    }
    double[] values = new double[m];
    solver.getEigenvalues(values, Optional.empty());
    return values;
  }
}
