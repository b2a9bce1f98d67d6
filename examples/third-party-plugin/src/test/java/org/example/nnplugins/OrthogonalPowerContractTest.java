package org.example.nnplugins;

import org.nnrecover.api.TensorDecomposerProvider;
import org.nnrecover.testkit.TensorDecomposerContract;

/** orthogonal-power against the decomposer contract, on tensors with orthogonal components. */
class OrthogonalPowerContractTest extends TensorDecomposerContract {
  @Override
  protected TensorDecomposerProvider provider() {
    return new OrthogonalPowerProvider();
  }

  @Override
  protected boolean orthogonalComponentsOnly() {
    return true;
  }
}
