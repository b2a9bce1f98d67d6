package org.nnrecover.initializers.tensor;

import java.util.ArrayList;
import java.util.List;
import org.nnrecover.api.numerics.Vectors;

/**
 * Chooses k components from a pool of candidate unit vectors so that they explain several
 * symmetric tensors at once, each tensor with its own least-squares weights.
 *
 * <p>Why: when j3 > 3 the tensor {@code R3 = M_j3(V, V, V, alpha, ..)} weighs unit i by
 * {@code (alpha . wbar_i)^{j3-3}}. For any one alpha some unit usually has a small factor (for k = 5,
 * |alpha . wbar_i| < 0.1 for at least one unit in about 60% of draws), and that unit's direction is
 * then lost in the sampling noise - it is what made ReLU's init error large. Tensors for several
 * independent alphas share the components but not the small factors, so every unit is well
 * determined in some tensor. Each tensor is decomposed on its own; this class pools the results and
 * picks the k candidates with the smallest joint relative residual
 * {@code sum_m |T_m - sum_i lambda_mi u_i^(3)|^2 / |T_m|^2}: greedy forward selection, then
 * single exchanges while they lower the residual.
 *
 * <p>Everything is computed from inner products, without forming a model tensor:
 * {@code <u^(3), w^(3)> = (u . w)^3} and {@code <T, u^(3)> = T(u, u, u)}, so the residual of a set S
 * on tensor m is {@code |T_m|^2 - c_S^T G_SS^{-1} c_S} with {@code c_i = T_m(u_i, u_i, u_i)} and
 * {@code G_il = (u_i . u_l)^3}. Sets whose least-squares weights cancel (ratio above
 * {@link #MAX_CANCELLATION}) are not considered.
 */
public final class JointSelection {
  /**
   * Largest cancellation ratio {@code sum_i |lambda_i| / |model|_F} allowed for a set: near-duplicate
   * candidates (the same unit seen in two tensors) would otherwise fit noise with huge cancelling
   * weights, the degeneracy the refinement guard of METHOD.md section 5 also rejects (same bound).
   */
  static final double MAX_CANCELLATION = 3;

  private JointSelection() {}

  /**
   * @param chosen indices into the candidate pool, in selection order
   * @param relativeResidual {@code sqrt(mean over tensors of |T_m - model_m|^2 / |T_m|^2)}
   */
  public record Result(int[] chosen, double relativeResidual) {}

  /**
   * @param tensors k x k x k symmetric tensors
   * @param candidates unit vectors of R^k (at least {@code rank} of them)
   * @param rank how many to choose
   */
  public static Result select(List<double[]> tensors, double[][] candidates, int k, int rank) {
    if (candidates.length < rank || tensors.isEmpty()) {
      throw new IllegalArgumentException("joint selection needs at least " + rank
          + " candidates and one tensor, got " + candidates.length + " candidates and "
          + tensors.size() + " tensors");
    }
    int pool = candidates.length;
    int count = tensors.size();
    double[][] c = new double[count][pool];
    double[] squaredNorms = new double[count];
    for (int m = 0; m < count; m++) {
      double[] t = tensors.get(m);
      double norm = Vectors.norm(t);
      squaredNorms[m] = norm * norm;
      for (int i = 0; i < pool; i++) {
        double[] u = candidates[i];
        c[m][i] = Vectors.dot(u, 0, SymmetricTensors.contractTwo(t, k, u, u), 0, k);
      }
    }
    double[] gram = new double[pool * pool];
    for (int i = 0; i < pool; i++) {
      for (int l = 0; l < pool; l++) {
        gram[i * pool + l] = Math.pow(Vectors.dot(candidates[i], 0, candidates[l], 0, k), 3);
      }
    }
    Objective objective = new Objective(c, squaredNorms, gram, pool);

    List<Integer> set = new ArrayList<>();
    for (int step = 0; step < rank; step++) {
      int best = -1;
      double bestValue = Double.POSITIVE_INFINITY;
      for (int i = 0; i < pool; i++) {
        if (set.contains(i)) {
          continue;
        }
        set.add(i);
        double value = objective.value(set);
        set.remove(set.size() - 1);
        if (value < bestValue) {
          bestValue = value;
          best = i;
        }
      }
      if (best < 0) {
        throw new IllegalStateException("joint selection: no candidate set has a nonsingular Gram"
            + " matrix; the candidates are collinear");
      }
      set.add(best);
    }
    double current = objective.value(set);
    boolean improved = true;
    // Each accepted exchange strictly lowers the objective, so this terminates.
    while (improved) {
      improved = false;
      for (int position = 0; position < rank; position++) {
        for (int i = 0; i < pool; i++) {
          if (set.contains(i)) {
            continue;
          }
          int old = set.set(position, i);
          double value = objective.value(set);
          if (value < current * (1 - 1e-12)) {
            current = value;
            improved = true;
          } else {
            set.set(position, old);
          }
        }
      }
    }
    int[] chosen = set.stream().mapToInt(Integer::intValue).toArray();
    return new Result(chosen, Math.sqrt(Math.max(0, current) / count));
  }

  /** The joint relative squared residual of a candidate set. */
  private record Objective(double[][] c, double[] squaredNorms, double[] gram, int pool) {

    /** Sum over tensors of the relative squared residual; +infinity for a singular Gram. */
    double value(List<Integer> set) {
      int r = set.size();
      double[] g = new double[r * r];
      for (int a = 0; a < r; a++) {
        for (int b = 0; b < r; b++) {
          g[b * r + a] = gram[set.get(a) * pool + set.get(b)];
        }
      }
      // one factorization of G_SS for all tensors: column m of the right-hand side is c_S of T_m
      double[] rhs = new double[r * c.length];
      for (int m = 0; m < c.length; m++) {
        for (int a = 0; a < r; a++) {
          rhs[m * r + a] = c[m][set.get(a)];
        }
      }
      double[] lambda = Dense.choleskySolve(g, r, rhs);
      if (lambda == null) {
        return Double.POSITIVE_INFINITY;
      }
      double total = 0;
      for (int m = 0; m < c.length; m++) {
        double explained = Vectors.dot(rhs, m * r, lambda, m * r, r);
        double sum = 0;
        for (int a = 0; a < r; a++) {
          sum += Math.abs(lambda[m * r + a]);
        }
        if (!(sum <= MAX_CANCELLATION * Math.sqrt(Math.max(explained, 0)))) {
          return Double.POSITIVE_INFINITY;
        }
        total += (squaredNorms[m] - explained) / squaredNorms[m];
      }
      return total;
    }
  }
}
