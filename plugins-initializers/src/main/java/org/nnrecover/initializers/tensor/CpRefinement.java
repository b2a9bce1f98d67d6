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

  private CpRefinement() {}

  /**
   * @param decomposition what was refined from (kept when rejected)
   * @param refined the refinement's result, accepted or not
   * @param accepted whether {@code refined} passed the guard
   * @param reason why it was accepted or rejected, in words
   * @param cancellationBefore cancellation ratio of the start
   * @param cancellationAfter cancellation ratio of the refinement's result
   * @param iterations ALS sweeps done
   * @param converged whether the stopping rule fired before the sweep cap {@link #MAX_SWEEPS}
   */
  public record Result(Decomposition decomposition, Decomposition refined, boolean accepted,
      String reason, double cancellationBefore, double cancellationAfter, int iterations,
      boolean converged) {

    /** The decomposition to use: the refined one if accepted, else the start. */
    public Decomposition chosen() {
      return accepted ? refined : decomposition;
    }
  }

  /** Refines {@code start} as a model of the k x k x k tensor {@code t}, with the guard. */
  public static Result refine(double[] t, int k, Decomposition start) {
    double[][] u = start.vectors();
    Als.Factors factors = Als.run(t, k, copy(u), copy(u), copy(u), MAX_SWEEPS, TOLERANCE);
    double[][] vectors = factors.symmetric(k);
    double[] weights = SymmetricTensors.fitWeights(t, vectors, k);
    Decomposition refined = new Decomposition(vectors, weights,
        SymmetricTensors.residual(t, vectors, weights, k));
    double before = SymmetricTensors.cancellation(start.vectors(), start.weights(), k);
    double after = SymmetricTensors.cancellation(vectors, weights, k);
    double limit = Math.max(2 * before, 3);
    boolean lower = refined.residual() < start.residual();
    boolean accepted = lower && after <= limit;
    String reason = !lower ? "residual not lowered"
        : !(after <= limit) ? "cancellation ratio " + after + " above limit " + limit
            : "residual lowered and cancellation within limit";
    return new Result(start, refined, accepted, reason, before, after, factors.sweeps(),
        factors.converged());
  }

  private static double[][] copy(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
    }
    return out;
  }
}
