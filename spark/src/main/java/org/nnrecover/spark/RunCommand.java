package org.nnrecover.spark;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.run.Outcome;
import org.nnrecover.core.run.ResolvedSpec;
import org.nnrecover.core.run.RunSpec;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.run.Runner;
import org.nnrecover.core.run.SpecOptions;
import org.nnrecover.core.store.ResultStore;
import org.nnrecover.core.sweep.Sweep;
import org.nnrecover.core.sweep.SweepRun;
import org.nnrecover.spark.distributed.DistributedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nnrecover-spark run}: one run, executed as one Spark task. The spec takes the options of
 * {@code nnrecover run} (made from the same schema, {@link SpecOptions}) and, as before, the
 * {@code KEY=VALUE} items of a sweep file's {@code fixed:} block.
 */
@Command(name = "run", mixinStandardHelpOptions = true, modelTransformer = SpecOptions.Every.class,
    description = {"Run one recovery as one Spark task and print its record as JSON (the record "
        + "'nnrecover ablate' would store for it); with --distributed, one recovery with its "
        + "samples spread over the executors.",
        "The spec takes the options of 'nnrecover run' (--activation squared-relu -d 10 -k 5 "
            + "-n 10000 --set gd.step=0.02), or KEY=VALUE items with the keys of a sweep file's "
            + "'fixed:' block (activation=squared-relu d=10 k=5 n=10000 gd.step=0.02), or both.",
        "Exit code 0 for a finished run (whatever its outcome), 2 for bad input, 1 when the run "
            + "failed."})
final class RunCommand implements Callable<Integer> {
  @Parameters(paramLabel = "KEY=VALUE", arity = "0..*",
      description = "spec items, as in a sweep file's fixed: block (instead of the options)")
  List<String> items = new ArrayList<>();

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
    RunSpec spec = SpecOptions.toSpec(command.commandLine(), items);
    ResolvedSpec resolved;
    try (BlockExecutor unused = new BlockExecutor(1)) {
      Runner runner = new Runner(options.registry(), unused);
      resolved = runner.resolve(spec);
      runner.refuseUnusedSettings(resolved);
    }
    if (distributed) {
      try (JavaSparkContext spark = options.start("nnrecover run --distributed")) {
        return distributedRun.run(spark, options.registry(),
            SparkSweep.ship(spark, options.pluginJars()), spec, command.commandLine().getOut(),
            command.commandLine().getErr());
      }
    }
    Sweep sweep = new Sweep("run", List.of(spec.seed()), 1,
        List.of(new SweepRun(resolved, Map.of(), Sweep.SINGLE_CELL)));
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
