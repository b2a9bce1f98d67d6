package org.nnrecover.initializers.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nnrecover.api.ActivationProfile;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.RefusedException;
import org.nnrecover.api.numerics.Vectors;

/**
 * Steps shared by the tensor and spectral initializers: the activation's orders, the refusals, the
 * variance-reduced P2_hat operator and its top-k subspace, and the variance-reduced projected
 * moments (METHOD.md sections 4 and 5).
 */
public final class MomentSteps {
  private MomentSteps() {}

  /** The scales at which {@link #requireFinite} looks at the profile's moments. */
  private static final double[] FINITE_CHECK_SIGMAS = {0.1, 1, 10};

  /**
   * Refuses an activation whose Gaussian moments are not finite (phi returns NaN or infinity on
   * Gaussian inputs): no order, magnitude or sign can be read from such moments, and the orders
   * computed from them would wrongly look like those of a linear activation.
   */
  static void requireFinite(ActivationProfile profile, String method) {
    for (double sigma : FINITE_CHECK_SIGMAS) {
      for (int j = 0; j <= 8; j++) {
        double m = profile.hermite(j, sigma);
        if (!Double.isFinite(m)) {
          throw new RefusedException(method + " cannot use this activation: its Hermite"
              + " coefficient m_" + j + "(" + sigma + ") = " + m + " is not finite (phi returns NaN"
              + " or infinity on Gaussian inputs of scale " + sigma + "); check the activation with"
              + " `nnrecover properties`");
        }
      }
    }
  }

  /** An order of the profile, or a refusal naming what is missing and why it is needed. */
  static int order(java.util.OptionalInt order, String name, String method, String why) {
    if (order.isEmpty()) {
      throw new RefusedException(method + " needs the moment order " + name + " (" + why
          + "), but every Hermite coefficient of this activation of that order or above is zero"
          + " (this happens for linear and quadratic activations); use an activation with a"
          + " nonzero moment of order >= 3, such as relu or squared-relu");
    }
    return order.getAsInt();
  }

  /** Refuses k > d and sample counts below {@code parts * minimum}. */
  static void checkShape(String method, int n, int d, int k, int minimumPerPart, int parts) {
    if (k > d) {
      throw new RefusedException(method + " recovers at most d units: k = " + k + " > d = " + d);
    }
    if (n < (long) parts * minimumPerPart) {
      throw new RefusedException(method + " needs at least " + (long) parts * minimumPerPart
          + " samples here (" + minimumPerPart + " per part x " + parts + " part(s)), got n = "
          + n + ": " + (minimumPerPart == d + 1 ? "at least d + 1 = " + (d + 1)
              + " to estimate the first moment"
              : "the k x k x k moment tensor has C(k + 2, 3) = " + tensorParameters(k)
                  + " free entries at k = " + k + ", and its decomposition was measured to need"
                  + " at least " + SAMPLES_PER_TENSOR_ENTRY + " samples per entry (n / C(k + 2,"
                  + " 3) = " + String.format("%.1f", (double) n / parts / tensorParameters(k))
                  + " here); use more samples, or at most k = " + largestK(n / parts)
                  + " units with these"));
    }
  }

  /**
   * Samples per free entry of the symmetric k x k x k tensor below which the tensor initializer
   * refuses. Measured (squared ReLU, kappa = 2, d = 50, n = 10^5, docs/results.md): k = 50, at 4.5
   * samples per entry, recovered every unit in 3 of 3 seeds (unitError 0.165-0.172); below about
   * 4 per entry the decomposition has nothing reliable to work on (the paper's k = 5 is refused
   * below n = 140; Figure 1a's grids start at 250).
   */
  static final int SAMPLES_PER_TENSOR_ENTRY = 4;

  /** C(k + 2, 3): the number of distinct entries of a symmetric k x k x k tensor. */
  static long tensorParameters(int k) {
    return (long) k * (k + 1) * (k + 2) / 6;
  }

  /** The largest k whose tensor the given sample count can estimate (at least 1). */
  static int largestK(long n) {
    int k = 1;
    while (SAMPLES_PER_TENSOR_ENTRY * tensorParameters(k + 1) <= n) {
      k++;
    }
    return k;
  }

  /**
   * Samples needed per part: max(d + 1, {@link #SAMPLES_PER_TENSOR_ENTRY} C(k + 2, 3)), the first
   * for the first moment, the second for the k x k x k tensor.
   */
  static int minimumSamples(int d, int k) {
    long tensor = SAMPLES_PER_TENSOR_ENTRY * tensorParameters(k);
    return (int) Math.min(Integer.MAX_VALUE, Math.max(d + 1L, tensor));
  }

  /** A uniformly random unit vector of R^n. */
  static double[] randomUnit(SplittableRandom random, int n) {
    double[] g = JennrichDecomposerProvider.gaussian(random, n);
    Vectors.normalize(g);
    return g;
  }

  /** All sample indices 0..n-1. */
  static int[] allRows(int n) {
    int[] rows = new int[n];
    for (int j = 0; j < n; j++) {
      rows[j] = j;
    }
    return rows;
  }

  /**
   * The labels of {@code rows} for P2_hat: with variance reduction {@code y - mean(y) - x .
   * M1_hat} (unbiased, because He_j(x) for j >= 2 is orthogonal to affine functions), else y.
   */
  static Moments.Labels secondMomentLabels(Moments moments, int[] rows,
      boolean varianceReduction) {
    if (!varianceReduction) {
      return Moments.Labels.PLAIN;
    }
    double[] first = moments.firstMoments(rows);
    return new Moments.Labels(first[0], java.util.Arrays.copyOfRange(first, 1, first.length));
  }

  /**
   * Labels minus their fitted Hermite part of degree <= {@code degree} (0, 1 or 2) in the
   * projected coordinates t: mean, {@code E[y t] . t} and {@code <E[y He_2(t)], He_2(t)> / 2}.
   */
  static double[] projectedResiduals(Moments moments, double[] labels, double[] t, int k,
      int degree) {
    double[][] weights = new double[4][];
    for (int r = 0; r <= degree; r++) {
      weights[r] = labels;
    }
    double[][] e = moments.hermiteOfProjection(t, k, weights);
    double[] out = new double[labels.length];
    for (int j = 0; j < out.length; j++) {
      double fit = e[0][0];
      if (degree >= 1) {
        fit += Vectors.dot(e[1], 0, t, j * k, k);
      }
      if (degree >= 2) {
        double quadratic = 0;
        for (int a = 0; a < k; a++) {
          double ta = t[j * k + a];
          for (int b = 0; b < k; b++) {
            quadratic += e[2][a * k + b] * (ta * t[j * k + b] - (a == b ? 1 : 0));
          }
        }
        fit += 0.5 * quadratic;
      }
      out[j] = labels[j] - fit;
    }
    return out;
  }

  /**
   * Result of step 2: the Ritz vectors and the diagnosis; {@code gapRatio} in the units of P2's
   * eigenvalues (the square root of the combined operator's when several alphas were combined).
   */
  record Subspace(double[] basis, BlockKrylov.Result iteration, double[] alpha,
      double gapRatio) {

    /** Whether the gap ratio is at most {@link #SMALL_GAP}: noise and signal are separated. */
    boolean reliable() {
      return !(gapRatio > SMALL_GAP);
    }
  }

  /**
   * Step 2: top-k eigenvectors of the variance-reduced P2_hat (order j2; a random unit alpha of
   * R^d when j2 > 2) by block Krylov, with its diagnosis recorded.
   *
   * <p>When j2 > 2, P2_hat weighs unit i by {@code m_j2(sigma_i) (alpha . wbar_i)^(j2-2)}: for an
   * unlucky alpha some unit's factor is small and its eigenvalue sinks into the noise, which the
   * gap ratio |theta_k+1| / |theta_k| shows. When it is above {@link #REDRAW_GAP}, the subspace is
   * recomputed from {@code draws} alphas combined as {@code sum_m P2(alpha_m)^2}: positive
   * semidefinite, with the same signal range span(W), and unit i weighted by {@code sum_m (alpha_m
   * . wbar_i)^(2(j2-2))}, which is small for no unit once a few alphas are summed (a plain sum of
   * the P2(alpha_m) could cancel). Its gap ratio is reported as the square root of the combined
   * operator's, in the units of P2's eigenvalues.
   */
  static Subspace subspace(Moments moments, int[] rows, int j2, int k, boolean varianceReduction,
      int oversampling, double tolerance, int maxIterations, int draws, SplittableRandom random,
      Diagnostics diagnostics) {
    int d = moments.samples().d();
    Moments.Labels labels = secondMomentLabels(moments, rows, varianceReduction);
    double[] alpha = j2 > 2 ? randomUnit(random, d) : null;
    Moments.SecondMomentOperator first = moments.secondMoment(rows, labels, j2 - 2, alpha);
    BlockKrylov.Result result = BlockKrylov.run(first::apply, d, k, oversampling,
        tolerance, maxIterations, random);
    double gap = result.gapRatio(k);
    if (j2 > 2) {
      diagnostics.put("subspace.first-alpha-gap-ratio", gap);
      boolean combine = draws > 1 && gap > REDRAW_GAP;
      diagnostics.put("subspace.alpha-draws", combine ? draws : 1);
      if (combine) {
        List<Moments.SecondMomentOperator> operators = new ArrayList<>();
        operators.add(first);
        for (int draw = 1; draw < draws; draw++) {
          operators.add(moments.secondMoment(rows, labels, j2 - 2, randomUnit(random, d)));
        }
        int passes = result.iterations();
        result = BlockKrylov.run((u, b) -> sumOfSquares(operators, u, b, d), d, k,
            oversampling, tolerance, maxIterations, random);
        gap = Math.sqrt(result.gapRatio(k));
        diagnostics.put("subspace.combined", "sum of P2(alpha_m)^2 over " + draws + " alphas"
            + " (the first alpha's gap ratio was above " + REDRAW_GAP + ")");
        diagnostics.put("subspace.passes", passes + 2 * draws * result.iterations());
      }
    }
    diagnostics.put("subspace.method", "block Krylov, block " + Math.min(d,
        k + oversampling) + ", P2_hat products from the samples in O(n d b)");
    diagnostics.put("subspace.iterations", result.iterations());
    diagnostics.put("subspace.converged", result.converged());
    diagnostics.put("subspace.movement", result.movement());
    diagnostics.put("subspace.ritz-values", UnitRecovery.toList(result.ritzValues()));
    diagnostics.put("subspace.gap-ratio", gap);
    if (gap > SMALL_GAP) {
      diagnostics.put("subspace.warning", "small eigen-gap: |theta_k+1| / |theta_k| = " + gap
          + " > " + SMALL_GAP + "; noise eigenvalues are nearly as large as the signal ones, so the"
          + " subspace (and everything after it) is unreliable: more samples are needed");
    }
    if (!result.converged()) {
      diagnostics.put("subspace.warning-iterations", "iteration cap " + maxIterations
          + " reached before the tolerance " + tolerance);
    }
    return new Subspace(result.vectors(), result, alpha, gap);
  }

  /**
   * Gap ratio above which a j2 > 2 subspace combines several alphas: the weakest signal eigenvalue
   * is then less than twice the largest noise one. (Unit i's eigenvalue is proportional to
   * alpha . wbar_i, about N(0, 1/d), so a single draw often buries a unit.)
   */
  static final double REDRAW_GAP = 0.5;

  /** {@code sum_m A_m (A_m U)} for the d x b block U. */
  private static double[] sumOfSquares(List<Moments.SecondMomentOperator> operators, double[] u,
      int b, int d) {
    double[] out = new double[d * b];
    for (Moments.SecondMomentOperator operator : operators) {
      double[] once = operator.apply(u, b);
      double[] twice = operator.apply(once, b);
      for (int i = 0; i < out.length; i++) {
        out[i] += twice[i];
      }
    }
    return out;
  }

  /** Gap ratio above which the subspace is reported as unreliable. */
  static final double SMALL_GAP = 0.75;

  /** The top-k Ritz values of a subspace result. */
  static double[] topRitz(BlockKrylov.Result result, int k) {
    return java.util.Arrays.copyOf(result.ritzValues(), k);
  }

  /** Profile orders for diagnostics. */
  static void recordOrders(ActivationProfile profile, Diagnostics diagnostics) {
    diagnostics.put("orders.j2", profile.j2().isPresent() ? profile.j2().getAsInt() : "none");
    diagnostics.put("orders.j3", profile.j3().isPresent() ? profile.j3().getAsInt() : "none");
    diagnostics.put("orders.l1", profile.l1().isPresent() ? profile.l1().getAsInt() : "none");
    diagnostics.put("orders.l2", profile.l2().isPresent() ? profile.l2().getAsInt() : "none");
    diagnostics.put("homogeneity-degree", profile.homogeneityDegree().isPresent()
        ? profile.homogeneityDegree().getAsDouble() : "none");
  }
}
