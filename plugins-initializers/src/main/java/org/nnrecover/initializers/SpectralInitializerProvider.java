package org.nnrecover.initializers;

import java.util.ArrayList;
import java.util.List;
import org.nnrecover.api.Initializer;
import org.nnrecover.api.InitializerProvider;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.initializers.tensor.BlockKrylov;
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
    List<ParamSpec> specs = new ArrayList<>(BlockKrylov.parameters(1e-6));
    specs.add(ParamSpec.ofBoolean("variance-reduction", true,
        "subtract fitted lower-degree parts of y before each moment estimate"));
    return List.copyOf(specs);
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
