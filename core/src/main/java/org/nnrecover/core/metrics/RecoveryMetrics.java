package org.nnrecover.core.metrics;

import java.util.List;
import java.util.stream.IntStream;
import org.nnrecover.api.Network;
import org.nnrecover.api.numerics.Vectors;

/**
 * How well an estimate (W, v) recovers a ground truth (W*, v*) (METHOD.md section 8).
 *
 * <p>Every permutation {@code pi} is reported as a list: {@code pi.get(j)} is the estimate unit
 * matched with truth unit j. Each error has its own optimal permutation.
 *
 * <p>When an estimate is not finite (a diverged run) or so large that a distance overflows, the
 * errors are NaN, the permutations are empty and {@code success} is false.
 *
 * @param unitError {@code min_pi max_j |w*_j - w_pi(j)| / |w*_j|}, the paper's measure
 * @param permutation the optimal permutation of {@code unitError} (ties in the maximum are broken
 *     by the smallest sum of the relative unit errors); {@code success} uses it
 * @param frobError {@code min_pi |W* - W_pi|_F / |W*|_F}
 * @param frobPermutation the optimal permutation of {@code frobError}
 * @param signsCorrect the Figure-1b check: {@code sum_i v_i = sum_i v*_i} within
 *     {@link #V_TOLERANCE}
 * @param success the paper's success: {@code unitError <= }{@link #SUCCESS_THRESHOLD} and
 *     {@code v_pi(j) = v*_j} (within {@link #V_TOLERANCE}) for every j, pi = {@code permutation}
 * @param directionError scale-invariant form: {@code min_pi max_j |wbar*_j - wbar_pi(j)|} with
 *     {@code wbar = w / |w|} (the direction of a zero estimate unit is taken as the zero vector)
 * @param directionPermutation the optimal permutation of {@code directionError}
 * @param productError scale-invariant form: {@code max_j |q*_j - q_pi(j)| / |q*_j|} with
 *     {@code q_i = v_i |w_i|^p}, pi = {@code directionPermutation}; NaN when no homogeneity
 *     degree p was given
 */
public record RecoveryMetrics(
    double unitError,
    List<Integer> permutation,
    double frobError,
    List<Integer> frobPermutation,
    boolean signsCorrect,
    boolean success,
    double directionError,
    List<Integer> directionPermutation,
    double productError) {

  /** The paper's success threshold on {@code unitError}. */
  public static final double SUCCESS_THRESHOLD = 0.01;

  /**
   * Absolute tolerance when comparing output weights; v may be trained as a real vector, so
   * sign vectors are compared up to rounding.
   */
  public static final double V_TOLERANCE = 1e-9;

  /** Copies the permutations into immutable lists. */
  public RecoveryMetrics {
    permutation = List.copyOf(permutation);
    frobPermutation = List.copyOf(frobPermutation);
    directionPermutation = List.copyOf(directionPermutation);
  }

  /**
   * Computes every metric.
   *
   * @param truth the ground truth: finite, every unit w*_j non-zero
   * @param estimate an estimate with the same k and d; may be non-finite (see the type comment)
   * @param homogeneityDegree the degree p of a homogeneous activation ({@code phi(cz) = c^p phi(z)}
   *     for c > 0), used by {@code productError}; {@code Double.NaN} when there is none
   * @throws IllegalArgumentException on a shape mismatch, a non-finite or zero truth unit, a
   *     degree that is neither NaN nor finite and positive, or (p given) some {@code v*_j = 0}
   */
  public static RecoveryMetrics compute(Network truth, Network estimate, double homogeneityDegree) {
    validate(truth, estimate, homogeneityDegree);
    int k = truth.k();
    int d = truth.d();
    double[] wTrue = truth.weights();
    double[] wEst = estimate.weights();
    double[] vTrue = truth.outputWeights();
    double[] vEst = estimate.outputWeights();
    double[] normTrue = rowNorms(wTrue, k, d);
    double[] normEst = rowNorms(wEst, k, d);

    double[][] relative = new double[k][k];
    double[][] squared = new double[k][k];
    double[][] direction = new double[k][k];
    double truthFrobSquared = 0.0;
    for (int j = 0; j < k; j++) {
      truthFrobSquared += normTrue[j] * normTrue[j];
      for (int i = 0; i < k; i++) {
        double dist2 = 0.0;
        double dirDist2 = 0.0;
        // A zero estimate unit has no direction: scale by 0 so that its direction is 0. An
        // overflowing norm must not pass for zero: NaN marks the metric as not computable.
        double invEst = normEst[i] == 0.0 ? 0.0
            : Double.isFinite(normEst[i]) ? 1.0 / normEst[i] : Double.NaN;
        for (int a = 0; a < d; a++) {
          double t = wTrue[j * d + a];
          double e = wEst[i * d + a];
          dist2 += (t - e) * (t - e);
          double dir = t / normTrue[j] - e * invEst;
          dirDist2 += dir * dir;
        }
        squared[j][i] = dist2;
        relative[j][i] = Math.sqrt(dist2) / normTrue[j];
        direction[j][i] = Math.sqrt(dirDist2);
      }
    }

    boolean signsCorrect = Math.abs(Vectors.sum(vEst) - Vectors.sum(vTrue)) <= V_TOLERANCE;

    int[] unitPerm = finite(relative) ? Assignments.minMax(relative) : null;
    double unitError = unitPerm == null ? Double.NaN : Assignments.maxCost(relative, unitPerm);
    boolean success = unitPerm != null && unitError <= SUCCESS_THRESHOLD;
    for (int j = 0; success && j < k; j++) {
      success = Math.abs(vEst[unitPerm[j]] - vTrue[j]) <= V_TOLERANCE;
    }

    int[] frobPerm = finite(squared) ? Assignments.minSum(squared) : null;
    double frobError = frobPerm == null ? Double.NaN
        : Math.sqrt(Assignments.sumCost(squared, frobPerm) / truthFrobSquared);

    int[] dirPerm = finite(direction) ? Assignments.minMax(direction) : null;
    double directionError = dirPerm == null ? Double.NaN
        : Assignments.maxCost(direction, dirPerm);
    double productError = Double.NaN;
    if (dirPerm != null && !Double.isNaN(homogeneityDegree)) {
      productError = 0.0;
      for (int j = 0; j < k; j++) {
        double qTrue = vTrue[j] * Math.pow(normTrue[j], homogeneityDegree);
        double qEst = vEst[dirPerm[j]] * Math.pow(normEst[dirPerm[j]], homogeneityDegree);
        // Math.max propagates NaN, so an overflowing estimate cannot hide here.
        productError = Math.max(productError, Math.abs(qTrue - qEst) / Math.abs(qTrue));
      }
    }
    return new RecoveryMetrics(unitError, asList(unitPerm), frobError, asList(frobPerm),
        signsCorrect, success, directionError, asList(dirPerm), productError);
  }

  private static void validate(Network truth, Network estimate, double p) {
    if (truth.k() != estimate.k() || truth.d() != estimate.d()) {
      throw new IllegalArgumentException("truth and estimate differ in shape: truth has k = "
          + truth.k() + " units of dimension d = " + truth.d() + ", estimate has k = "
          + estimate.k() + ", d = " + estimate.d());
    }
    if (!Double.isNaN(p) && !(p > 0.0 && p < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("homogeneity degree must be finite and > 0, or NaN "
          + "for none; got " + p);
    }
    int d = truth.d();
    double[] w = truth.weights();
    double[] norms = rowNorms(w, truth.k(), d);
    for (int j = 0; j < truth.k(); j++) {
      double v = truth.outputWeight(j);
      for (int a = 0; a < d; a++) {
        if (!Double.isFinite(w[j * d + a])) {
          throw new IllegalArgumentException("truth unit w*_" + j + " has a non-finite entry "
              + w[j * d + a] + " at coordinate " + a);
        }
      }
      if (!(norms[j] > 0.0 && norms[j] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("truth unit w*_" + j + " has norm " + norms[j]
            + "; relative errors need every truth unit non-zero (and its norm finite)");
      }
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("truth output weight v*_" + j + " = " + v
            + " is not finite");
      }
      if (!Double.isNaN(p) && v == 0.0) {
        throw new IllegalArgumentException("truth output weight v*_" + j + " is 0: the relative "
            + "error of the products v_i |w_i|^p needs every v*_j non-zero");
      }
    }
  }

  private static double[] rowNorms(double[] w, int k, int d) {
    double[] norms = new double[k];
    for (int i = 0; i < k; i++) {
      double s = 0.0;
      for (int a = 0; a < d; a++) {
        s += w[i * d + a] * w[i * d + a];
      }
      norms[i] = Math.sqrt(s);
    }
    return norms;
  }

  private static boolean finite(double[][] cost) {
    for (double[] row : cost) {
      for (double c : row) {
        if (!Double.isFinite(c)) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<Integer> asList(int[] perm) {
    return perm == null ? List.of() : IntStream.of(perm).boxed().toList();
  }
}
