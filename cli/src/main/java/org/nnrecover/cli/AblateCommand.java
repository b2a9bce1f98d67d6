package org.nnrecover.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.nnrecover.core.ablation.AblationRunner;
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

/** {@code nnrecover ablate}: every run of a sweep file, in parallel, into a result store. */
@Command(name = "ablate", mixinStandardHelpOptions = true,
    description = {"Run a sweep: the outer product of the sweep file's axes times its seeds, "
        + "validated as a whole before the first run, executed in parallel (largest runs first), "
        + "each finished run appended to DIR/runs.jsonl and synced to disk.",
        "Exit code 0 when every run was recorded (whatever their outcomes), 2 for an invalid "
            + "sweep or an output directory that already holds results without --resume."})
final class AblateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "the sweep file")
  Path sweepFile;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "result directory: runs.jsonl and a copy of the sweep file as sweep.yaml")
  Path out;

  @Option(names = "--resume",
      description = "keep the runs already in DIR/runs.jsonl (matched by spec), repair a torn "
          + "last line, run the rest")
  boolean resume;

  @Mixin CommonOptions common;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    PluginRegistry registry = common.registry();
    Sweep sweep;
    try (BlockExecutor unused = new BlockExecutor(1)) {
      sweep = SweepFile.load(sweepFile, new Runner(registry, unused));
    }
    execute(sweep, sweepFile, this.out, resume, registry, threads(), out);
    return 0;
  }

  /**
   * Runs a loaded sweep into a result store and prints progress and a summary line.
   *
   * @param sweepFile the file to copy into the store as sweep.yaml (null: the caller writes it)
   */
  static AblationSummary execute(Sweep sweep, Path sweepFile, Path dir, boolean resume,
      PluginRegistry registry, int threads, PrintWriter out) {
    AblationRunner ablation = new AblationRunner(registry, threads);
    try (ResultStore store = ResultStore.open(dir, resume)) {
      store.repair().ifPresent(out::println);
      if (sweepFile != null) {
        store.copySweepFile(sweepFile);
      }
      int remaining = (int) sweep.runs().stream().filter(run -> !store.contains(run.spec()))
          .count();
      out.printf(Locale.ROOT, "sweep %s: %s (%s x %s)%s on %s -> %s%n",
          sweep.name(), count(sweep.runs().size(), "run"), count(sweep.cells(), "cell"),
          count(sweep.seeds().size(), "seed"),
          remaining < sweep.runs().size()
              ? ", " + (sweep.runs().size() - remaining) + " already recorded, " + remaining
                  + " to run,"
              : "",
          count(Math.min(threads, Math.max(1, remaining)), "thread"),
          dir.resolve(ResultStore.RUNS_FILE));
      out.flush();
      AblationSummary summary;
      try (ProgressDisplay display = ProgressDisplay.forTerminal(sweep.name(), remaining, out)) {
        summary = ablation.run(sweep, store, display);
      }
      out.println(summaryLine(summary));
      return summary;
    }
  }

  private int threads() {
    if (common.threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + common.threads);
    }
    return common.threads;
  }

  /** One line: runs done, by outcome, failures, skipped, wall time. */
  static String summaryLine(AblationSummary summary) {
    StringJoiner outcomes = new StringJoiner(", ");
    summary.byOutcome().forEach((outcome, count) -> outcomes.add(count + " " + outcome));
    return String.format(Locale.ROOT, "done: %s in %s%s%s%s", count(summary.runs(), "run"),
        ProgressDisplay.duration(summary.seconds()),
        summary.runs() == 0 ? "" : " (" + outcomes + ")",
        summary.failures() == 0 ? "" : "; " + summary.failures() + " failed, refused or diverged",
        summary.skipped() == 0 ? "" : "; " + summary.skipped() + " already recorded, skipped");
  }

  /** "1 run", "3 runs". */
  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
