package org.nnrecover.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.run.Runner;
import org.nnrecover.core.run.SpecSchema;

/**
 * {@code nnrecover-spark run} takes the options of {@code nnrecover run} (the same schema), as well
 * as the older KEY=VALUE items, and mixes them.
 */
class RunCommandTest {
  private static int execute(StringWriter out, StringWriter err, String... args) {
    return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  /** A record's JSON without timing and provenance (the executor's thread count differs). */
  private static String comparable(String json) throws Exception {
    ObjectNode record = (ObjectNode) Json.mapper().readTree(json);
    record.remove("provenance");
    return RecordLines.withoutTiming(Json.compact(record));
  }

  @Test
  void theOptionsOfNnrecoverRunAndItemsTogetherGiveTheLocalRecord() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // options as for 'nnrecover run', and items of the older form for the rest
    int code = execute(out, err, "run", "--master", "local[2]", "--activation", "squared-relu",
        "-d", "5", "-k", "2", "--seed", "3", "--initializer", "random", "--set",
        "stop.max-iterations=5", "--set", "gd.step=0.02", "n=500", "run.trace-every=2");
    assertEquals(0, code, err.toString());
    RunRecord local;
    try (BlockExecutor executor = new BlockExecutor(1)) {
      local = new Runner(PluginRegistry.discover(getClass().getClassLoader()), executor)
          .run(SpecSchema.bind(Map.of("activation", "squared-relu", "initializer", "random",
              "d", 5, "k", 2, "n", 500, "seed", 3L), Map.of("stop",
              Map.of("max-iterations", "5"), "gd", Map.of("step", "0.02"), "run",
              Map.of("trace-every", "2"))));
    }
    assertEquals(5, local.iterations());
    assertEquals(comparable(Json.compact(local)), comparable(out.toString()));
  }

  @Test
  void badSpecsAreOneLineAndExitCode2BeforeSparkStarts() {
    String[][] cases = {
        {"both give activation", "--activation", "relu", "activation=relu", "d=3", "k=1",
            "n=10"},
        {"missing required option: '--activation=a'", "-d", "3", "-k", "1", "-n", "10"},
        {"malformed spec item 'dee=3'", "--activation", "relu", "dee=3", "k=1", "n=10"},
        {"k must be an integer in 1..", "--activation", "relu", "-d", "3", "-k", "0", "-n",
            "10"},
        {"--set for nesterov", "--activation", "relu", "-d", "3", "-k", "1", "-n", "10",
            "nesterov.step=0.1"},
        {"--threads must be in 1..256", "--distributed", "--threads", "0", "--activation",
            "relu", "-d", "3", "-k", "1", "-n", "10"},
        {"stop.max-iterations = '0' is not allowed", "--activation", "relu", "-d", "3", "-k",
            "1", "-n", "10", "--set", "stop.max-iterations=0"}};
    for (String[] c : cases) {
      String[] args = new String[c.length];
      args[0] = "run";
      System.arraycopy(c, 1, args, 1, c.length - 1);
      StringWriter err = new StringWriter();
      int code = execute(new StringWriter(), err, args);
      assertEquals(Main.USAGE, code, String.join(" ", args) + ": " + err);
      assertTrue(err.toString().toLowerCase(java.util.Locale.ROOT).contains(c[0]),
          String.join(" ", args) + ": " + err);
      assertEquals(1, err.toString().lines()
          .filter(line -> !line.equals("(run again with --debug for the stack trace)")).count(),
          "one line: " + err);
    }
  }
}
