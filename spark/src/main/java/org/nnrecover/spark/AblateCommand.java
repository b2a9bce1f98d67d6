package org.nnrecover.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.nnrecover.core.ablation.AblationSummary;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.Runner;
import org.nnrecover.core.store.ResultStore;
import org.nnrecover.core.sweep.Sweep;
import org.nnrecover.core.sweep.SweepFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nnrecover-spark ablate}: a sweep file's runs as Spark tasks, into a result store. */
@Command(name = "ablate", mixinStandardHelpOptions = true,
    description = {"Run a sweep on Spark, one task per run: validated as a whole on the driver "
        + "before the first run, each finished run appended to DIR/runs.jsonl by the driver as "
        + "its task ends (the same lines as 'nnrecover ablate', timing aside).",
        "Exit code 0 when every run was recorded (whatever their outcomes), 2 for bad input (an "
            + "invalid sweep, an unreachable master, results in DIR without --resume), 1 when "
            + "the Spark job failed."})
final class AblateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "the sweep file")
  Path sweepFile;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "result directory: runs.jsonl and a copy of the sweep file as sweep.yaml")
  Path out;

  @Option(names = "--resume",
      description = "keep the runs already in DIR/runs.jsonl (matched by spec), run the rest")
  boolean resume;

  @Mixin SparkOptions options;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    PluginRegistry registry = options.registry();
    Sweep sweep;
    try (BlockExecutor unused = new BlockExecutor(1)) {
      sweep = SweepFile.load(sweepFile, new Runner(registry, unused));
    }
    execute(sweep, sweepFile, out, resume, options, command.commandLine().getOut());
    return 0;
  }

  /**
   * Runs a validated sweep on Spark into the store in {@code dir}; prints a line per recorded run
   * and a summary.
   *
   * @param sweepFile copied into the store as sweep.yaml (null: the caller writes it)
   */
  static AblationSummary execute(Sweep sweep, Path sweepFile, Path dir, boolean resume,
      SparkOptions options, PrintWriter out) {
    SparkOptions.checkReachable(options.master()); // before the store directory is made
    try (ResultStore store = ResultStore.open(dir, resume)) {
      store.repair().ifPresent(out::println);
      if (sweepFile != null) {
        store.copySweepFile(sweepFile);
      }
      long remaining = sweep.runs().stream().filter(run -> !store.contains(run.spec())).count();
      out.printf(Locale.ROOT, "sweep %s: %d runs, %d to run -> %s%n", sweep.name(),
          sweep.runs().size(), remaining, dir.resolve(ResultStore.RUNS_FILE));
      out.flush();
      AblationSummary summary;
      try (JavaSparkContext spark = options.start("nnrecover " + sweep.name())) {
        out.printf(Locale.ROOT, "on Spark %s, master %s, default parallelism %d%n",
            spark.version(), spark.master(), spark.defaultParallelism());
        out.flush();
        SparkSweep runner = new SparkSweep(spark, SparkSweep.ship(spark, options.pluginJars()));
        summary = runner.run(sweep, store, (done, total, run, outcome) -> {
          out.printf(Locale.ROOT, "[%d/%d] %s seed %d: %s%n", done, total, run.cell(),
              run.spec().seed(), outcome);
          out.flush();
        });
      }
      out.println(summaryLine(summary));
      return summary;
    }
  }

  /** One line: runs done, by outcome, failures, skipped, wall time. */
  static String summaryLine(AblationSummary summary) {
    StringJoiner outcomes = new StringJoiner(", ");
    summary.byOutcome().forEach((outcome, count) -> outcomes.add(count + " " + outcome));
    return String.format(Locale.ROOT, "done: %d runs in %.1f s%s%s%s", summary.runs(),
        summary.seconds(), summary.runs() == 0 ? "" : " (" + outcomes + ")",
        summary.failures() == 0 ? "" : "; " + summary.failures() + " failed, refused or diverged",
        summary.skipped() == 0 ? "" : "; " + summary.skipped() + " already recorded, skipped");
  }
}
