package org.nnrecover.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.InitializerProvider;
import org.nnrecover.api.Network;
import org.nnrecover.api.Params;
import org.nnrecover.api.RefusedException;
import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.Samples;

/**
 * The contract of an initializer plugin. Extend it with the provider under test, a problem it must
 * handle and, when there are any, problems it must refuse:
 *
 * <pre>{@code
 * class PerturbedOracleContractTest extends InitializerContract {
 *   protected InitializerProvider provider() { return new PerturbedOracleProvider(); }
 *   protected TestInitContext.Builder problem() {
 *     return TestInitContext.builder(RELU).d(6).k(3).teacherVisible(true);
 *   }
 *   protected List<TestInitContext.Builder> refusedProblems() {
 *     return List.of(TestInitContext.builder(RELU));   // no oracle access
 *   }
 * }
 * }</pre>
 *
 * <p>Checked: the same seed gives the same network, a different seed is allowed to differ; the
 * network has k units on R^d; its numbers are finite; the samples are not modified; each refused
 * problem ends in a {@link RefusedException} with a message; the provider's name, summary and
 * parameter defaults are valid.
 */
public abstract class InitializerContract {

  /** The provider under test. */
  protected abstract InitializerProvider provider();

  /** A problem the initializer must handle. */
  protected abstract TestInitContext.Builder problem();

  /** Problems the initializer must refuse with a {@link RefusedException}; none by default. */
  protected List<TestInitContext.Builder> refusedProblems() {
    return List.of();
  }

  /** The parameters the initializer is made with; all defaults unless overridden. */
  protected Params params() {
    return Params.defaults(provider().name(), provider().parameters());
  }

  private Network initialize(TestInitContext context) {
    return provider().create(params()).initialize(context);
  }

  @Test
  void providerDescribesItselfAndItsParameterDefaultsAreValid() {
    ProviderChecks.describesItself(provider());
  }

  @Test
  void sameSeedGivesTheSameNetwork() {
    Network first = initialize(problem().build());
    Network second = initialize(problem().build());
    assertArrayEquals(first.weights(), second.weights(), 0, "W differs between equal seeds");
    assertArrayEquals(first.outputWeights(), second.outputWeights(), 0,
        "v differs between equal seeds");
  }

  @Test
  void networkHasTheProblemsShapeAndFiniteNumbers() {
    TestInitContext context = problem().build();
    Network network = initialize(context);
    assertNotNull(network, "initialize returned null");
    assertEquals(context.samples().d(), network.d(), "input dimension d");
    assertEquals(context.k(), network.k(), "number of hidden units k");
    for (double w : network.weights()) {
      assertTrue(Double.isFinite(w), "non-finite weight in W");
    }
    for (double v : network.outputWeights()) {
      assertTrue(Double.isFinite(v), "non-finite output weight in v");
    }
  }

  @Test
  void samplesAreNotModified() {
    TestInitContext context = problem().build();
    Samples samples = context.samples();
    double[][] before = copyBlocks(samples);
    initialize(context);
    double[][] after = copyBlocks(samples);
    for (int b = 0; b < samples.blocks(); b++) {
      assertArrayEquals(before[2 * b], after[2 * b], 0,
          "the initializer wrote to the shared X (block " + b + ")");
      assertArrayEquals(before[2 * b + 1], after[2 * b + 1], 0,
          "the initializer wrote to the shared y (block " + b + ")");
    }
  }

  /** Copies of every block's inputs and labels: {x_0, y_0, x_1, y_1, ...}. */
  private static double[][] copyBlocks(Samples samples) {
    double[][] copies = new double[2 * samples.blocks()][];
    SampleBlock view = new SampleBlock();
    for (int b = 0; b < samples.blocks(); b++) {
      samples.block(b, view);
      copies[2 * b] = Arrays.copyOfRange(view.x(), view.xOffset(),
          view.xOffset() + view.rows() * view.d());
      copies[2 * b + 1] = Arrays.copyOfRange(view.y(), view.yOffset(),
          view.yOffset() + view.rows());
    }
    return copies;
  }

  @Test
  void refusesWhatItCannotDoWithAMessage() {
    for (TestInitContext.Builder refused : refusedProblems()) {
      RefusedException e = assertThrows(RefusedException.class, () -> initialize(refused.build()),
          "expected a RefusedException");
      assertNotNull(e.getMessage(), "a refusal must say why");
      assertFalse(e.getMessage().isBlank(), "a refusal must say why");
    }
  }
}
