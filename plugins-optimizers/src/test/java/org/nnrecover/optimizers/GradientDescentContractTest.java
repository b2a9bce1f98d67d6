package org.nnrecover.optimizers;

import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.testkit.OptimizerContract;

/**
 * The plugin author's contract, applied to the built-in gd with its default step auto: on the kit's
 * quadratic (curvatures 1 to 4) the step is about 0.9 / 4, so each step shrinks the error by at
 * least 1 - 0.9 / 4; 5000 iterations are ample for a decrease to 1e-6.
 */
class GradientDescentContractTest extends OptimizerContract {
  @Override
  protected OptimizerProvider provider() {
    return new GradientDescentProvider();
  }
}
