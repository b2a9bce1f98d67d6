package org.nnrecover.optimizers;

import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.testkit.OptimizerContract;

/** The plugin author's contract, applied to the built-in {@code GaussNewtonProvider} with its defaults. */
class GaussNewtonContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new GaussNewtonProvider();
  }
}
