package org.nnrecover.optimizers;

import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.testkit.OptimizerContract;

/** The plugin author's contract, applied to the built-in {@code NesterovProvider} with its defaults. */
class NesterovContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new NesterovProvider();
  }
}
