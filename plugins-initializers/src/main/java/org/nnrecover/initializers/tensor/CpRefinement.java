package org.nnrecover.initializers.tensor;

import org.nnrecover.api.Decomposition;
import org.nnrecover.api.numerics.Vectors;

/**
 * Guarded least-squares refinement of a symmetric CP decomposition (METHOD.md section 5, step 4).
 *
 * <p>Alternating least squares ({@link Als}) started from the decomposer's unit vectors in all
 * three factors, symmetrized, weights refitted by least squares. Why ALS on unit vectors rather
 * than a Newton-type method on {@code x_i = cbrt(lambda_i) u_i}: in that parameterization a unit
 * whose fitted weight is 0 has x_i = 0, where the gradient {@code 3 T(I, x_i, x_i)} and every
 * Gauss-Newton block of x_i vanish, so the unit can never move (it is how a duplicated Jennrich
 * column lost a unit for good); ALS solves each factor for all weights at once from directions,
 * and a sweep costs O(r k^3 + r^3) instead of the O((r k)^3) normal equations of Levenberg-Marquardt
 * (381 s at k = 40). At low sample sizes the least-squares optimum is degenerate (near-collinear u_i
 * with huge cancelling weights), so the result is accepted only if it lowers the residual and its
 * cancellation ratio stays below {@code max(2 x before, 3)}; otherwise the start is kept.
 */
public final class CpRefinement {
  /** ALS sweep cap; {@link Result#converged()} says whether it bound. */
  static final int MAX_SWEEPS = 1000;

  /**
   * Stop when the relative residual improves by less than this over {@link Als#CHECK_EVERY} sweeps:
   * the initializer needs directions to about 1e-2, and the residual moves quadratically in them.
   */
  static final double TOLERANCE = 1e-8;

  /** At most this many re-seedings of the weakest unit. */
  static final int MAX_REPAIRS = 3;

  /** |cosine| above which the re-seed direction counts as the unit it would replace. */
  private static final double SAME_DIRECTION = 0.99;

  private static final int POWER_ITERATIONS = 100;

  private CpRefinement() {}

  /**
   * @param decomposition what was refined from (kept when rejected)
   * @param refined the refinement's result, accepted or not
   * @param accepted whether {@code refined} passed the guard
   * @param reason why it was accepted or rejected, in words
   * @param cancellationBefore cancellation ratio of the start
   * @param cancellationAfter cancellation ratio of the refinement's result
   * @param iterations ALS sweeps done, summed over all ALS runs (the first and one per repair
   *     tried), so it can exceed the per-run cap {@link #MAX_SWEEPS}
   * @param converged whether the stopping rule fired before the per-run sweep cap (in the run whose
   *     result was kept): false means the cap bound
   * @param repairs re-seedings of the weakest unit that were kept
   */
  public record Result(Decomposition decomposition, Decomposition refined, boolean accepted,
      String reason, double cancellationBefore, double cancellationAfter, int iterations,
      boolean converged, int repairs) {

    /** The decomposition to use: the refined one if accepted, else the start. */
    public Decomposition chosen() {
      return accepted ? refined : decomposition;
    }
  }

  /** Refines {@code start} as a model of the k x k x k tensor {@code t}, with the guard. */
  public static Result refine(double[] t, int k, Decomposition start) {
    return refine(t, k, start, MAX_SWEEPS);
  }

  /** {@link #refine(double[], int, Decomposition)} with another sweep cap per ALS run. */
  static Result refine(double[] t, int k, Decomposition start, int maxSweeps) {
    double[][] u = start.vectors();
    Als.Factors factors = Als.run(t, k, copy(u), copy(u), copy(u), maxSweeps, TOLERANCE);
    int sweeps = factors.sweeps();
    boolean converged = factors.converged();
    Decomposition refined = fitted(t, factors.symmetric(k), k);
    int repairs = 0;
    // ALS can settle in a swamp: two columns on one component and a third component missing,
    // which shows as a weak unit (k = 40: weight 0.5 among weights near 1.8) or as a nearly
    // collinear pair (k = 15: condition number 49, residual twice the attainable one). Re-seed such
    // a unit with the best rank-one fit of what the others leave unexplained, and keep the result
    // of a new ALS run from there only if it lowers the residual.
    for (int attempt = 0; attempt < MAX_REPAIRS; attempt++) {
      Decomposition repaired = null;
      for (int unit : suspects(refined, k)) {
        double[] seed = rankOne(unexplained(t, refined, unit, k), k);
        if (Math.abs(Vectors.dot(seed, 0, refined.vectors()[unit], 0, k)) > SAME_DIRECTION) {
          continue; // the unit already is the best fit of what it is left to explain
        }
        double[][] reseeded = copy(refined.vectors());
        reseeded[unit] = seed;
        Als.Factors again = Als.run(t, k, copy(reseeded), copy(reseeded), copy(reseeded),
            maxSweeps, TOLERANCE);
        sweeps += again.sweeps();
        Decomposition candidate = fitted(t, again.symmetric(k), k);
        if (candidate.residual() < refined.residual() * (1 - 1e-6)) {
          repaired = candidate;
          converged = again.converged();
          break;
        }
      }
      if (repaired == null) {
        break;
      }
      refined = repaired;
      repairs++;
    }
    double before = SymmetricTensors.cancellation(start.vectors(), start.weights(), k);
    double after = SymmetricTensors.cancellation(refined.vectors(), refined.weights(), k);
    double limit = Math.max(2 * before, 3);
    boolean lower = refined.residual() < start.residual();
    boolean accepted = lower && after <= limit;
    String reason = !lower ? "residual not lowered"
        : !(after <= limit) ? "cancellation ratio " + after + " above limit " + limit
            : "residual lowered and cancellation within limit";
    return new Result(start, refined, accepted, reason, before, after, sweeps, converged,
        repairs);
  }

  /** Least-squares weights and residual for fixed unit vectors. */
  private static Decomposition fitted(double[] t, double[][] vectors, int k) {
    double[] weights = SymmetricTensors.fitWeights(t, vectors, k);
    return new Decomposition(vectors, weights, SymmetricTensors.residual(t, vectors, weights, k));
  }

  /**
   * Units to re-seed, most suspect first: the one with the smallest |weight|, and the weaker unit
   * of the most collinear pair.
   */
  private static int[] suspects(Decomposition d, int k) {
    double[] weights = d.weights();
    double[][] u = d.vectors();
    int weakest = 0;
    for (int i = 1; i < weights.length; i++) {
      if (Math.abs(weights[i]) < Math.abs(weights[weakest])) {
        weakest = i;
      }
    }
    int pairWeaker = -1;
    double largest = -1;
    for (int i = 0; i < u.length; i++) {
      for (int j = i + 1; j < u.length; j++) {
        double c = Math.abs(Vectors.dot(u[i], 0, u[j], 0, k));
        if (c > largest) {
          largest = c;
          pairWeaker = Math.abs(weights[i]) < Math.abs(weights[j]) ? i : j;
        }
      }
    }
    return pairWeaker < 0 || pairWeaker == weakest ? new int[] {weakest}
        : new int[] {weakest, pairWeaker};
  }

  /** {@code T - sum_{i != unit} lambda_i u_i^(3)}: what the other units leave unexplained. */
  private static double[] unexplained(double[] t, Decomposition d, int unit, int k) {
    double[] out = t.clone();
    for (int i = 0; i < d.weights().length; i++) {
      if (i == unit) {
        continue;
      }
      double[] ui = d.vectors()[i];
      double w = d.weights()[i];
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          double f = w * ui[a] * ui[b];
          int base = (a * k + b) * k;
          for (int c = 0; c < k; c++) {
            out[base + c] -= f * ui[c];
          }
        }
      }
    }
    return out;
  }

  /**
   * The unit u maximizing |T(u, u, u)| approximately: symmetric tensor power iteration
   * {@code u <- T(I, u, u) / |T(I, u, u)|} from the leading left singular vector of the unfolding.
   */
  static double[] rankOne(double[] t, int k) {
    double[] u = Unfolding.leadingBasis(t, k, 1);
    for (int iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
      double[] next = SymmetricTensors.contractTwo(t, k, u, u);
      if (Vectors.normalize(next) == 0) {
        break;
      }
      double change = 1 - Math.abs(Vectors.dot(next, 0, u, 0, k));
      u = next;
      if (change < 1e-12) {
        break;
      }
    }
    return u;
  }

  private static double[][] copy(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
    }
    return out;
  }
}
