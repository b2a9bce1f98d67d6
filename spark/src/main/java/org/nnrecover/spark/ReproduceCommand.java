package org.nnrecover.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nnrecover.core.parallel.BlockExecutor;
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

/**
 * {@code nnrecover-spark reproduce}: the paper's sweeps (the files of examples/sweeps, shipped in
 * the jar) on Spark, into the same result directory as {@code nnrecover reproduce}.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
    description = {"Run an experiment of the paper on Spark: fig1a, fig1b or fig1c (the sweeps "
        + "of 'nnrecover reproduce'), into DIR/runs.jsonl.",
        "Tables and charts: 'nnrecover report DIR' afterwards (on any machine that has DIR)."})
final class ReproduceCommand implements Callable<Integer> {
  /** The experiments that are sweeps. */
  static final List<String> EXPERIMENTS = List.of("fig1a", "fig1b", "fig1c");

  @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "fig1a, fig1b or fig1c")
  String experiment;

  @Option(names = "--out", paramLabel = "DIR",
      description = "result directory (default: reproduce/EXPERIMENT, with -quick for --quick)")
  Path out;

  @Option(names = "--quick", description = "the reduced grid")
  boolean quick;

  @Option(names = "--resume", description = "keep the runs already in DIR, run the rest")
  boolean resume;

  @Mixin SparkOptions options;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    if (!EXPERIMENTS.contains(experiment)) {
      throw new IllegalArgumentException("unknown experiment '" + experiment + "': allowed are "
          + String.join(", ", EXPERIMENTS) + " (rho-table runs no sweep: 'nnrecover reproduce "
          + "rho-table')");
    }
    String name = experiment + (quick ? "-quick" : "");
    Path dir = out != null ? out : Path.of("reproduce", name);
    String text = sweepText(name);
    Sweep sweep;
    try (BlockExecutor unused = new BlockExecutor(1)) {
      sweep = SweepFile.parse(text, name + ".yaml", new Runner(options.registry(), unused));
    }
    PrintWriter printer = command.commandLine().getOut();
    AblateCommand.execute(sweep, null, dir, resume, options, printer);
    try {
      Files.writeString(dir.resolve(ResultStore.SWEEP_FILE), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(ResultStore.SWEEP_FILE) + ": "
          + e.getMessage(), e);
    }
    printer.println("tables and charts: nnrecover report " + dir);
    return 0;
  }

  /** The text of a shipped sweep file. */
  static String sweepText(String name) {
    return SweepFile.shipped(name);
  }

}
