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
    builder.add(initializer("halved-truth", context -> {
      Network truth = context.teacher().orElseThrow();
      double[] w = truth.weights();
      for (int i = 0; i < w.length; i++) {
        w[i] *= 0.5;
      }
      return new Network(w, truth.outputWeights(), truth.d());
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
    builder.add(new PluginEntry(PluginKind.OPTIMIZER, new OptimizerProvider() {
      @Override public String name() {
        return "steps";
      }
      @Override public String summary() {
        return "small gradient steps until the core says stop";
      }
      @Override public Optimizer create(Params params) {
        return problem -> {
          double[] x = problem.start();
          double[] g = new double[x.length];
          double f = problem.evaluate(x, g);
          boolean going = true;
          while (going) {
            for (int i = 0; i < x.length; i++) {
              x[i] -= 1e-3 * g[i];
            }
            f = problem.evaluate(x, g);
            going = problem.report(x, f, 0, 1e-3);
          }
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
    return SpecSchema.bind(Map.of("activation", "tanh", "initializer", initializer, "optimizer",
        "still", "d", 4, "k", 1, "n", 300, "kappa", 1.0, "seed", 5L), Map.of());
  }

  /**
   * A spec of the "steps" optimizer from half the truth, with these settings; the tolerances are
   * off, so that the iteration budget ends the run.
   */
  private static RunSpec steps(Map<String, Map<String, String>> settings) {
    Map<String, Map<String, String>> all = new java.util.TreeMap<>(settings);
    Map<String, String> stop = new java.util.TreeMap<>(Map.of("objective-tolerance", "0",
        "gradient-tolerance", "0"));
    stop.putAll(settings.getOrDefault("stop", Map.of()));
    all.put("stop", stop);
    return SpecSchema.bind(Map.of("activation", "tanh", "initializer", "halved-truth",
        "optimizer", "steps", "d", 4, "k", 1, "n", 300, "seed", 5L), all);
  }

  @Test
  void stopRulesHaveTheirNamespaceAndTheOptimizersSpellingIsAnAlias() {
    try (BlockExecutor executor = new BlockExecutor(1)) {
      Runner runner = new Runner(registry(), executor);
      RunRecord byStop = runner.run(steps(Map.of("stop", Map.of("max-iterations", "3"))));
      RunRecord byAlias = runner.run(steps(Map.of("steps", Map.of("max-iterations", "3"))));
      assertEquals(3, byStop.iterations());
      assertEquals("max-iterations", byStop.stopReason());
      assertEquals(objectives(byStop), objectives(byAlias));
      assertEquals(4, objectives(byStop).size());
      assertTrue(objectives(byStop).get(3) < objectives(byStop).get(0), "the steps descend");
      assertEquals(byStop.finalMetrics().objective(), byAlias.finalMetrics().objective());
      // the record keeps the rules under the optimizer's name, as since 1.0
      assertEquals(byStop.resolved(), byAlias.resolved());
      assertEquals(3, byStop.resolved().get("steps").get("max-iterations"));
      assertEquals(List.of("max-iterations", "max-evaluations", "gradient-tolerance",
          "change-tolerance", "objective-tolerance", "divergence-factor"),
          List.copyOf(byStop.resolved().get("steps").keySet()));
      assertEquals(List.of("halved-truth", "run", "steps", "tanh"),
          List.copyOf(byStop.resolved().keySet()));
      // the alias is the more specific spelling: it wins over stop.*
      assertEquals(2, runner.run(steps(Map.of("stop", Map.of("max-iterations", "5"),
          "steps", Map.of("max-iterations", "2")))).iterations());
      // another optimizer's alias does not apply to this run (and is reported as unused)
      ResolvedSpec other = runner.resolve(steps(Map.of("stop", Map.of("max-iterations", "4"),
          "still", Map.of("max-iterations", "1"))));
      assertEquals(4, other.stop().getInt("max-iterations"));
      assertEquals(List.of("still"), runner.unusedSettings(other));
      assertEquals(4, runner.run(other).iterations());
      assertEquals(10000, runner.resolve(steps(Map.of())).stop().getInt("max-iterations"));
    }
  }

  private static List<Double> objectives(RunRecord record) {
    return record.trace().stream().map(row -> row.objective()).toList();
  }

  @Test
  void aBadStopRuleIsNamedAsItWasWritten() {
    try (BlockExecutor executor = new BlockExecutor(1)) {
      Runner runner = new Runner(registry(), executor);
      for (String owner : List.of("stop", "steps", "still")) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> runner.resolve(steps(Map.of(owner, Map.of("max-iterations", "0")))));
        assertTrue(e.getMessage().startsWith(owner + ".max-iterations = '0' is not allowed"),
            e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> runner.checkSetting(owner, "gradient-tolerance", "2"));
        assertTrue(e.getMessage().startsWith(owner + ".gradient-tolerance = '2' is not allowed"),
            e.getMessage());
      }
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> runner.resolve(steps(Map.of("stop", Map.of("step", "1")))));
      assertTrue(e.getMessage().contains("step"), e.getMessage());
      // a non-optimizer plugin has no alias: tanh.max-iterations is its own (unknown) parameter
      e = assertThrows(IllegalArgumentException.class,
          () -> runner.checkSetting("tanh", "max-iterations", "5"));
      assertTrue(e.getMessage().contains("tanh") && e.getMessage().contains("max-iterations"),
          e.getMessage());
      runner.checkSetting("stop", "max-iterations", "5");
      runner.checkSetting("steps", "max-iterations", "5");
    }
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
