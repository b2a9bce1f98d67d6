package org.nnrecover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.activations.SquaredRelu;
import org.nnrecover.api.Activation;
import org.nnrecover.api.Network;
import org.nnrecover.api.Params;
import org.nnrecover.api.Samples;
import org.nnrecover.core.data.SampleFiles;
import org.nnrecover.core.data.SampleGenerator;
import org.nnrecover.core.data.Seeds;
import org.nnrecover.core.data.TeacherKind;
import org.nnrecover.core.data.Teachers;
import org.nnrecover.core.data.TruthFile;
import org.nnrecover.core.io.Json;

/** The command line as a user sees it: outputs, JSON fields and exit codes. */
class CliTest {

  /** Exit code, stdout and stderr of one invocation. */
  record Result(int code, String out, String err) {
    JsonNode json() throws Exception {
      return Json.mapper().readTree(out);
    }
  }

  static Result nnrecover(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * Approach III of Figure 1c at a small size: v = v*, random W, gd. From this start the loss is
   * locally strongly convex, so gd reaches the objective tolerance and recovers W* (success).
   */
  @Test
  void runPrintsTheDocumentedJsonFields(@TempDir Path dir) throws Exception {
    Path trace = dir.resolve("trace.csv");
    Result r = nnrecover("run", "--activation", "squared-relu", "--initializer", "random",
        "--set", "random.v=oracle", "--set", "random.scale=0.3", "--optimizer", "gd",
        "--set", "gd.step=0.05", "-d", "4", "-k", "2", "-n", "2000", "--seed", "3",
        "--format", "json", "--trace", trace.toString(), "--threads", "1");
    assertEquals(0, r.code(), r.err());
    JsonNode json = r.json();
    for (String field : new String[] {"spec", "init", "final", "iterations", "outcome",
        "stopReason", "seconds"}) {
      assertTrue(json.has(field), "missing " + field);
    }
    for (String field : new String[] {"unitError", "frobError", "signsCorrect", "success"}) {
      assertTrue(json.get("init").has(field) && json.get("final").has(field), field);
    }
    assertEquals("converged", json.get("outcome").asText());
    assertEquals("objective-tolerance", json.get("stopReason").asText());
    assertTrue(json.get("final").get("success").asBoolean());
    assertTrue(json.get("final").get("unitError").asDouble() < 1e-5);
    assertEquals("squared-relu", json.get("spec").get("activation").asText());
    assertEquals(0.05, json.get("resolved").get("gd").get("step").asDouble());
    assertEquals(json.get("iterations").asInt() + 2, Files.readAllLines(trace).size(),
        "header + start row + one row per iteration");
  }

  /** Same spec, 1 or 2 threads: identical numbers (timings aside). */
  @Test
  void runIsDeterministicAcrossThreadCounts() throws Exception {
    String[] base = {"run", "--activation", "relu", "--initializer", "random", "-d", "6",
        "-k", "3", "-n", "5000", "--set", "gd.max-iterations=50", "--format", "json"};
    JsonNode one = nnrecover(concat(base, "--threads", "1")).json();
    JsonNode two = nnrecover(concat(base, "--threads", "2")).json();
    assertEquals(one.get("final").get("objective").asDouble(),
        two.get("final").get("objective").asDouble(), 0);
    assertEquals(one.get("final").get("frobError").asDouble(),
        two.get("final").get("frobError").asDouble(), 0);
  }

  @Test
  void badInputGivesOneClearLineAndExitCode2() {
    Result kTooLarge = nnrecover("run", "--activation", "relu", "--initializer", "random",
        "-d", "3", "-k", "4", "-n", "100");
    assertEquals(2, kTooLarge.code());
    assertTrue(kTooLarge.err().contains("k must be <= d (k = 4, d = 3)"), kTooLarge.err());
    assertFalse(kTooLarge.err().contains("at org."), "no stack trace without --debug");

    Result unknown = nnrecover("run", "--activation", "rellu", "--initializer", "random",
        "-d", "3", "-k", "2", "-n", "100");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("unknown activation 'rellu'; did you mean relu"),
        unknown.err());

    Result badSet = nnrecover("run", "--activation", "relu", "--initializer", "random",
        "-d", "3", "-k", "2", "-n", "100", "--set", "gd.step");
    assertEquals(2, badSet.code());
    assertTrue(badSet.err().contains("malformed --set 'gd.step'"), badSet.err());

    Result badParam = nnrecover("run", "--activation", "relu", "--initializer", "random",
        "-d", "3", "-k", "2", "-n", "100", "--set", "gd.step=-1");
    assertEquals(2, badParam.code());
    assertTrue(badParam.err().contains("gd.step = '-1' is not allowed"), badParam.err());

    Result badKappa = nnrecover("run", "--activation", "relu", "--initializer", "random",
        "-d", "3", "-k", "2", "-n", "100", "--kappa", "0.5");
    assertEquals(2, badKappa.code());
    assertTrue(badKappa.err().contains("kappa must be a number in [1, 1e6], got 0.5"), badKappa.err());

    Result badN = nnrecover("run", "--activation", "relu", "-d", "3", "-k", "2", "-n", "0");
    assertEquals(2, badN.code());
    assertTrue(badN.err().contains("n must be an integer in 1.."), badN.err());
  }

  /** v=oracle without a known truth (file data, no --truth) is refused: exit 2 and a reason. */
  @Test
  void oracleWithoutTruthIsRefused(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data.csv");
    Files.writeString(data, "x1,x2,y\n1,2,3\n0.5,-1,0.25\n-2,0,0\n");
    Result r = nnrecover("run", "--activation", "relu", "--initializer", "random",
        "--set", "random.v=oracle", "-k", "1", "--data", data.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("random.v=oracle copies v from the ground truth"), r.err());
    assertTrue(r.out().contains("outcome: refused"), r.out());
  }

  /**
   * Samples and truth from files written by the core's own writers: the run on file data gives the
   * same numbers as the run that generated them (same samples, same truth, same initializer seed).
   */
  @Test
  void runOnFileDataMatchesTheGeneratedRun(@TempDir Path dir) throws Exception {
    String[] spec = {"--activation", "squared-relu", "--initializer", "random",
        "--set", "random.v=oracle", "--set", "random.scale=0.3", "--set", "gd.step=0.05",
        "-k", "2", "--seed", "4", "--threads", "1", "--format", "json"};
    JsonNode generated = nnrecover(concat(concat(new String[] {"run", "-d", "3", "-n", "1500"},
        spec))).json();
    Network truth = Teachers.make(
        TeacherKind.RANDOM, 3, 2, 2,
        Seeds.stream(4, Seeds.TEACHER));
    Activation phi = new SquaredRelu()
        .create(Params.defaults("squared-relu", List.of()));
    Samples samples = SampleGenerator.generate(truth, phi, 1500, 0, 4);
    Path data = dir.resolve("samples.npy");
    Path truthFile = dir.resolve("truth.json");
    SampleFiles.writeNpy(data, samples);
    TruthFile.write(truthFile, truth);
    JsonNode fromFile = nnrecover(concat(concat(new String[] {"run", "--data", data.toString(),
        "--truth", truthFile.toString()}, spec))).json();
    assertEquals(generated.get("final").get("unitError").asDouble(),
        fromFile.get("final").get("unitError").asDouble(), 0);
    assertEquals(generated.get("iterations").asInt(), fromFile.get("iterations").asInt());
  }

  @Test
  void aMalformedDataFileIsRefusedWithFileAndLine(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("bad.csv");
    Files.writeString(data, "1,2,3\n4,5\n");
    Result r = nnrecover("run", "--activation", "relu", "--initializer", "random", "-k", "1",
        "--data", data.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("bad.csv") && r.err().contains("line 2"), r.err());
  }

  /** More resampling batches than the file has samples is bad input (exit 2), not a failure. */
  @Test
  void tooManyResamplingBatchesForAFileAreRefused(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("small.csv");
    Files.writeString(data, "1,2,3\n0.5,-1,0.25\n-2,0,0\n");
    Result r = nnrecover("run", "--activation", "relu", "--initializer", "random", "-k", "1",
        "--data", data.toString(), "--set", "run.resample-batches=5");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("run.resample-batches must be <= n = 3"), r.err());
  }

  /** Every optimizer and the run options of issue 5 are reachable from the command line. */
  @Test
  void optimizersAndRunOptionsWorkFromTheCommandLine() throws Exception {
    String[] base = {"run", "--activation", "squared-relu", "--initializer", "random",
        "--set", "random.v=oracle", "--set", "random.scale=0.3", "-d", "4", "-k", "2",
        "-n", "2000", "--seed", "3", "--format", "json", "--threads", "1"};
    for (String[] extra : new String[][] {
        {"--optimizer", "nesterov", "--set", "nesterov.step=0.05"},
        {"--optimizer", "line-search", "--set", "line-search.wolfe=true"},
        {"--optimizer", "gd", "--set", "gd.step=0.05", "--set", "run.train-v=true",
            "--set", "run.resample-batches=4"}}) {
      JsonNode json = nnrecover(concat(base, extra)).json();
      assertEquals("converged", json.get("outcome").asText(), String.join(" ", extra));
      assertTrue(json.get("final").get("success").asBoolean(), String.join(" ", extra));
    }
  }

  /** The paper's rho table: ReLU rho = 1/4 - 1/(2 pi) at every sigma; quadratic's raw -4 sigma^2. */
  @Test
  void propertiesJsonHasTheDocumentedFields() throws Exception {
    Result r = nnrecover("properties", "--activation", "relu,quadratic", "--sigma", "0.1,1",
        "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode relu = r.json().get("relu");
    assertEquals(0.25 - 1 / (2 * Math.PI), relu.get("rho").get("0.1").asDouble(), 1e-12);
    assertEquals(1.0, relu.get("homogeneityDegree").asDouble());
    assertTrue(relu.get("properties").get("P2").asBoolean());
    assertEquals(4, relu.get("tensorOrders").get("j3").asInt());
    assertEquals(9, relu.get("hermite").size());
    JsonNode quadratic = r.json().get("quadratic");
    assertEquals(-4.0, quadratic.get("rho").get("1").asDouble(), 1e-9);
    assertTrue(quadratic.get("tensorOrders").get("j3").isNull());
    assertFalse(quadratic.get("properties").get("P2").asBoolean());

    Result badSigma = nnrecover("properties", "--activation", "relu", "--sigma", "0,x");
    assertEquals(2, badSigma.code());
    assertTrue(badSigma.err().contains("each sigma must be a finite number > 0"), badSigma.err());
  }

  /** The slides' counterexample: linear phi with W* = I has a singular Hessian; ReLU does not. */
  @Test
  void lscReproducesTheSlidesCounterexample() throws Exception {
    JsonNode linear = nnrecover("lsc", "--activation", "linear", "-d", "3", "-k", "3",
        "--teacher", "identity", "-n", "3000", "--format", "json").json();
    assertEquals(0, linear.get("lambdaMin").asDouble(), 1e-12);
    JsonNode relu = nnrecover("lsc", "--activation", "relu", "-d", "3", "-k", "3",
        "--teacher", "identity", "-n", "3000", "--format", "json").json();
    // population value rho(1) = 1/4 - 1/(2 pi) = 0.0908; 3000 samples: within 15%
    assertEquals(0.0908, relu.get("populationLambdaMin").asDouble(), 1e-3);
    assertEquals(0.0908, relu.get("lambdaMin").asDouble(), 0.15 * 0.0908);
    Result tooBig = nnrecover("lsc", "--activation", "relu", "-d", "100", "-k", "40");
    assertEquals(2, tooBig.code());
    assertTrue(tooBig.err().contains("the limit is d k <= 3000"), tooBig.err());
  }

  @Test
  void pluginsListsEveryKindWithParametersAndRunOptions() throws Exception {
    JsonNode json = nnrecover("plugins", "--format", "json").json();
    assertTrue(json.get("activation").size() >= 9);
    JsonNode gd = null;
    List<String> optimizers = new java.util.ArrayList<>();
    for (JsonNode optimizer : json.get("optimizer")) {
      optimizers.add(optimizer.get("name").asText());
      if (optimizer.get("name").asText().equals("gd")) {
        gd = optimizer;
      }
    }
    assertTrue(optimizers.containsAll(List.of("gd", "nesterov", "line-search", "lbfgs",
        "gauss-newton")), optimizers.toString());
    assertTrue(gd != null, "gd is listed");
    assertEquals("step", gd.get("parameters").get(0).get("name").asText());
    assertEquals("auto", gd.get("parameters").get(0).get("default").asText());
    assertEquals("train-v", json.get("run").get(0).get("name").asText());
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
