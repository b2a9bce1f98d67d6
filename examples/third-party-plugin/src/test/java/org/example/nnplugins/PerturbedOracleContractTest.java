package org.example.nnplugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.Activation;
import org.nnrecover.api.InitializerProvider;
import org.nnrecover.api.Network;
import org.nnrecover.api.Params;
import org.nnrecover.testkit.InitializerContract;
import org.nnrecover.testkit.TestInitContext;

/** perturbed-oracle against the initializer contract, plus its own promise on the noise size. */
class PerturbedOracleContractTest extends InitializerContract {
  private static final Activation CUBIC_RELU = new CubicReluProvider().create(null);

  @Override
  protected InitializerProvider provider() {
    return new PerturbedOracleProvider();
  }

  @Override
  protected TestInitContext.Builder problem() {
    return TestInitContext.builder(CUBIC_RELU).d(6).k(3).n(300).teacherVisible(true);
  }

  /** Without oracle access there is nothing to perturb. */
  @Override
  protected List<TestInitContext.Builder> refusedProblems() {
    return List.of(TestInitContext.builder(CUBIC_RELU).d(6).k(3).n(300));
  }

  @Test
  void perturbationHasExactlyTheRequestedRelativeSizeAndKeepsV() {
    TestInitContext context = problem().build();
    Params params = Params.resolve("perturbed-oracle", provider().parameters(),
        Map.of("noise", "0.25"));
    Network start = provider().create(params).initialize(context);
    Network truth = context.truth();
    double[] w = start.weights();
    double[] t = truth.weights();
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < w.length; i++) {
      diff += (w[i] - t[i]) * (w[i] - t[i]);
      norm += t[i] * t[i];
    }
    // scaled to the requested size by construction: equal up to rounding
    assertEquals(0.25, Math.sqrt(diff / norm), 1e-12);
    assertArrayEquals(truth.outputWeights(), start.outputWeights(), 0);
  }

  /**
   * start-loss: 0 at the truth (the kit labels with the same sums), and at the start the mean of
   * the squared residuals computed here sample by sample through the deprecated one-array view.
   */
  @Test
  @SuppressWarnings("deprecation")
  void startLossIsTheLossOfTheStartOnTheSamples() {
    TestInitContext context = problem().build();
    assertEquals(0, PerturbedOracleProvider.loss(context, context.truth()), 1e-24);
    Network start = provider().create(Params.resolve("perturbed-oracle", provider().parameters(),
        Map.of("noise", "0.5"))).initialize(context);
    double[] x = context.samples().x();
    double[] y = context.samples().y();
    int d = start.d();
    double sum = 0;
    for (int j = 0; j < y.length; j++) {
      double prediction = 0;
      for (int i = 0; i < start.k(); i++) {
        double z = 0;
        for (int a = 0; a < d; a++) {
          z += start.weight(i, a) * x[j * d + a];
        }
        prediction += start.outputWeight(i) * CUBIC_RELU.value(z);
      }
      sum += (prediction - y[j]) * (prediction - y[j]);
    }
    double expected = sum / (2.0 * y.length);
    assertEquals(expected, (double) context.recorded().get("start-loss"), 1e-12 * expected);
  }
}
