package org.example.nnplugins;

import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.testkit.OptimizerContract;

/** adam against the optimizer contract with its default parameters. */
class AdamContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new AdamProvider();
  }
}
