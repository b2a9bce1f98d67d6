package org.nnrecover.initializers.tensor;

import java.util.List;
import java.util.SplittableRandom;
import org.nnrecover.api.Decomposition;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.api.TensorDecomposer;
import org.nnrecover.api.TensorDecomposerProvider;
import org.nnrecover.api.numerics.Vectors;

/**
 * {@code jennrich}: simultaneous diagonalization of two random slices (METHOD.md section 5, step
 * 4). For each of L random Gaussian pairs (theta_a, theta_b), the eigenvectors of
 * {@code M_a M_b^{-1}} with {@code M = T(I, I, theta)} are the components; weights are fitted by
 * least squares. Pairs whose eigenvalues are complex (relative imaginary part above a tolerance,
 * common with sampling noise) are discarded; among the rest the pair with the smallest residual
 * is kept. If every pair is complex, the smallest-residual pair is used with each complex-conjugate
 * eigenvector pair replaced by its real and imaginary parts (two real vectors of the plane the
 * pair spans), and that is recorded.
 */
public final class JennrichDecomposerProvider implements TensorDecomposerProvider {

  @Override
  public String name() {
    return "jennrich";
  }

  @Override
  public String summary() {
    return "Jennrich's simultaneous diagonalization over random slice pairs, smallest residual kept";
  }

  @Override
  public List<ParamSpec> parameters() {
    return List.of(
        ParamSpec.ofInt("pairs", 20, 1, 10000, "number L of random slice pairs tried"),
        ParamSpec.ofDouble("imaginary-tolerance", 1e-6, 0, 1,
            "a pair is rejected when some eigenvalue has |Im| above this fraction of the largest"
                + " eigenvalue modulus"));
  }

  @Override
  public TensorDecomposer create(Params params) {
    int pairs = params.getInt("pairs");
    double tolerance = params.getDouble("imaginary-tolerance");
    return (tensor, k, rank, random, diagnostics) ->
        decompose(tensor, k, rank, random, diagnostics, pairs, tolerance);
  }

  private static Decomposition decompose(double[] tensor, int k, int rank, SplittableRandom random,
      Diagnostics diagnostics, int pairs, double tolerance) {
    if (rank < 1 || rank > k || tensor.length != k * k * k) {
      throw new IllegalArgumentException("jennrich needs 1 <= rank <= k and k^3 entries, got rank "
          + rank + ", k = " + k + ", " + tensor.length + " entries");
    }
    // For rank < k, work in the span of the leading left singular vectors of the unfolding.
    double[] basis = rank < k ? Unfolding.leadingBasis(tensor, k, rank) : null;
    double[] core = basis == null ? tensor : SymmetricTensors.transform(tensor, k, basis, rank);

    Candidate bestReal = null;
    Candidate bestAny = null;
    int complexPairs = 0;
    int singularPairs = 0;
    for (int p = 0; p < pairs; p++) {
      double[] thetaA = gaussian(random, rank);
      double[] thetaB = gaussian(random, rank);
      Candidate candidate = tryPair(core, rank, thetaA, thetaB, tolerance);
      if (candidate == null) {
        singularPairs++;
        continue;
      }
      if (!candidate.real) {
        complexPairs++;
      }
      if (candidate.real && (bestReal == null || candidate.residual < bestReal.residual)) {
        bestReal = candidate;
      }
      if (bestAny == null || candidate.residual < bestAny.residual) {
        bestAny = candidate;
      }
    }
    diagnostics.put("pairs", pairs);
    diagnostics.put("complex-pairs", complexPairs);
    diagnostics.put("singular-pairs", singularPairs);
    if (bestAny == null) {
      throw new IllegalStateException("jennrich: every one of the " + pairs
          + " random slices was singular; the tensor has rank below " + rank);
    }
    Candidate chosen = bestReal != null ? bestReal : bestAny;
    diagnostics.put("fallback-real-parts", bestReal == null);
    double[][] vectors = chosen.vectors;
    if (basis != null) {
      vectors = Unfolding.lift(vectors, basis, k);
    }
    double[] weights = SymmetricTensors.fitWeights(tensor, vectors, k);
    double residual = SymmetricTensors.residual(tensor, vectors, weights, k);
    return new Decomposition(vectors, weights, residual);
  }

  private record Candidate(double[][] vectors, double residual, boolean real) {}

  private static Candidate tryPair(double[] t, int k, double[] thetaA, double[] thetaB,
      double tolerance) {
    double[] ma = SymmetricTensors.contractLast(t, k, thetaA);
    double[] mb = SymmetricTensors.contractLast(t, k, thetaB);
    // M_a M_b^{-1} = (M_b^{-1} M_a)^T because both slices are symmetric.
    double[] solved = Dense.solve(mb, k, ma);
    if (solved == null || !allFinite(solved)) {
      return null;
    }
    double[] product = new double[k * k];
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < k; c++) {
        product[c * k + r] = solved[r * k + c];
      }
    }
    Dense.GeneralEigen eigen = Dense.generalEigen(product, k);
    if (eigen == null) {
      return null;
    }
    double largest = 0;
    for (int i = 0; i < k; i++) {
      largest = Math.max(largest, Math.hypot(eigen.valuesRe()[i], eigen.valuesIm()[i]));
    }
    boolean real = true;
    for (int i = 0; i < k; i++) {
      if (Math.abs(eigen.valuesIm()[i]) > tolerance * largest) {
        real = false;
      }
    }
    // A complex-conjugate pair (v, conj v) spans the real plane {Re v, Im v}: with sampling noise
    // two components whose eigenvalues are close end up there. Both conjugates share Re v, so
    // taking the real part of each would duplicate a column (its least-squares weight then comes
    // out 0 and the unit is lost); take Re v for the member with Im > 0 and Im v for the other, two
    // independent vectors of the same plane that the refinement then rotates onto the components.
    double[][] vectors = new double[k][k];
    for (int i = 0; i < k; i++) {
      double[] parts = eigen.valuesIm()[i] < 0 ? eigen.vectorsIm() : eigen.vectorsRe();
      System.arraycopy(parts, i * k, vectors[i], 0, k);
      if (Vectors.normalize(vectors[i]) == 0) {
        return null;
      }
    }
    double[] weights = SymmetricTensors.fitWeights(t, vectors, k);
    double residual = SymmetricTensors.residual(t, vectors, weights, k);
    return Double.isFinite(residual) ? new Candidate(vectors, residual, real) : null;
  }

  private static boolean allFinite(double[] a) {
    for (double x : a) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  static double[] gaussian(SplittableRandom random, int n) {
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = random.nextGaussian();
    }
    return g;
  }
}
