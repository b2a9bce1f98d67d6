package org.nnrecover.initializers.tensor;

import java.util.SplittableRandom;
import org.nnrecover.api.ActivationProfile;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.InitContext;
import org.nnrecover.api.Network;
import org.nnrecover.api.Samples;
import org.nnrecover.api.numerics.Vectors;

/**
 * The matrix-only initializer of METHOD.md section 6: unit i takes the i-th top eigenvector e_i of
 * P2_hat as its direction, v_i and sigma_i from its eigenvalue (as r_i in step 5 of the tensor
 * method) and the sign of e_i from Q1. Exact only when W* has orthogonal columns and the values
 * v_i m_j2(sigma_i) are distinct.
 *
 * @param tolerance subspace-iteration tolerance
 * @param maxIterations subspace-iteration cap
 * @param oversampling extra block columns p
 * @param varianceReduction subtract fitted lower-degree parts of y before each moment
 */
public record SpectralMethod(double tolerance, int maxIterations, int oversampling,
    boolean varianceReduction) {

  private static final String NAME = "the spectral initializer";

  /** Runs the method on the context's samples. */
  public Network initialize(InitContext context) {
    ActivationProfile profile = context.profile();
    Diagnostics diagnostics = context.diagnostics();
    MomentSteps.requireFinite(profile, NAME);
    MomentSteps.recordOrders(profile, diagnostics);
    int j2 = MomentSteps.order(profile.j2(), "j2", NAME, "the directions come from M_j2");
    int l1 = MomentSteps.order(profile.l1(), "l1", NAME, "the signs come from M_l1");
    Samples samples = context.samples();
    int d = samples.d();
    int k = context.k();
    MomentSteps.checkShape(NAME, samples.n(), d, k, d + 1, 1);
    SplittableRandom random = context.random();
    diagnostics.put("variance-reduction", varianceReduction);
    Moments moments = new Moments(samples, context.reducer(), context.kernels());
    int[] rows = MomentSteps.allRows(samples.n());

    MomentSteps.Subspace subspace = MomentSteps.subspace(moments, rows, j2, k, varianceReduction,
        oversampling, tolerance, maxIterations, 1, random, diagnostics);
    double[] basis = subspace.basis();
    double[] ritz = MomentSteps.topRitz(subspace.iteration(), k);

    // a_i = alpha . e_i for the eigenvalues (alpha of P2_hat), and for Q1 (alpha inside span(V)).
    double[] aRitz = new double[k];
    for (int i = 0; i < k; i++) {
      aRitz[i] = subspace.alpha() == null ? 1
          : Vectors.dot(basis, i * d, subspace.alpha(), 0, d);
    }
    double[] beta = MomentSteps.randomUnit(random, k);
    double[] alpha = new double[d];
    for (int c = 0; c < k; c++) {
      for (int a = 0; a < d; a++) {
        alpha[a] += beta[c] * basis[c * d + a];
      }
    }
    TensorMethod.Projected projected = TensorMethod.Projected.of(moments, rows, basis, k, alpha);
    double[] labels1 = projected.labels(moments, k, varianceReduction ? 0 : -1);
    double[] z = moments.projectedContraction(1, l1 - 1, projected.t(), k, labels1, projected.h(),
        beta);
    UnitRecovery.Units units = UnitRecovery.recover(profile, j2, ritz, aRitz, l1, z, beta, ritz,
        j2, moments.meanLabel(rows), diagnostics);
    double[] w = new double[k * d];
    for (int i = 0; i < k; i++) {
      double f = units.sigma()[i] * units.s()[i];
      for (int a = 0; a < d; a++) {
        w[i * d + a] = f * basis[i * d + a];
      }
    }
    return new Network(w, units.v(), d);
  }
}
