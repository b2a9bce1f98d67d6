package org.nnrecover.spark;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaSparkContext;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.run.Outcome;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.run.Runner;
import org.nnrecover.core.store.ResultStore;
import org.nnrecover.core.sweep.Sweep;
import org.nnrecover.core.sweep.SweepFile;
import org.nnrecover.spark.distributed.DistributedRun;
import org.nnrecover.spark.distributed.SparkPlacement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nnrecover-spark run}: one run, executed as one Spark task. The spec is written in the
 * vocabulary of a sweep file's {@code fixed:} block ({@code KEY=VALUE}), so it is validated by the
 * same code as a sweep.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run one recovery as one Spark task and print its record as JSON (the record "
        + "'nnrecover ablate' would store for it); with --distributed, one recovery with its "
        + "samples spread over the executors.",
        "The spec is KEY=VALUE items with the keys of a sweep file's 'fixed:' block, e.g. "
            + "activation=squared-relu d=10 k=5 n=10000 gd.step=0.02.",
        "Exit code 0 for a finished run (whatever its outcome), 2 for bad input, 1 when the run "
            + "failed."})
final class RunCommand implements Callable<Integer> {
  private static final Pattern ITEM = Pattern.compile("([a-z][a-z0-9-]*(\\.[a-z0-9-]+)?)=([^\\n#:]+)");

  @Parameters(paramLabel = "KEY=VALUE", arity = "1..*", description = "the spec")
  List<String> items = new ArrayList<>();

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
      description = "master seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--distributed",
      description = "one large problem with its samples generated on the executors (as "
          + "partitions of the sample blocks) and the optimizer on the driver; prints the "
          + "record of 'nnrecover run' with the same spec and seed")
  boolean distributed;

  @Mixin SparkOptions options;

  @Mixin DistributedRun distributedRun;

  @Spec CommandSpec command;

  @Override
  public Integer call() throws Exception {
    distributedRun.check(distributed);
    StringBuilder yaml = new StringBuilder(String.format(Locale.ROOT,
        "name: run\nseeds: [%d]\nfixed:\n", seed));
    for (String item : items) {
      var m = ITEM.matcher(item);
      if (!m.matches()) {
        throw new IllegalArgumentException("malformed spec item '" + item + "': expected "
            + "KEY=VALUE with a key of a sweep file's fixed: block, e.g. d=10 or gd.step=0.02");
      }
      if (distributed && m.group(1).equals("data")) {
        SparkPlacement.requireGenerated(m.group(3).trim());
      }
      yaml.append("  ").append(m.group(1)).append(": ").append(m.group(3).trim()).append('\n');
    }
    Sweep sweep;
    try (BlockExecutor unused = new BlockExecutor(1)) {
      sweep = SweepFile.parse(yaml.toString(), "the run's spec", new Runner(options.registry(),
          unused));
    }
    if (distributed) {
      SparkPlacement.requireGenerated(sweep.runs().get(0).spec());
      try (JavaSparkContext spark = options.start("nnrecover run --distributed")) {
        return distributedRun.run(spark, options.registry(),
            SparkSweep.ship(spark, options.pluginJars()), sweep.runs().get(0).spec(),
            command.commandLine().getOut(), command.commandLine().getErr());
      }
    }
    Path scratch = Files.createTempDirectory("nnrecover-run");
    RunRecord record;
    try (ResultStore store = ResultStore.open(scratch, false);
        JavaSparkContext spark = options.start("nnrecover run")) {
      new SparkSweep(spark, SparkSweep.ship(spark, options.pluginJars()))
          .run(sweep, store, (done, total, run, outcome) -> { });
      record = ResultStore.read(scratch).get(0).record();
    } finally {
      Files.deleteIfExists(scratch.resolve(ResultStore.RUNS_FILE));
      Files.deleteIfExists(scratch);
    }
    PrintWriter out = command.commandLine().getOut();
    out.println(Json.pretty(record));
    return record.outcome() == Outcome.FAILED ? Main.FAILURE : 0;
  }
}
