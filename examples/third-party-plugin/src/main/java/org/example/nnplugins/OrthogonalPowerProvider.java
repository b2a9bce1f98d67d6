package org.example.nnplugins;

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
 * {@code orthogonal-power}: the tensor power method with deflation (Anandkumar et al. 2014). For
 * each component, several random starts iterate {@code u <- T(I, u, u) / |T(I, u, u)|}; the start
 * with the largest |T(u, u, u)| wins, its term {@code lambda u^(3)} is subtracted, and the next
 * component is sought in what is left. Exact when the components are orthogonal (select it with
 * {@code --teacher orthogonal}); for correlated components, Jennrich or ALS do better.
 */
public final class OrthogonalPowerProvider implements TensorDecomposerProvider {

  @Override
  public String name() {
    return "orthogonal-power";
  }

  @Override
  public String summary() {
    return "tensor power method with deflation (exact for orthogonal components)";
  }

  @Override
  public List<ParamSpec> parameters() {
    return List.of(
        ParamSpec.ofInt("starts", 10, 1, 1000, "random starts per component"),
        ParamSpec.ofInt("iterations", 100, 1, 100000, "power iterations per start"));
  }

  @Override
  public TensorDecomposer create(Params params) {
    int starts = params.getInt("starts");
    int iterations = params.getInt("iterations");
    return (tensor, k, rank, random, diagnostics) ->
        decompose(tensor, k, rank, random, diagnostics, starts, iterations);
  }

  private static Decomposition decompose(double[] tensor, int k, int rank, SplittableRandom random,
      Diagnostics diagnostics, int starts, int iterations) {
    if (rank < 1 || rank > k || tensor.length != k * k * k) {
      throw new IllegalArgumentException("orthogonal-power needs 1 <= rank <= k and k^3 entries,"
          + " got rank " + rank + ", k = " + k + ", " + tensor.length + " entries");
    }
    double[] rest = tensor.clone(); // deflated in place; the caller's tensor is left alone
    double[][] vectors = new double[rank][];
    double[] weights = new double[rank];
    for (int i = 0; i < rank; i++) {
      double bestValue = 0;
      for (int s = 0; s < starts; s++) {
        double[] u = new double[k];
        for (int a = 0; a < k; a++) {
          u[a] = random.nextGaussian();
        }
        Vectors.normalize(u);
        for (int t = 0; t < iterations; t++) {
          u = contractTwice(rest, u, k);
          Vectors.normalize(u);
        }
        double value = Vectors.dot(contractTwice(rest, u, k), u);
        if (vectors[i] == null || Math.abs(value) > Math.abs(bestValue)) {
          vectors[i] = u;
          bestValue = value;
        }
      }
      weights[i] = bestValue;
      double[] u = vectors[i];
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          for (int c = 0; c < k; c++) {
            rest[(a * k + b) * k + c] -= bestValue * u[a] * u[b] * u[c];
          }
        }
      }
    }
    double residual = Vectors.norm(rest); // what is left is T - sum lambda_i u_i^(3)
    diagnostics.put("residual", residual);
    return new Decomposition(vectors, weights, residual);
  }

  /** T(I, u, u): entry a is sum_bc T[a][b][c] u_b u_c. */
  private static double[] contractTwice(double[] t, double[] u, int k) {
    double[] out = new double[k];
    for (int a = 0; a < k; a++) {
      double sum = 0;
      for (int b = 0; b < k; b++) {
        for (int c = 0; c < k; c++) {
          sum += t[(a * k + b) * k + c] * u[b] * u[c];
        }
      }
      out[a] = sum;
    }
    return out;
  }
}
