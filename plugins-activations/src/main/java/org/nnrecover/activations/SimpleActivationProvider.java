package org.nnrecover.activations;

import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.Params;

/** Base for the parameterless activations: a name, a summary and one shared immutable instance. */
abstract class SimpleActivationProvider implements ActivationProvider {
  private final String name;
  private final String summary;
  private final Activation activation;

  SimpleActivationProvider(String name, String summary, Activation activation) {
    this.name = name;
    this.summary = summary;
    this.activation = activation;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public Activation create(Params params) {
    return activation;
  }
}
