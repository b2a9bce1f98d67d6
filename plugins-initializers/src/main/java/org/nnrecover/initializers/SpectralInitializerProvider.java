package org.nnrecover.initializers;

import java.util.List;
import org.nnrecover.api.Initializer;
import org.nnrecover.api.InitializerProvider;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.initializers.tensor.SpectralMethod;

/**
 * {@code spectral}: the matrix-only initializer (METHOD.md section 6), exact for orthogonal
 * columns with distinct v_i sigma_i^p.
 */
public final class SpectralInitializerProvider implements InitializerProvider {

  @Override
  public String name() {
    return "spectral";
  }

  @Override
  public String summary() {
    return "top-k eigenvectors of the second moment as units, magnitudes from the eigenvalues";
  }

  @Override
  public List<ParamSpec> parameters() {
    return List.of(
        ParamSpec.ofDouble("power-tolerance", 1e-6, 0, 1,
            "block Krylov stops when its estimated distance to the converged subspace"
                + " (last movement x r / (1 - r), r the smaller of g = |theta_k+1 / theta_k| and the"
                + " ratio of the last two movements) is below this"),
        ParamSpec.ofInt("power-max-iterations", 200, 1, 100000,
            "block Krylov cap (passes over the samples)"),
        ParamSpec.ofInt("oversampling", 8, 0, 1000, "extra block columns p (block k + p)"),
        ParamSpec.ofBoolean("variance-reduction", true,
            "subtract fitted lower-degree parts of y before each moment estimate"));
  }

  @Override
  public Initializer create(Params params) {
    SpectralMethod method = new SpectralMethod(
        params.getDouble("power-tolerance"),
        params.getInt("power-max-iterations"),
        params.getInt("oversampling"),
        params.getBoolean("variance-reduction"));
    return method::initialize;
  }
}
