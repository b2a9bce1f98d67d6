package org.nnrecover.examples;

import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.Params;

/** The benchmarks' activations: the built-in plugins, made as a run makes them. */
final class Activations {
  private Activations() {}

  /** The activation {@code provider} makes with its default parameters. */
  static Activation defaults(ActivationProvider provider) {
    return provider.create(Params.defaults(provider.name(), provider.parameters()));
  }
}
