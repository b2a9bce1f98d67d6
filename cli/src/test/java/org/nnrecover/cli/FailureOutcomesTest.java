package org.nnrecover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.api.ApiVersion;
import org.nnrecover.core.plugin.TestJars;

/**
 * Honest outcomes from the command line (issue 13), with real third-party plugin jars: a NaN from
 * an activation on the student's inputs and an optimizer that throws or steps to NaN end as
 * {@code failed} (exit code 1) naming the plugin, and keep what was done before; an optimizer that
 * swallows the budget signal still ends {@code budget-exhausted}.
 */
class FailureOutcomesTest {
  @TempDir
  static Path dir;
  static Path jar;

  private static final String PREFIX = """
      package test.plugins;
      import java.util.List;
      import org.nnrecover.api.*;
      """;

  /** z^2 for |z| <= 50, NaN beyond: finite on the teacher's inputs, NaN on an oversized student. */
  private static final String NAN_SQUARE = PREFIX + """
      public final class NanSquare implements ActivationProvider {
        public String name() { return "nan-square"; }
        public String summary() { return "z^2, NaN for |z| > 50"; }
        public Activation create(Params p) {
          return new Activation() {
            public double value(double z) { return Math.abs(z) <= 50 ? z * z : Double.NaN; }
            public double derivative(double z) { return Math.abs(z) <= 50 ? 2 * z : Double.NaN; }
            public double secondDerivative(double z) { return 2; }
          };
        }
      }
      """;

  /** Takes 4 fixed steps of 1e-4, then throws. */
  private static final String CRASH = PREFIX + """
      public final class Crash implements OptimizerProvider {
        public String name() { return "crash-after-4"; }
        public String summary() { return "4 small steps, then an exception"; }
        public Optimizer create(Params p) {
          return problem -> {
            double[] x = problem.start();
            double[] g = new double[x.length];
            problem.evaluate(x, g);
            for (int t = 0; t < 4; t++) {
              for (int i = 0; i < x.length; i++) x[i] -= 1e-4 * g[i];
              problem.report(x, problem.evaluate(x, g), 1, 1e-4);
            }
            throw new IllegalStateException("out of ideas");
          };
        }
      }
      """;

  /** Steps to a point with a NaN entry at its second iteration. */
  private static final String NAN_STEP = PREFIX + """
      public final class NanStep implements OptimizerProvider {
        public String name() { return "nan-step"; }
        public String summary() { return "one small step, then a NaN"; }
        public Optimizer create(Params p) {
          return problem -> {
            double[] x = problem.start();
            double[] g = new double[x.length];
            problem.evaluate(x, g);
            for (int i = 0; i < x.length; i++) x[i] -= 1e-4 * g[i];
            if (problem.report(x, problem.evaluate(x, g), 1, 1e-4)) {
              x[2] = Double.NaN;
              problem.report(x, 0, 1, 1e-4);
            }
          };
        }
      }
      """;

  /** Catches every RuntimeException around its evaluations and goes on. */
  private static final String DEAF = PREFIX + """
      public final class Deaf implements OptimizerProvider {
        public String name() { return "deaf"; }
        public String summary() { return "swallows exceptions"; }
        public Optimizer create(Params p) {
          return problem -> {
            double[] x = problem.start();
            double[] g = new double[x.length];
            for (int t = 0; t < 100; t++) {
              try {
                double f = problem.evaluate(x, g);
                for (int i = 0; i < x.length; i++) x[i] -= 1e-4 * g[i];
                problem.report(x, problem.evaluate(x, g), 1, 1e-4);
              } catch (RuntimeException e) {
                // a careless plugin
              }
            }
          };
        }
      }
      """;

  @BeforeAll
  static void buildJar() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    TestJars.compile(Map.of("test.plugins.NanSquare", NAN_SQUARE, "test.plugins.Crash", CRASH,
        "test.plugins.NanStep", NAN_STEP, "test.plugins.Deaf", DEAF), classes);
    jar = TestJars.jar(dir.resolve("failing.jar"), classes, Map.of(
        "org.nnrecover.api.ActivationProvider", "test.plugins.NanSquare",
        "org.nnrecover.api.OptimizerProvider",
        "test.plugins.Crash\ntest.plugins.NanStep\ntest.plugins.Deaf"), ApiVersion.CURRENT);
  }

  private static CliTest.Result run(String activation, String optimizer, String... extra) {
    String[] base = {"run", "--plugins", jar.toString(), "--activation", activation,
        "--initializer", "random", "--set", "random.v=oracle", "--optimizer", optimizer,
        "-d", "4", "-k", "2", "-n", "500", "--seed", "3", "--format", "json", "--threads", "1"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliTest.nnrecover(args);
  }

  @Test
  void aNanFromTheActivationOnTheStudentFailsNamingIt() throws Exception {
    // random.scale = 100: student pre-activations of size ~200 where nan-square returns NaN
    CliTest.Result result = run("nan-square", "gd", "--set", "random.scale=100");
    assertEquals(1, result.code(), result.err());
    JsonNode json = result.json();
    assertEquals("failed", json.get("outcome").asText());
    assertEquals("nan-square", json.get("failedPlugin").asText());
    String message = json.get("message").asText();
    assertTrue(message.startsWith("nan-square returned phi("), message);
    assertTrue(message.contains("= NaN"), message);
    assertTrue(json.get("init").isObject(), "the init metrics are kept");
  }

  @Test
  void aThrowingOptimizerFailsAndKeepsItsIterationsAndTrace() throws Exception {
    CliTest.Result result = run("squared-relu", "crash-after-4");
    assertEquals(1, result.code(), result.err());
    JsonNode json = result.json();
    assertEquals("failed", json.get("outcome").asText());
    assertEquals("crash-after-4", json.get("failedPlugin").asText());
    assertEquals("crash-after-4 failed: java.lang.IllegalStateException: out of ideas",
        json.get("message").asText());
    assertEquals(4, json.get("iterations").asInt());
    assertEquals(5, json.get("evaluations").asInt(), "one at the start, one per step");
    assertEquals(5, json.get("trace").size(), "rows for iterations 0..4");
    assertTrue(json.get("init").isObject());
    assertTrue(json.get("final").isObject());
    assertTrue(json.get("final").get("objective").asDouble()
        < json.get("init").get("objective").asDouble(), "4 small gradient steps descend");
    assertFalse(json.get("worsened").asBoolean());
  }

  @Test
  void aNanStepFailsNamingTheOptimizerAndKeepsTheLastGoodPoint() throws Exception {
    CliTest.Result result = run("squared-relu", "nan-step");
    assertEquals(1, result.code(), result.err());
    JsonNode json = result.json();
    assertEquals("failed", json.get("outcome").asText());
    assertEquals("nan-step", json.get("failedPlugin").asText());
    assertEquals("nan-step stepped to a non-finite point at iteration 2 (entry 2 is NaN)",
        json.get("message").asText());
    assertTrue(Double.isFinite(json.get("final").get("objective").asDouble()));
  }

  @Test
  void aSwallowedBudgetSignalStillEndsTheRunAsBudgetExhausted() throws Exception {
    CliTest.Result result = run("squared-relu", "deaf", "--set", "deaf.max-evaluations=5");
    assertEquals(0, result.code(), result.err());
    JsonNode json = result.json();
    assertEquals("budget-exhausted", json.get("outcome").asText());
    assertEquals("max-evaluations", json.get("stopReason").asText());
    assertEquals(5, json.get("evaluations").asInt());
    assertEquals(2, json.get("iterations").asInt(), "evaluations 2 and 4 were reported");
  }
}
