package org.nnrecover.initializers.tensor;

import java.util.List;
import java.util.SplittableRandom;
import org.nnrecover.api.Decomposition;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.api.TensorDecomposer;
import org.nnrecover.api.TensorDecomposerProvider;

/**
 * {@code als}: CP by alternating least squares from several random starts (METHOD.md section 5,
 * step 4). Each start runs the three-factor ALS of {@link Als}, whose symmetrized factors are the
 * components; weights are then refitted by least squares and the start with the smallest
 * residual is kept.
 */
public final class AlsDecomposerProvider implements TensorDecomposerProvider {
  @Override
  public String name() {
    return "als";
  }

  @Override
  public String summary() {
    return "CP by alternating least squares from random starts, best residual kept";
  }

  @Override
  public List<ParamSpec> parameters() {
    return List.of(
        ParamSpec.ofInt("restarts", 10, 1, 10000, "number of random starts"),
        ParamSpec.ofInt("max-iterations", 5000, 1, 1000000, "ALS sweeps per start at most"),
        ParamSpec.ofDouble("tolerance", 1e-12, 0, 1,
            "a start stops when its relative residual improves by less than this over "
                + Als.CHECK_EVERY + " sweeps"));
  }

  @Override
  public TensorDecomposer create(Params params) {
    int restarts = params.getInt("restarts");
    int maxIterations = params.getInt("max-iterations");
    double tolerance = params.getDouble("tolerance");
    return (tensor, k, rank, random, diagnostics) ->
        decompose(tensor, k, rank, random, diagnostics, restarts, maxIterations, tolerance);
  }

  private static Decomposition decompose(double[] t, int k, int rank, SplittableRandom random,
      Diagnostics diagnostics, int restarts, int maxIterations, double tolerance) {
    if (rank < 1 || rank > k || t.length != k * k * k) {
      throw new IllegalArgumentException("als needs 1 <= rank <= k and k^3 entries, got rank "
          + rank + ", k = " + k + ", " + t.length + " entries");
    }
    Decomposition best = null;
    int totalSweeps = 0;
    for (int start = 0; start < restarts; start++) {
      double[][] a = Als.randomFactor(random, rank, k);
      double[][] b = Als.randomFactor(random, rank, k);
      double[][] c = Als.randomFactor(random, rank, k);
      Als.Factors factors = Als.run(t, k, a, b, c, maxIterations, tolerance);
      totalSweeps += factors.sweeps();
      double[][] vectors = factors.symmetric(k);
      double[] weights = SymmetricTensors.fitWeights(t, vectors, k);
      double residual = SymmetricTensors.residual(t, vectors, weights, k);
      if (Double.isFinite(residual) && (best == null || residual < best.residual())) {
        best = new Decomposition(vectors, weights, residual);
      }
    }
    diagnostics.put("restarts", restarts);
    diagnostics.put("sweeps", totalSweeps);
    if (best == null) {
      throw new IllegalStateException("als: no start gave a finite residual");
    }
    return best;
  }
}
