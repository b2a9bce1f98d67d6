package org.nnrecover.optimizers;

import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.testkit.OptimizerContract;

/** The plugin author's contract, applied to the built-in {@code LbfgsProvider} with its defaults. */
class LbfgsContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new LbfgsProvider();
  }
}
