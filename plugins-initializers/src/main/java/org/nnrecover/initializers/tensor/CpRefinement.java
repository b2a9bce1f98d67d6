package org.nnrecover.initializers.tensor;

import org.nnrecover.api.Decomposition;

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
   * @param iterations ALS sweeps done (all runs)
   * @param converged whether the stopping rule fired before the sweep cap {@link #MAX_SWEEPS} (in
   *     the run whose result was kept)
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
    double[][] u = start.vectors();
    Als.Factors factors = Als.run(t, k, copy(u), copy(u), copy(u), MAX_SWEEPS, TOLERANCE);
    int sweeps = factors.sweeps();
    boolean converged = factors.converged();
    Decomposition refined = fitted(t, factors.symmetric(k), k);
    int repairs = 0;
    // ALS can settle with two columns on one component and a third component missing, which shows
    // as one weak unit (k = 40: weight 0.5 among weights near 1.8, unitError 1.36). Re-seed the
    // weakest unit with the best rank-one fit of what the others leave unexplained, and keep the
    // result of a new ALS run from there only if it lowers the residual.
    for (int attempt = 0; attempt < MAX_REPAIRS; attempt++) {
      int weakest = weakest(refined.weights());
      double[] others = t.clone();
      double[] model = SymmetricTensors.compose(refined.vectors(), refined.weights(), k);
      double[] own = SymmetricTensors.compose(new double[][] {refined.vectors()[weakest]},
          new double[] {refined.weights()[weakest]}, k);
      for (int q = 0; q < others.length; q++) {
        others[q] -= model[q] - own[q];
      }
      double[] seed = rankOne(others, k);
      if (Math.abs(Moments.dot(seed, 0, refined.vectors()[weakest], 0, k)) > SAME_DIRECTION) {
        break; // the weakest unit already is the best fit of what it is left to explain
      }
      double[][] reseeded = copy(refined.vectors());
      reseeded[weakest] = seed;
      Als.Factors again = Als.run(t, k, copy(reseeded), copy(reseeded), copy(reseeded),
          MAX_SWEEPS, TOLERANCE);
      sweeps += again.sweeps();
      Decomposition candidate = fitted(t, again.symmetric(k), k);
      if (!(candidate.residual() < refined.residual() * (1 - 1e-6))) {
        break;
      }
      refined = candidate;
      converged = again.converged();
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

  private static int weakest(double[] weights) {
    int at = 0;
    for (int i = 1; i < weights.length; i++) {
      if (Math.abs(weights[i]) < Math.abs(weights[at])) {
        at = i;
      }
    }
    return at;
  }

  /**
   * The unit u maximizing |T(u, u, u)| approximately: symmetric tensor power iteration
   * {@code u <- T(I, u, u) / |T(I, u, u)|} from the leading left singular vector of the unfolding.
   */
  static double[] rankOne(double[] t, int k) {
    double[] u = Unfolding.leadingBasis(t, k, 1);
    for (int iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
      double[] next = SymmetricTensors.contractTwo(t, k, u, u);
      if (SymmetricTensors.normalize(next) == 0) {
        break;
      }
      double change = 1 - Math.abs(Moments.dot(next, 0, u, 0, k));
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
