package org.nnrecover.initializers;

import java.util.List;
import java.util.Map;
import org.nnrecover.api.Activation;
import org.nnrecover.api.InitializerProvider;
import org.nnrecover.api.Params;
import org.nnrecover.testkit.InitializerContract;
import org.nnrecover.testkit.TestInitContext;

/** The plugin author's contract, applied to the built-in random initializer with v = oracle. */
class RandomInitializerContractTest extends InitializerContract {
  private static final Activation RELU = new org.nnrecover.activations.Relu().create(null);

  @Override
  protected InitializerProvider provider() {
    return new RandomInitializerProvider();
  }

  @Override
  protected Params params() {
    return Params.resolve("random", provider().parameters(), Map.of("v", "oracle"));
  }

  @Override
  protected TestInitContext.Builder problem() {
    return TestInitContext.builder(RELU).d(6).k(3).n(200).teacherVisible(true);
  }

  /** v = oracle needs the teacher: without oracle access it must refuse. */
  @Override
  protected List<TestInitContext.Builder> refusedProblems() {
    return List.of(TestInitContext.builder(RELU).d(6).k(3).n(200));
  }
}
