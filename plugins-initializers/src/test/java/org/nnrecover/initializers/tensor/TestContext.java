package org.nnrecover.initializers.tensor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nnrecover.api.ActivationProfile;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.InitContext;
import org.nnrecover.api.Network;
import org.nnrecover.api.Params;
import org.nnrecover.api.SampleReducer;
import org.nnrecover.api.Samples;
import org.nnrecover.api.TensorDecomposer;
import org.nnrecover.api.TensorDecomposerProvider;

/** An InitContext for tests: decomposers by name from this module's providers, default params. */
final class TestContext implements InitContext {
  final Map<String, Object> recorded = new LinkedHashMap<>();
  private final Samples samples;
  private final int k;
  private final ActivationProfile profile;
  private final SplittableRandom random;
  private final SampleReducer reducer;

  TestContext(Samples samples, int k, ActivationProfile profile, long seed,
      SampleReducer reducer) {
    this.samples = samples;
    this.k = k;
    this.profile = profile;
    this.random = new SplittableRandom(seed);
    this.reducer = reducer;
  }

  @Override
  public Samples samples() {
    return samples;
  }

  @Override
  public int k() {
    return k;
  }

  @Override
  public ActivationProfile profile() {
    return profile;
  }

  @Override
  public SplittableRandom random() {
    return random;
  }

  @Override
  public SampleReducer reducer() {
    return reducer;
  }

  @Override
  public Optional<Network> teacher() {
    return Optional.empty();
  }

  @Override
  public TensorDecomposer decomposer(String name) {
    for (TensorDecomposerProvider provider : java.util.ServiceLoader.load(
        TensorDecomposerProvider.class)) {
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
