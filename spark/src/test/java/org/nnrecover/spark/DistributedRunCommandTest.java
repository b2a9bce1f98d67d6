package org.nnrecover.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.Runner;

/** {@code nnrecover-spark run --distributed} on the command line (its own local[2] context). */
class DistributedRunCommandTest {
  private static int execute(StringWriter out, StringWriter err, String... args) {
    return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  /** The local run of the spec both tests run, compact, timing masked. */
  private static String localRecord(int threads) {
    try (BlockExecutor executor = new BlockExecutor(threads)) {
      return SparkPlacementTest.withoutTiming(new Runner(PluginRegistry.discover(
          DistributedRunCommandTest.class.getClassLoader()), executor).run(SparkPlacementTest.SPEC));
    }
  }

  @Test
  void printsTheRecordOfTheLocalRunAndTheTimeSplit() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = execute(out, err, "run", "--master", "local[2]", "--distributed", "--threads",
        "2", "--format", "json", "--seed", "7", "activation=squared-relu",
        "initializer=tensor", "optimizer=gd", "d=20", "k=3", "n=20000", "gd.max-iterations=50",
        "gd.step=0.02", "run.trace-every=10");
    assertEquals(0, code, err.toString());
    // the printed JSON, compacted, against the local record's
    assertEquals(localRecord(2), SparkPlacementTest.withoutTiming(
        Json.mapper().readTree(out.toString())));
    // local[2]: Spark's default parallelism, 2 partitions
    assertTrue(err.toString().contains("2 partitions; distributed evaluations: "),
        err.toString());
  }

  /** Without --distributed: one Spark task, its store line read back and printed as the record. */
  @Test
  void oneTaskPrintsTheRecordOfTheLocalRun() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = execute(out, err, "run", "--master", "local[1]", "--seed", "7",
        "activation=squared-relu", "initializer=tensor", "optimizer=gd", "d=20", "k=3", "n=20000",
        "gd.max-iterations=50", "gd.step=0.02", "run.trace-every=10");
    assertEquals(0, code, err.toString());
    // the record 'nnrecover run' makes, the store's fields left out
    assertEquals(localRecord(1), SparkPlacementTest.withoutTiming(
        Json.mapper().readTree(out.toString())));
    assertTrue(out.toString().startsWith("{\n  \"spec\" : {"), out.toString());
  }

  @Test
  void badInputIsOneLineAndExitCode2BeforeSparkStarts() {
    StringWriter err = new StringWriter();
    int code = execute(new StringWriter(), err, "run", "--distributed",
        "activation=relu", "k=2", "data=/no/such.npy");
    assertEquals(Main.USAGE, code);
    assertTrue(err.toString().contains("data file /no/such.npy: no such file"), err.toString());

    err = new StringWriter();
    code = execute(new StringWriter(), err, "run", "--partitions", "3", "activation=relu", "d=4",
        "k=2", "n=100");
    assertEquals(Main.USAGE, code);
    assertTrue(err.toString().contains("options of --distributed runs"), err.toString());

    err = new StringWriter();
    code = execute(new StringWriter(), err, "run", "--distributed", "--format", "text",
        "activation=relu", "d=4", "k=2", "n=100");
    assertEquals(Main.USAGE, code);
    assertTrue(err.toString().contains("prints json only"), err.toString());
  }
}
