package org.nnrecover.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.nnrecover.core.ablation.AblationRunner;
import org.nnrecover.core.ablation.AblationSummary;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.RunSpec;
import org.nnrecover.core.run.Runner;
import org.nnrecover.core.run.SpecLimits;
import org.nnrecover.core.store.ResultStore;
import org.nnrecover.core.sweep.Sweep;
import org.nnrecover.core.sweep.SweepFile;
import org.nnrecover.core.sweep.SweepRun;
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
  @Parameters(index = "0", paramLabel = "SWEEP.yaml", converter = NonBlankPath.class,
      description = "the sweep file")
  Path sweepFile;

  @Option(names = "--out", required = true, paramLabel = "DIR", converter = NonBlankPath.class,
      description = "result directory: runs.jsonl and a copy of the sweep file as sweep.yaml")
  Path out;

  @Option(names = "--resume",
      description = "keep the runs already in DIR/runs.jsonl (matched by spec), repair a torn "
          + "last line, run the rest; refused when the sweep file differs from DIR/sweep.yaml")
  boolean resume;

  @Option(names = "--extend",
      description = "resume with an edited sweep file: run its new cells into DIR, keeping the "
          + "earlier sweep file as DIR/sweep.N.yaml (implies --resume)")
  boolean extend;

  @Option(names = "--max-runs", paramLabel = "N", defaultValue = "" + SpecLimits.DEFAULT_MAX_RUNS,
      description = "refuse a sweep whose grid has more runs than this, counted before it is "
          + "expanded (default: ${DEFAULT-VALUE})")
  long maxRuns;

  @Mixin CommonOptions common;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    int threads = common.threads();
    if (maxRuns < 1) {
      throw new IllegalArgumentException("--max-runs must be >= 1, got " + maxRuns);
    }
    PluginRegistry registry = common.registry();
    String text = SweepFile.text(sweepFile);
    Sweep sweep;
    try (BlockExecutor unused = new BlockExecutor(1)) {
      sweep = SweepFile.parse(text, sweepFile.getFileName().toString(),
          new Runner(registry, unused), maxRuns);
    }
    execute(sweep, text, this.out, resume || extend, extend, registry, threads,
        "nnrecover ablate " + Shell.quote(sweepFile.toString()) + " --out "
            + Shell.quote(this.out.toString()) + " --resume" + (extend ? " --extend" : ""),
        out, command.commandLine().getErr());
    return 0;
  }

  /**
   * Runs a loaded sweep into a result store and prints progress and a summary line.
   *
   * @param text the sweep file's text, kept as DIR/sweep.yaml
   * @param extend whether a store made from another sweep file may take this one's runs
   * @param resumeCommand the command that resumes this sweep, printed when it is interrupted
   */
  static AblationSummary execute(Sweep sweep, String text, Path dir, boolean resume,
      boolean extend, PluginRegistry registry, int threads, String resumeCommand,
      PrintWriter out, PrintWriter err) {
    checkMemory(sweep, threads);
    if (resume) {
      SweepFile.requireStoredSweep(dir, text, extend);
    }
    AblationRunner ablation = new AblationRunner(registry, threads);
    try (ResultStore store = ResultStore.open(dir, resume)) {
      store.repair().ifPresent(out::println);
      store.recordSweepText(text).ifPresent(kept -> out.println("the earlier sweep file is kept "
          + "as " + dir.resolve(kept)));
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
      // Ctrl-C or SIGTERM: every finished run is already on disk; say so and how to go on
      Thread interrupted = new Thread(() -> {
        err.println("interrupted: " + store.recordedCount() + " of " + sweep.runs().size()
            + " runs are recorded in " + dir.resolve(ResultStore.RUNS_FILE) + "; resume with: "
            + resumeCommand);
        err.flush();
      });
      Runtime.getRuntime().addShutdownHook(interrupted);
      AblationSummary summary;
      try (ProgressDisplay display = ProgressDisplay.forTerminal(sweep.name(), remaining,
          varyingKeys(sweep), out)) {
        summary = ablation.run(sweep, store, display);
      } finally {
        removeHook(interrupted);
      }
      out.println(summaryLine(summary));
      return summary;
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already exiting: the hook runs and reports
    }
  }

  /** Refuses a sweep whose largest runs, on every thread at once, would exceed the heap. */
  private static void checkMemory(Sweep sweep, int threads) {
    SweepRun largest = null;
    for (SweepRun run : sweep.runs()) {
      RunSpec s = run.spec();
      if (largest == null || SpecLimits.estimateBytes(s.d(), s.k(), s.n())
          > SpecLimits.estimateBytes(largest.spec().d(), largest.spec().k(),
              largest.spec().n())) {
        largest = run;
      }
    }
    if (largest != null && largest.spec().dataFile() == null) {
      RunSpec s = largest.spec();
      SpecLimits.checkMemory(s.d(), s.k(), s.n(), Math.min(threads, sweep.runs().size()));
    }
  }

  /** The coordinate keys whose values differ between cells: what a progress line shows. */
  static Set<String> varyingKeys(Sweep sweep) {
    Map<String, Set<String>> values = new LinkedHashMap<>();
    for (SweepRun run : sweep.runs()) {
      run.coordinates().forEach((key, value) ->
          values.computeIfAbsent(key, k -> new HashSet<>()).add(value));
    }
    Set<String> varying = new LinkedHashSet<>();
    values.forEach((key, seen) -> {
      if (seen.size() > 1) {
        varying.add(key);
      }
    });
    return varying;
  }

  /** One line: runs done, by outcome, failures, skipped, wall time. */
  static String summaryLine(AblationSummary summary) {
    StringJoiner outcomes = new StringJoiner(", ");
    summary.byOutcome().forEach((outcome, count) -> outcomes.add(count + " " + outcome));
    return String.format(Locale.ROOT, "done: %s in %s%s%s%s", count(summary.runs(), "run"),
        ProgressDisplay.duration(summary.seconds()),
        summary.runs() == 0 ? "" : " (" + outcomes + ")",
        summary.failures() == 0 ? "" : "; " + summary.failures() + " failed or refused",
        summary.skipped() == 0 ? "" : "; " + summary.skipped() + " already recorded, skipped");
  }

  /** "1 run", "3 runs". */
  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
