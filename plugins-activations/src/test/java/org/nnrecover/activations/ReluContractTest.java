package org.nnrecover.activations;

import org.nnrecover.api.ActivationProvider;
import org.nnrecover.testkit.ActivationContract;

/** The plugin author's contract, applied to the built-in relu. */
class ReluContractTest extends ActivationContract {
  @Override
  protected ActivationProvider provider() {
    return new Relu();
  }
}
