package org.nnrecover.core.theory;

import java.util.Arrays;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProfile;
import org.nnrecover.api.Network;
import org.nnrecover.api.Samples;
import org.ojalgo.matrix.decomposition.SingularValue;
import org.ojalgo.matrix.store.R064Store;

/**
 * What {@code nnrecover lsc} reports: the smallest Hessian eigenvalue at the ground truth
 * (empirical, and population when asked) next to the ingredients of the paper's lower bound
 * (Zhong et al. 2017, Theorem 3.2): rho(sigma_k), the condition number kappa and
 * lambda = prod_i sigma_i / sigma_k^k of W*.
 *
 * @param lambdaMin smallest eigenvalue of the empirical Hessian at W*
 * @param lambdaMax largest eigenvalue of the empirical Hessian at W*
 * @param populationLambdaMin smallest eigenvalue of the population Hessian (null when not computed)
 * @param n samples of the empirical Hessian
 * @param dk side of the Hessian
 * @param singularValues singular values of W*, largest first
 * @param kappa sigma_1 / sigma_k
 * @param lambda prod_i sigma_i / sigma_k^k
 * @param rhoSigmaK rho(sigma_k) of the activation
 */
public record LscAnalysis(double lambdaMin, double lambdaMax, Double populationLambdaMin, int n,
    int dk, double[] singularValues, double kappa, double lambda, double rhoSigmaK) {

  /**
   * Analyzes a teacher.
   *
   * @param activation phi
   * @param profile its profile (for rho)
   * @param teacher W*, v*
   * @param samples samples for the empirical Hessian
   * @param population whether to compute the population Hessian too (O((dk)^2) 2-D integrals)
   */
  public static LscAnalysis of(Activation activation, ActivationProfile profile, Network teacher,
      Samples samples, boolean population) {
    double[] w = teacher.weights();
    double[] v = teacher.outputWeights();
    LocalStrongConvexity.Result empirical =
        LocalStrongConvexity.empirical(activation, w, v, samples);
    Double populationMin = population
        ? LocalStrongConvexity.population(activation, w, v, teacher.d()).lambdaMin() : null;
    double[] s = singularValues(teacher);
    int k = s.length;
    double sigmaK = s[k - 1];
    double lambda = 1;
    for (double value : s) {
      lambda *= value / sigmaK;
    }
    return new LscAnalysis(empirical.lambdaMin(), empirical.lambdaMax(), populationMin,
        samples.n(), empirical.dk(), s, s[0] / sigmaK, lambda, profile.rho(sigmaK));
  }

  /**
   * Singular values of W (k rows of length d), largest first, by ojalgo's SVD of W itself: through
   * eig(W W^T) the small ones would lose accuracy with the square of the condition number.
   */
  static double[] singularValues(Network network) {
    int k = network.k();
    // the weights stored row by row are W^T column by column (d rows, column i = w_i): the same
    // singular values
    R064Store transposed = R064Store.wrap(network.weights(), network.d());
    SingularValue<Double> svd = SingularValue.R064.make(transposed);
    if (!svd.computeValuesOnly(transposed)) {
      throw new IllegalStateException("the SVD of the teacher's weights did not converge (k = "
          + k + ")");
    }
    double[] s = new double[k];
    svd.getSingularValues(s);
    Arrays.sort(s);
    for (int i = 0; i < k / 2; i++) {
      double t = s[i];
      s[i] = s[k - 1 - i];
      s[k - 1 - i] = t;
    }
    return s;
  }
}
