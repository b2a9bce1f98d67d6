package org.nnrecover.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.InitializerProvider;
import org.nnrecover.api.Network;
import org.nnrecover.api.Optimizer;
import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.api.PluginKind;
import org.nnrecover.api.PluginProvider;
import org.nnrecover.api.RefusedException;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginEntry;
import org.nnrecover.core.plugin.PluginRegistry;

class RunnerTest {

  private static Activation tanh() {
    return new Activation() {
      @Override public double value(double z) {
        return Math.tanh(z);
      }
      @Override public double derivative(double z) {
        double t = Math.tanh(z);
        return 1 - t * t;
      }
      @Override public double secondDerivative(double z) {
        double t = Math.tanh(z);
        return -2 * t * (1 - t * t);
      }
    };
  }

  private static <T> PluginProvider<T> provider(String name, T object) {
    return new PluginProvider<>() {
      @Override public String name() {
        return name;
      }
      @Override public String summary() {
        return "test plugin";
      }
      @Override public T create(Params params) {
        return object;
      }
    };
  }

  /** A registry of one activation (tanh), test initializers and a few-step gradient descent. */
  private static PluginRegistry registry() {
    PluginProvider<Activation> tanh = provider("tanh", tanh());
    PluginRegistry.Builder builder = new PluginRegistry.Builder();
    builder.add(new PluginEntry(PluginKind.ACTIVATION, new ActivationProvider() {
      @Override public String name() {
        return tanh.name();
      }
      @Override public String summary() {
        return tanh.summary();
      }
      @Override public Activation create(Params params) {
        return tanh.create(params);
      }
    }, "test"));
    builder.add(initializer("flipped-truth", context -> {
      // the truth with every unit negated: the same network for an odd phi
      Network truth = context.teacher().orElseThrow();
      double[] w = truth.weights();
      double[] v = truth.outputWeights();
      for (int i = 0; i < w.length; i++) {
        w[i] = -w[i];
      }
      for (int i = 0; i < v.length; i++) {
        v[i] = -v[i];
      }
      return new Network(w, v, truth.d());
    }));
    builder.add(initializer("refusing", context -> {
      throw new RefusedException("cannot do this");
    }));
    builder.add(new PluginEntry(PluginKind.OPTIMIZER, new OptimizerProvider() {
      @Override public String name() {
        return "still";
      }
      @Override public String summary() {
        return "reports the start point as its only iterate";
      }
      @Override public List<ParamSpec> parameters() {
        return List.of();
      }
      @Override public Optimizer create(Params params) {
        return problem -> {
          double[] x = problem.start();
          double[] g = new double[x.length];
          double f = problem.evaluate(x, g);
          problem.report(x, f, 0, 0);
        };
      }
    }, "test"));
    return builder.build();
  }

  private static PluginEntry initializer(String name, org.nnrecover.api.Initializer body) {
    return new PluginEntry(PluginKind.INITIALIZER, new InitializerProvider() {
      @Override public String name() {
        return name;
      }
      @Override public String summary() {
        return "test initializer";
      }
      @Override public org.nnrecover.api.Initializer create(Params params) {
        return body;
      }
    }, "test");
  }

  private static RunSpec spec(String initializer) {
    return new RunSpec("tanh", initializer, "still", 4, 1, 300, 1, 0, "random", 5, Map.of(), null,
        null);
  }

  @Test
  void oddActivationsAreComparedUpToTheUnitSign() {
    try (BlockExecutor executor = new BlockExecutor(1)) {
      RunRecord r = new Runner(registry(), executor).run(spec("flipped-truth"));
      assertEquals(0, r.init().unitError(), 0, "(-v, -w) is the same tanh network as (v, w)");
      assertTrue(r.init().success());
      assertEquals(0, r.init().objective(), 0);
    }
  }

  @Test
  void aRefusalIsAnOutcomeWithThePluginAndItsReason() {
    try (BlockExecutor executor = new BlockExecutor(1)) {
      Runner runner = new Runner(registry(), executor);
      RunRecord refused = runner.run(spec("refusing"));
      assertEquals(Outcome.REFUSED, refused.outcome());
      assertEquals("refusing", refused.failedPlugin());
      assertEquals("cannot do this", refused.message());
      assertNull(refused.init());
    }
  }

  @Test
  void badSpecsAreRejectedBeforeAnythingRuns() {
    try (BlockExecutor executor = new BlockExecutor(1)) {
      Runner runner = new Runner(registry(), executor);
      IllegalArgumentException unknownSetting = assertThrows(IllegalArgumentException.class,
          () -> runner.resolve(spec("refusing").withSetting("nosuch", "x", "1")));
      assertTrue(unknownSetting.getMessage().contains("unknown plugin 'nosuch'"));
      IllegalArgumentException badRunOption = assertThrows(IllegalArgumentException.class,
          () -> runner.resolve(spec("refusing").withSetting("run", "train-v", "maybe")));
      assertEquals("run.train-v = 'maybe' is not allowed: expected true or false",
          badRunOption.getMessage());
    }
  }

  @Test
  void pointSymmetryIsDetectedNumerically() {
    assertEquals(0, Runner.symmetryConstant(tanh()), 0);
    Activation sigmoid = new Activation() {
      @Override public double value(double z) {
        return 1 / (1 + Math.exp(-z));
      }
      @Override public double derivative(double z) {
        return value(z) * (1 - value(z));
      }
      @Override public double secondDerivative(double z) {
        return derivative(z) * (1 - 2 * value(z));
      }
    };
    assertEquals(1, Runner.symmetryConstant(sigmoid), 1e-15, "sigmoid(z) + sigmoid(-z) = 1");
    Activation relu = new Activation() {
      @Override public double value(double z) {
        return Math.max(z, 0);
      }
      @Override public double derivative(double z) {
        return z > 0 ? 1 : 0;
      }
      @Override public double secondDerivative(double z) {
        return 0;
      }
    };
    assertTrue(Double.isNaN(Runner.symmetryConstant(relu)));
    Network flipped = Runner.nonNegativeOutputs(new Network(new double[] {1, -2, 3, 4},
        new double[] {-1, 2}, 2));
    assertArrayEquals(new double[] {-1, 2, 3, 4}, flipped.weights(), 0);
    assertArrayEquals(new double[] {1, 2}, flipped.outputWeights(), 0);
  }
}
