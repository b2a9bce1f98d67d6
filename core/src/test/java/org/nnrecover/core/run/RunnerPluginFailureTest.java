package org.nnrecover.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.Initializer;
import org.nnrecover.api.InitializerProvider;
import org.nnrecover.api.Network;
import org.nnrecover.api.Optimizer;
import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.api.Params;
import org.nnrecover.api.PluginKind;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginEntry;
import org.nnrecover.core.plugin.PluginRegistry;

/** A plugin that throws or returns non-finite numbers ends its run as {@code failed}. */
class RunnerPluginFailureTest {

  private record Act(String name, Activation fn) implements ActivationProvider {
    public String summary() {
      return "test activation";
    }

    public Activation create(Params params) {
      return fn;
    }
  }

  private record Init(String name, Initializer fn) implements InitializerProvider {
    public String summary() {
      return "test initializer";
    }

    public Initializer create(Params params) {
      return fn;
    }
  }

  private record Opt(String name, Optimizer fn) implements OptimizerProvider {
    public String summary() {
      return "test optimizer";
    }

    public Optimizer create(Params params) {
      return fn;
    }
  }

  /** phi(z) = z for |z| < 1, NaN elsewhere: non-finite on some samples. */
  private static Activation partlyNan() {
    return new Activation() {
      public double value(double z) {
        return Math.abs(z) < 1 ? z : Double.NaN;
      }

      public double derivative(double z) {
        return 1;
      }

      public double secondDerivative(double z) {
        return 0;
      }
    };
  }

  /** Reports the start point until told to stop: a correct, if useless, optimizer. */
  private static final Optimizer STAY = problem -> {
    double[] x = problem.start();
    double[] g = new double[x.length];
    double value = problem.evaluate(x, g);
    while (problem.report(x, value, 0, 0)) {
      value = problem.evaluate(x, g);
    }
  };

  /** Two steps of +0.1 along the gradient (uphill), then returns saying so. */
  private static final Optimizer UPHILL = problem -> {
    double[] x = problem.start();
    double[] g = new double[x.length];
    double value = problem.evaluate(x, g);
    for (int t = 0; t < 2 && problem.iteration() == t; t++) {
      for (int i = 0; i < x.length; i++) {
        x[i] += 0.1 * (g[i] + i + 1); // unequal moves: no cancellation between units
      }
      value = problem.evaluate(x, g);
      problem.report(x, value, 1, 0.1);
    }
    problem.diagnostics().put("stopped", "walked uphill on purpose");
  };

  private static final Initializer ORACLE = context -> context.teacher().orElseThrow();

  private static RunRecord run(String activation, String initializer, String optimizer) {
    Function<Network, Network> nanFirstWeight = net -> {
      double[] w = net.weights();
      w[0] = Double.NaN;
      return new Network(w, net.outputWeights(), net.d());
    };
    PluginRegistry registry = new PluginRegistry.Builder()
        .add(entry(PluginKind.ACTIVATION, new Act("lin", linear())))
        .add(entry(PluginKind.ACTIVATION, new Act("nan", partlyNan())))
        .add(entry(PluginKind.INITIALIZER, new Init("oracle", ORACLE)))
        .add(entry(PluginKind.INITIALIZER, new Init("nan-init",
            context -> nanFirstWeight.apply(ORACLE.initialize(context)))))
        .add(entry(PluginKind.INITIALIZER, new Init("throwing", context -> {
          throw new ArithmeticException("division by zero in step 2");
        })))
        .add(entry(PluginKind.OPTIMIZER, new Opt("stay", STAY)))
        .add(entry(PluginKind.OPTIMIZER, new Opt("uphill", UPHILL)))
        .add(entry(PluginKind.OPTIMIZER, new Opt("crash", problem -> {
          throw new IndexOutOfBoundsException("index 7 out of bounds for length 6");
        })))
        .build();
    RunSpec spec = SpecSchema.bind(Map.of("activation", activation, "initializer", initializer,
        "optimizer", optimizer, "d", 3, "k", 2, "n", 300, "seed", 5L),
        Map.of(RunOptions.NAMESPACE, Map.of("train-v", "false")));
    try (BlockExecutor executor = new BlockExecutor(1)) {
      return new Runner(registry, executor).run(spec);
    }
  }

  private static Activation linear() {
    return new Activation() {
      public double value(double z) {
        return z;
      }

      public double derivative(double z) {
        return 1;
      }

      public double secondDerivative(double z) {
        return 0;
      }
    };
  }

  private static PluginEntry entry(PluginKind kind, org.nnrecover.api.PluginProvider<?> p) {
    return new PluginEntry(kind, p, "test");
  }

  @Test
  void healthyPluginsFinish() {
    RunRecord record = run("lin", "oracle", "stay");
    // the oracle start is the truth, so the first report meets the objective tolerance
    assertEquals(Outcome.CONVERGED, record.outcome());
    assertNull(record.failedPlugin());
    assertEquals(0.0, record.finalMetrics().objective(), 1e-20);
  }

  @Test
  void anActivationWithNonFiniteValuesFailsTheRun() {
    RunRecord record = run("nan", "oracle", "stay");
    assertEquals(Outcome.FAILED, record.outcome());
    assertEquals("nan", record.failedPlugin());
    assertEquals("nan failed: java.lang.IllegalStateException: nan returned non-finite values on "
        + "the samples (the labels it made are not all finite)", record.message());
  }

  @Test
  void anInitializerWithNonFiniteWeightsFailsTheRun() {
    RunRecord record = run("lin", "nan-init", "stay");
    assertEquals(Outcome.FAILED, record.outcome());
    assertEquals("nan-init", record.failedPlugin());
    assertEquals("nan-init failed: java.lang.IllegalStateException: nan-init returned non-finite "
        + "weights", record.message());
  }

  @Test
  void throwingPluginsFailTheRunWithTheirMessage() {
    RunRecord init = run("lin", "throwing", "stay");
    assertEquals(Outcome.FAILED, init.outcome());
    assertEquals("throwing", init.failedPlugin());
    assertEquals("throwing failed: java.lang.ArithmeticException: division by zero in step 2",
        init.message());
    RunRecord opt = run("lin", "oracle", "crash");
    assertEquals(Outcome.FAILED, opt.outcome());
    assertEquals("crash", opt.failedPlugin());
    assertEquals("crash failed: java.lang.IndexOutOfBoundsException: index 7 out of bounds for "
        + "length 6", opt.message());
  }

  @Test
  void aRunThatEndsWorseThanItStartedIsMarkedAndKeepsTheBestPoint() {
    RunRecord record = run("lin", "oracle", "uphill");
    assertEquals(Outcome.STOPPED, record.outcome());
    assertEquals(2, record.iterations());
    assertEquals(Boolean.TRUE, record.worsened());
    assertTrue(record.finalMetrics().objective() > 0.01, "the final point is off the truth");
    // the start (the truth, objective 0) stays the best point
    assertEquals(0.0, record.best().objective(), 1e-20);
    assertEquals(record.init().objective(), record.best().objective(), 0);
    assertEquals(3, record.trace().size());
  }
}
