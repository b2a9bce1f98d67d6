package org.example.nnplugins;

import org.nnrecover.api.ActivationProvider;
import org.nnrecover.testkit.ActivationContract;

/** cubic-relu against the activation contract (derivatives, degree 3, bulk form, parameters). */
class CubicReluContractTest extends ActivationContract {
  @Override
  protected ActivationProvider provider() {
    return new CubicReluProvider();
  }
}
