package org.nnrecover.initializers.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProfile;
import org.nnrecover.api.Decomposition;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.InitContext;
import org.nnrecover.api.Network;
import org.nnrecover.api.Samples;
import org.nnrecover.api.numerics.Vectors;

/**
 * The paper's Algorithm 1 with the measures METHOD.md section 5 records as needed in practice:
 * sample reuse, variance-reduced moment estimators, alpha inside span(V), the decomposer plugin,
 * guarded refinement, and the inertia cross-check of the signs.
 *
 * @param split use three disjoint random parts of the samples (the theory's variant) instead of
 *     reusing all samples in every step
 * @param decomposer name of the tensor-decomposer plugin
 * @param tolerance subspace-iteration tolerance on the movement of the Ritz subspace
 * @param maxIterations subspace-iteration cap
 * @param oversampling extra block columns p
 * @param refine run the guarded least-squares refinement of the decomposition
 * @param alphaInSubspace draw alpha as V beta (beta uniform on the unit sphere of R^k) rather than
 *     uniform on the unit sphere of R^d
 * @param varianceReduction subtract fitted lower-degree parts of y before each moment
 * @param alphaDraws number of independent alphas when j3 > 3, whose tensors' decompositions are
 *     pooled and jointly selected from (JointSelection)
 * @param subspaceDraws when j2 > 2, at most this many alphas for P2_hat, drawn while the eigen-gap
 *     ratio says a unit is buried (MomentSteps#subspace)
 * @param magnitudeFit for activations without a homogeneity degree, refit the magnitudes by least
 *     squares on the projected samples (MagnitudeFit) after the moment-ratio inversion
 * @param controlRounds rounds of the model-based control variate (ControlVariate) after the first
 *     estimate: tensor, Q2 and Q1 re-estimated from the residual labels y - f_hat, decomposition
 *     refined from the current directions, magnitudes and signs again (0: none)
 */
public record TensorMethod(boolean split, String decomposer, double tolerance, int maxIterations,
    int oversampling, boolean refine, boolean alphaInSubspace, boolean varianceReduction,
    int alphaDraws, int subspaceDraws, boolean magnitudeFit, int controlRounds) {

  private static final String NAME = "the tensor initializer";

  /** Runs the method on the context's samples. */
  public Network initialize(InitContext context) {
    ActivationProfile profile = context.profile();
    Diagnostics diagnostics = context.diagnostics();
    MomentSteps.requireFinite(profile, NAME);
    MomentSteps.recordOrders(profile, diagnostics);
    int j2 = MomentSteps.order(profile.j2(), "j2", NAME, "the subspace comes from M_j2");
    int j3 = MomentSteps.order(profile.j3(), "j3", NAME, "the directions come from the"
        + " third-order tensor M_j3");
    int l1 = MomentSteps.order(profile.l1(), "l1", NAME, "the signs come from M_l1");
    int l2 = MomentSteps.order(profile.l2(), "l2", NAME, "the magnitudes come from M_l2");
    Samples samples = context.samples();
    int n = samples.n();
    int d = samples.d();
    int k = context.k();
    MomentSteps.checkShape(NAME, n, d, k, MomentSteps.minimumSamples(d, k), split ? 3 : 1);
    SplittableRandom random = context.random();

    int[][] parts = parts(n, random);
    diagnostics.put("samples", split ? "split" : "reuse");
    diagnostics.put("samples.per-step", Arrays.asList(parts[0].length, parts[1].length,
        parts[2].length));
    diagnostics.put("variance-reduction", varianceReduction);
    diagnostics.put("alpha", alphaInSubspace ? "subspace" : "ambient");
    Moments moments = new Moments(samples, context.reducer(), context.kernels());

    // Step 2: the subspace.
    long clock = System.nanoTime();
    MomentSteps.Subspace subspace = MomentSteps.subspace(moments, parts[0], j2, k,
        varianceReduction, oversampling, tolerance, maxIterations, subspaceDraws, random,
        diagnostics);
    double[] basis = subspace.basis();
    diagnostics.put("seconds.subspace", (System.nanoTime() - clock) * 1e-9);
    double tensorSeconds = 0;
    double decompositionSeconds = 0;

    // Steps 3 and 4: alpha, R3 = P3_hat(V, V, V) and its decomposition. When j3 > 3 the weights
    // of R3 carry (alpha . wbar_i)^(j3-3), so several alphas are drawn and their decompositions
    // pooled (JointSelection); with j3 = 3 alpha does not enter R3 and one tensor is enough.
    int draws = j3 > 3 ? alphaDraws : 1;
    diagnostics.put("decomposer", decomposer);
    diagnostics.put("alpha.draws", draws);
    Projected tensorPart = null;
    double[] gamma = null;
    List<double[]> tensors = new ArrayList<>();
    List<double[]> candidates = new ArrayList<>();
    Decomposition decomposition = null;
    double[] r3 = null;
    for (int draw = 0; draw < draws; draw++) {
      String prefix = draws == 1 ? "" : "draw" + draw + ".";
      double[][] alphaPair = alpha(random, basis, d, k);
      if (draw == 0) {
        gamma = alphaPair[1];
      }
      clock = System.nanoTime();
      Projected projected = Projected.of(moments, parts[1], basis, k, alphaPair[0]);
      if (tensorPart == null) {
        tensorPart = projected;
      }
      double[] labels3 = projected.labels(moments, k, varianceReduction ? 2 : -1);
      r3 = moments.projectedContraction(3, j3 - 3, projected.t, k, labels3, projected.h,
          alphaPair[1]);
      long tensorDone = System.nanoTime();
      tensorSeconds += (tensorDone - clock) * 1e-9;
      decomposition = decompose(context, r3, k, random, diagnostics, prefix,
          subspace.reliable() ? DECOMPOSITION_ATTEMPTS : 1);
      decompositionSeconds += (System.nanoTime() - tensorDone) * 1e-9;
      tensors.add(r3);
      candidates.addAll(List.of(decomposition.vectors()));
    }
    double[][] u;
    if (draws == 1) {
      u = decomposition.vectors();
    } else {
      JointSelection.Result joint = JointSelection.select(tensors,
          candidates.toArray(new double[0][]), k, k);
      u = new double[k][];
      List<Integer> from = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        u[i] = candidates.get(joint.chosen()[i]);
        from.add(joint.chosen()[i] / k);
      }
      diagnostics.put("joint.relative-residual", joint.relativeResidual());
      diagnostics.put("joint.chosen-from-draw", from);
      // Report weights, cancellation and conditioning against the last tensor.
      double[] weights = SymmetricTensors.fitWeights(r3, u, k);
      decomposition = new Decomposition(u, weights, SymmetricTensors.residual(r3, u, weights, k));
    }
    diagnostics.put("seconds.tensor", tensorSeconds);
    diagnostics.put("seconds.decomposition", decompositionSeconds);
    clock = System.nanoTime();
    diagnostics.put("decomposition.weights", UnitRecovery.toList(decomposition.weights()));
    diagnostics.put("decomposition.cancellation",
        SymmetricTensors.cancellation(u, decomposition.weights(), k));
    diagnostics.put("decomposition.condition",
        Dense.conditionNumber(SymmetricTensors.columns(u, k), k, u.length));

    // Step 5: magnitudes and signs from Q2 and Q1. When l2 > 2 or l1 > 1 their weights carry
    // powers of a_i = alpha . (V u_i); now that the u_i are known, alpha is chosen inside span(V)
    // with all a_i equal (U^T gamma = 1, normalized), so that no unit's estimate is divided by a
    // small factor. Since alpha = V gamma, alpha . x = gamma . t needs no new pass over X.
    double[] balanced = balancedGamma(u, k);
    if (balanced != null) {
      gamma = balanced;
    }
    diagnostics.put("magnitudes.alpha", balanced != null ? "balanced: U^T gamma = 1, normalized"
        : "first alpha draw (U singular)");
    Projected magnitudeRows = parts[2] == parts[1] ? tensorPart
        : Projected.of(moments, parts[2], basis, k, null);
    Projected magnitudePart = magnitudeRows.along(gamma, k);
    double[] labels2 = magnitudePart.labels(moments, k, varianceReduction ? 1 : -1);
    double[] labels1 = magnitudePart.labels(moments, k, varianceReduction ? 0 : -1);
    double[] q2 = moments.projectedContraction(2, l2 - 2, magnitudePart.t, k, labels2,
        magnitudePart.h, gamma);
    double[] q1 = moments.projectedContraction(1, l1 - 1, magnitudePart.t, k, labels1,
        magnitudePart.h, gamma);
    double meanLabel = moments.meanLabel(parts[2]);
    ControlVariate.Network net = units(context, u, gamma, q2, q1, magnitudePart, subspace,
        meanLabel, diagnostics);
    diagnostics.put("seconds.magnitudes-and-signs", (System.nanoTime() - clock) * 1e-9);

    net = controlRounds(context, moments, net, gamma, tensorPart, magnitudeRows, subspace,
        meanLabel, diagnostics);
    double[] w = new double[k * d];
    for (int i = 0; i < k; i++) {
      double f = net.sigma()[i] * net.s()[i];
      for (int c = 0; c < k; c++) {
        double g = f * net.u()[i][c];
        for (int x = 0; x < d; x++) {
          w[i * d + x] += g * basis[c * d + x];
        }
      }
    }
    return new Network(w, net.v(), d);
  }

  /**
   * Step 5 for the directions u: magnitudes and signs from the estimates Q2 and Q1 (taken along
   * gamma), then, for an activation without a homogeneity degree, the least-squares refit of the
   * magnitudes on the projected samples.
   */
  private ControlVariate.Network units(InitContext context, double[][] u, double[] gamma,
      double[] q2, double[] q1, Projected magnitudePart, MomentSteps.Subspace subspace,
      double meanLabel, Diagnostics diagnostics) {
    ActivationProfile profile = context.profile();
    int k = context.k();
    int l2 = profile.l2().getAsInt();
    int l1 = profile.l1().getAsInt();
    double[] r = fitRankOne(q2, u, k);
    double[] z = Dense.leastSquares(SymmetricTensors.columns(u, k), k, u.length, q1);
    double[] a = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      a[i] = Vectors.dot(gamma, 0, u[i], 0, k);
    }
    diagnostics.put("signs.a", UnitRecovery.toList(a));
    UnitRecovery.Units units = UnitRecovery.recover(profile, l2, r, a, l1, z, a,
        MomentSteps.topRitz(subspace.iteration(), k), profile.j2().getAsInt(), meanLabel,
        diagnostics);
    double[] sigma = units.sigma();
    if (magnitudeFit && profile.homogeneityDegree().isEmpty()) {
      MagnitudeFit.Result fit = MagnitudeFit.fit(profile.activation(), magnitudePart.t,
          magnitudePart.y, u, units.s(), units.v(), sigma, UnitRecovery.SIGMA_MIN,
          UnitRecovery.SIGMA_MAX, context.reducer());
      sigma = fit.sigma();
      diagnostics.put("magnitudes.fit", "least squares on the projected samples from the"
          + " moment-ratio estimates (directions and v fixed)");
      diagnostics.put("magnitudes.fit.mean-squared-residual-before", fit.before());
      diagnostics.put("magnitudes.fit.mean-squared-residual-after", fit.after());
      diagnostics.put("magnitudes.fit.iterations", fit.iterations());
      diagnostics.put("magnitudes.fit.sigma", UnitRecovery.toList(sigma));
    }
    return new ControlVariate.Network(u, sigma, units.s(), units.v());
  }

  /**
   * Control-variate rounds (ControlVariate): each re-estimates the tensor as the estimated
   * network's exact tensor plus the sample tensor of the residual labels {@code y - f_hat}, refines
   * the decomposition from the current directions, and re-estimates Q2 and Q1 the same way before
   * step 5 runs again. For j3 > 3 the tensor is taken along the balanced gamma (all unit weights
   * carry the same factor a^(j3-3)), so one tensor replaces the pooled alpha draws. A round is kept
   * only if its network fits the samples better (lower mean squared residual) than the one it
   * started from; the first round that does not stops the rounds.
   */
  private ControlVariate.Network controlRounds(InitContext context, Moments moments,
      ControlVariate.Network start, double[] startGamma, Projected tensorRows,
      Projected magnitudeRows, MomentSteps.Subspace subspace, double meanLabel,
      Diagnostics diagnostics) {
    diagnostics.put("control.rounds", controlRounds);
    if (controlRounds == 0) {
      return start;
    }
    long clock = System.nanoTime();
    ActivationProfile profile = context.profile();
    Activation phi = profile.activation();
    int k = context.k();
    int j3 = profile.j3().getAsInt();
    int l2 = profile.l2().getAsInt();
    int l1 = profile.l1().getAsInt();
    double labelVariance = ControlVariate.variance(tensorRows.y);
    ControlVariate.Network net = start;
    double[] gamma = startGamma;
    double[] residual = ControlVariate.residual(tensorRows.y,
        ControlVariate.values(phi, net, tensorRows.t, k));
    double loss = ControlVariate.meanSquare(residual);
    List<Double> ratios = new ArrayList<>(List.of(ControlVariate.variance(residual)
        / labelVariance));
    List<Integer> sweeps = new ArrayList<>();
    int kept = 0;
    for (int round = 1; round <= controlRounds; round++) {
      Projected tensorPart = j3 > 3 ? tensorRows.along(gamma, k) : tensorRows;
      double[] r3 = ControlVariate.moment(moments, profile, net, 3, j3 - 3, tensorPart, residual,
          gamma, k, varianceReduction ? 2 : -1);
      double[] weights = SymmetricTensors.fitWeights(r3, net.u(), k);
      CpRefinement.Result refined = CpRefinement.refine(r3, k, new Decomposition(net.u(),
          weights, SymmetricTensors.residual(r3, net.u(), weights, k)), CONTROL_SWEEPS);
      sweeps.add(refined.iterations());
      double[][] u = refined.chosen().vectors();

      double[] balanced = balancedGamma(u, k);
      double[] nextGamma = balanced != null ? balanced : gamma;
      Projected magnitudePart = magnitudeRows.along(nextGamma, k);
      double[] magnitudeResidual = magnitudeRows == tensorRows ? residual
          : ControlVariate.residual(magnitudeRows.y,
              ControlVariate.values(phi, net, magnitudeRows.t, k));
      double[] q2 = ControlVariate.moment(moments, profile, net, 2, l2 - 2, magnitudePart,
          magnitudeResidual, nextGamma, k, varianceReduction ? 1 : -1);
      double[] q1 = ControlVariate.moment(moments, profile, net, 1, l1 - 1, magnitudePart,
          magnitudeResidual, nextGamma, k, varianceReduction ? 0 : -1);
      Map<String, Object> record = new LinkedHashMap<>();
      ControlVariate.Network next = units(context, u, nextGamma, q2, q1, magnitudePart, subspace,
          meanLabel, record::put);

      double[] nextResidual = ControlVariate.residual(tensorRows.y,
          ControlVariate.values(phi, next, tensorRows.t, k));
      double nextLoss = ControlVariate.meanSquare(nextResidual);
      ratios.add(ControlVariate.variance(nextResidual) / labelVariance);
      if (!(nextLoss < loss)) {
        break;
      }
      record.forEach(diagnostics::put);
      net = next;
      gamma = nextGamma;
      residual = nextResidual;
      loss = nextLoss;
      kept++;
    }
    diagnostics.put("control.rounds-kept", kept);
    diagnostics.put("control.residual-variance-ratio", ratios);
    diagnostics.put("control.refinement-sweeps", sweeps);
    diagnostics.put("seconds.control", (System.nanoTime() - clock) * 1e-9);
    return net;
  }

  /**
   * ALS sweep cap per run in a control round. From a good first estimate the warm-started
   * refinement converges in 10-15 sweeps (d = 50, k = 10..50); one that needs hundreds starts from
   * a wrong estimate (d = 200, k = 40, n = 50000, unreliable subspace: 930 sweeps, 6 s, and the
   * round was then rejected), where more sweeps only cost time.
   */
  static final int CONTROL_SWEEPS = 100;

  /**
   * A random unit alpha and gamma = V^T alpha: alpha = V gamma with gamma uniform on the unit
   * sphere of R^k (inside the subspace), or alpha uniform on the sphere of R^d.
   */
  private double[][] alpha(SplittableRandom random, double[] basis, int d, int k) {
    double[] alpha;
    double[] gamma;
    if (alphaInSubspace) {
      gamma = MomentSteps.randomUnit(random, k);
      alpha = new double[d];
      for (int c = 0; c < k; c++) {
        for (int a = 0; a < d; a++) {
          alpha[a] += gamma[c] * basis[c * d + a];
        }
      }
    } else {
      alpha = MomentSteps.randomUnit(random, d);
      gamma = new double[k];
      for (int c = 0; c < k; c++) {
        gamma[c] = Vectors.dot(basis, c * d, alpha, 0, d);
      }
    }
    return new double[][] {alpha, gamma};
  }

  /**
   * Largest condition number of the k recovered directions (as columns) that counts as a healthy
   * decomposition. Measured at d = 50, n = 10^5, kappa = 2, k = 10..50: every decomposition that
   * recovered the units had 1.9-2.2; every one that lost a unit (two columns on one component)
   * had 23-100.
   */
  static final double HEALTHY_CONDITION = 10;

  /** Decomposition attempts at most when the first is not healthy. */
  static final int DECOMPOSITION_ATTEMPTS = 3;

  /**
   * Step 4 on one tensor: the decomposer plugin, then the guarded refinement when enabled. When
   * the result is not healthy (the refinement hit its sweep cap, or the directions' condition
   * number is above {@link #HEALTHY_CONDITION}), the decomposer is run again with fresh
   * randomness, up to {@link #DECOMPOSITION_ATTEMPTS} times, and the smallest residual is kept;
   * the diagnostics are those of the kept attempt. No retry when the subspace is unreliable
   * ({@code attempts} = 1): the tensor is then noise-dominated and another decomposition of it
   * costs time without helping (d = 200, n = 50000, k = 40: gap ratio 0.88).
   */
  private Decomposition decompose(InitContext context, double[] r3, int k,
      SplittableRandom random, Diagnostics diagnostics, String prefix, int attempts) {
    Decomposition best = null;
    Map<String, Object> bestRecord = null;
    List<Double> residuals = new ArrayList<>();
    for (int attempt = 0; attempt < attempts; attempt++) {
      Map<String, Object> record = new LinkedHashMap<>();
      Decomposition result = decomposeOnce(context, r3, k, random, record::put, prefix);
      double condition = Dense.conditionNumber(SymmetricTensors.columns(result.vectors(), k), k,
          result.vectors().length);
      residuals.add(result.residual());
      if (best == null || result.residual() < best.residual()) {
        best = result;
        bestRecord = record;
      }
      boolean capReached = Boolean.TRUE.equals(record.get(prefix + "refinement.cap-reached"));
      if (condition <= HEALTHY_CONDITION && !capReached) {
        break;
      }
    }
    bestRecord.forEach(diagnostics::put);
    diagnostics.put(prefix + "decomposition.attempts", residuals.size());
    diagnostics.put(prefix + "decomposition.attempt-residuals", residuals);
    return best;
  }

  private Decomposition decomposeOnce(InitContext context, double[] r3, int k,
      SplittableRandom random, Diagnostics diagnostics, String prefix) {
    Diagnostics decomposerDiagnostics = (key, value) -> diagnostics.put(prefix + "decomposer."
        + key, value);
    Decomposition decomposition = context.decomposer(decomposer).decompose(r3, k, k, random,
        decomposerDiagnostics);
    double tensorNorm = Vectors.norm(r3);
    diagnostics.put(prefix + "decomposition.residual", decomposition.residual());
    diagnostics.put(prefix + "decomposition.relative-residual",
        decomposition.residual() / tensorNorm);
    if (!refine) {
      diagnostics.put(prefix + "refinement.accepted", false);
      diagnostics.put(prefix + "refinement.reason", "off");
      return decomposition;
    }
    CpRefinement.Result refined = CpRefinement.refine(r3, k, decomposition);
    diagnostics.put(prefix + "refinement.accepted", refined.accepted());
    diagnostics.put(prefix + "refinement.reason", refined.reason());
    diagnostics.put(prefix + "refinement.residual", refined.refined().residual());
    diagnostics.put(prefix + "refinement.cancellation-before", refined.cancellationBefore());
    diagnostics.put(prefix + "refinement.cancellation-after", refined.cancellationAfter());
    // iterations: sweeps summed over the first ALS run and each repair tried (it can exceed the
    // per-run cap); cap-reached: whether the kept run stopped at the cap. The method text below is
    // unchanged so that records made before this note still pass run --from-record.
    diagnostics.put(prefix + "refinement.iterations", refined.iterations());
    diagnostics.put(prefix + "refinement.method", "alternating least squares from the decomposer's"
        + " unit vectors, at most " + CpRefinement.MAX_SWEEPS + " sweeps");
    diagnostics.put(prefix + "refinement.cap-reached", !refined.converged());
    diagnostics.put(prefix + "refinement.repairs", refined.repairs());
    return refined.chosen();
  }

  /** Row sets for steps 2, 3 and 5: all samples three times, or a random three-way split. */
  private int[][] parts(int n, SplittableRandom random) {
    if (!split) {
      int[] all = MomentSteps.allRows(n);
      return new int[][] {all, all, all};
    }
    int[] perm = MomentSteps.allRows(n);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = perm[i];
      perm[i] = perm[j];
      perm[j] = tmp;
    }
    int[][] parts = new int[3][];
    for (int p = 0; p < 3; p++) {
      // Sorted, so that each part still reads X in memory order.
      parts[p] = Arrays.copyOfRange(perm, p * n / 3, (p + 1) * n / 3);
      Arrays.sort(parts[p]);
    }
    return parts;
  }

  /**
   * The unit gamma of R^k with {@code gamma . u_i} the same for every i (U^T gamma = 1, then
   * normalized), or null when U is singular.
   */
  static double[] balancedGamma(double[][] u, int k) {
    double[] ut = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int c = 0; c < k; c++) {
        ut[c * k + i] = u[i][c]; // column c of U^T holds the c-th coordinates
      }
    }
    double[] ones = new double[k];
    Arrays.fill(ones, 1);
    double[] gamma = Dense.solve(ut, k, ones);
    if (gamma == null || Vectors.normalize(gamma) == 0 || !Double.isFinite(gamma[0])) {
      return null;
    }
    return gamma;
  }

  /**
   * Least squares {@code Q ~ sum_i r_i u_i u_i^T} over the distinct entries a <= b (off-diagonal
   * rows weighted by sqrt 2, so the objective is the Frobenius norm).
   */
  static double[] fitRankOne(double[] q, double[][] u, int k) {
    int rows = k * (k + 1) / 2;
    int rank = u.length;
    double[] design = new double[rows * rank];
    double[] rhs = new double[rows];
    int row = 0;
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        double weight = a == b ? 1 : Math.sqrt(2);
        rhs[row] = weight * 0.5 * (q[a * k + b] + q[b * k + a]);
        for (int i = 0; i < rank; i++) {
          design[i * rows + row] = weight * u[i][a] * u[i][b];
        }
        row++;
      }
    }
    return Dense.leastSquares(design, rows, rank, rhs);
  }

  /** Samples of one step projected on the subspace: t = V^T x, h = alpha . x, and labels y. */
  record Projected(double[] t, double[] h, double[] y) {

    static Projected of(Moments moments, int[] rows, double[] basis, int k, double[] alpha) {
      double[][] projection = moments.project(rows, basis, k, alpha);
      return new Projected(projection[0], projection[1],
          moments.affineResiduals(rows, 0, null));
    }

    /** The same samples with h = gamma . t, i.e. alpha = V gamma (a unit vector of span(V)). */
    Projected along(double[] gamma, int k) {
      double[] alongGamma = new double[y.length];
      for (int j = 0; j < alongGamma.length; j++) {
        alongGamma[j] = Vectors.dot(t, j * k, gamma, 0, k);
      }
      return new Projected(t, alongGamma, y);
    }

    /** The labels minus their fitted Hermite part of degree <= {@code degree} in t (-1: none). */
    double[] labels(Moments moments, int k, int degree) {
      return degree < 0 ? y : MomentSteps.projectedResiduals(moments, y, t, k, degree);
    }
  }
}
