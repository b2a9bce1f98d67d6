package org.nnrecover.initializers.tensor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.nnrecover.api.ActivationProfile;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.InitContext;
import org.nnrecover.api.Network;
import org.nnrecover.api.Params;
import org.nnrecover.api.SampleKernels;
import org.nnrecover.api.SampleReducer;
import org.nnrecover.api.Samples;
import org.nnrecover.api.TensorDecomposer;
import org.nnrecover.api.TensorDecomposerProvider;
import org.nnrecover.core.objective.TiledKernels;

/**
 * An InitContext for tests over given samples and reducer (testkit's TestInitContext makes its own
 * teacher and reduces sequentially; these tests need core's teachers and a BlockExecutor):
 * decomposers by name from this module's providers with default params, the core's block kernels, no
 * teacher.
 */
record TestContext(Samples samples, int k, ActivationProfile profile, SplittableRandom random,
    SampleReducer reducer, Map<String, Object> recorded) implements InitContext {

  TestContext(Samples samples, int k, ActivationProfile profile, long seed,
      SampleReducer reducer) {
    this(samples, k, profile, new SplittableRandom(seed), reducer, new LinkedHashMap<>());
  }

  /** The core's kernels, as in a real run. */
  @Override
  public SampleKernels kernels() {
    return TiledKernels.INSTANCE;
  }

  @Override
  public Optional<Network> teacher() {
    return Optional.empty();
  }

  @Override
  public TensorDecomposer decomposer(String name) {
    for (TensorDecomposerProvider provider : ServiceLoader.load(TensorDecomposerProvider.class)) {
      if (provider.name().equals(name)) {
        return provider.create(Params.defaults(name, provider.parameters()));
      }
    }
    throw new IllegalArgumentException("no decomposer named '" + name + "'");
  }

  @Override
  public Diagnostics diagnostics() {
    return recorded::put;
  }
}
