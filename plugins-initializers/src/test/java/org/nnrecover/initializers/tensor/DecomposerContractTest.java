package org.nnrecover.initializers.tensor;

import org.junit.jupiter.api.Nested;
import org.nnrecover.api.TensorDecomposerProvider;
import org.nnrecover.testkit.TensorDecomposerContract;

/** The built-in decomposers pass the contract the test kit gives third-party decomposers. */
class DecomposerContractTest {

  @Nested
  class Jennrich extends TensorDecomposerContract {
    @Override
    protected TensorDecomposerProvider provider() {
      return new JennrichDecomposerProvider();
    }
  }

  @Nested
  class Als extends TensorDecomposerContract {
    @Override
    protected TensorDecomposerProvider provider() {
      return new AlsDecomposerProvider();
    }
  }
}
