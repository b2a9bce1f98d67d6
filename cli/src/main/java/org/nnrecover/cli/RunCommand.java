package org.nnrecover.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.io.TraceCsv;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.run.Metrics;
import org.nnrecover.core.run.Outcome;
import org.nnrecover.core.run.ResolvedSpec;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.run.RunSpec;
import org.nnrecover.core.run.Runner;
import org.nnrecover.core.run.SpecOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nnrecover run}: one spec, from data to recovered network. */
@Command(name = "run", mixinStandardHelpOptions = true, modelTransformer = SpecOptions.Every.class,
    description = "Run one recovery: make (or read) the data, initialize, optimize, measure. "
        + "Exit code 0 for a finished run (whatever its outcome), 2 for bad input or a refused "
        + "run, 1 when a plugin failed.")
final class RunCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Mixin FormatOption output;

  @Option(names = "--trace", paramLabel = "FILE.csv", converter = NonBlankPath.class,
      description = "write the per-iteration trace to this CSV file")
  Path traceFile;

  @Option(names = "--from-record", paramLabel = "FILE[:LINE]",
      description = "re-run the spec and seed of a stored run record (a 'run --format json' "
          + "output, or line LINE of a runs.jsonl) and check that the new record matches it bit "
          + "for bit, timing and provenance aside; exit code 0 when it does, 1 when it does not")
  String fromRecord;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    OutputFormat outputFormat = output.chosen();
    RecordCheck check = fromRecord == null ? null : RecordCheck.read(fromRecord);
    if (check != null) {
      refuseSpecOptions();
    }
    RunSpec spec = check != null ? check.spec() : SpecOptions.toSpec(command.commandLine());
    RunRecord record;
    try (BlockExecutor executor = common.executor()) {
      Runner runner = new Runner(common.registry(), executor);
      ResolvedSpec resolved = runner.resolve(spec);
      // a record's spec may carry a sweep's settings for plugins its cell does not use
      if (check == null) {
        runner.refuseUnusedSettings(resolved);
      }
      record = runner.run(resolved);
    }
    if (traceFile != null) {
      TraceCsv.write(traceFile, record.trace());
    }
    PrintWriter out = command.commandLine().getOut();
    if (check != null) {
      return report(check, record, out);
    }
    if (outputFormat == OutputFormat.JSON) {
      out.println(Json.pretty(record));
    } else {
      printText(out, record);
    }
    if (record.outcome() == Outcome.REFUSED) {
      command.commandLine().getErr().println("nnrecover run: refused by " + record.failedPlugin()
          + ": " + record.message());
      return Main.USAGE;
    }
    return record.outcome() == Outcome.FAILED ? Main.FAILURE : 0;
  }

  /** With --from-record the spec is the record's: a spec option as well would be ignored. */
  private void refuseSpecOptions() {
    CommandLine.ParseResult parsed = command.commandLine().getParseResult();
    for (CommandLine.Model.OptionSpec option : command.mixins().get(SpecOptions.MIXIN).options()) {
      if (parsed.hasMatchedOption(option)) {
        throw new IllegalArgumentException("--from-record takes the spec and seed from the record;"
            + " " + option.longestName() + " would be ignored: give one or the other");
      }
    }
  }

  /** Says whether the re-run matched the stored record; exit code 0 if so, 1 if not. */
  private static int report(RecordCheck check, RunRecord record, PrintWriter out) {
    List<String> differences = check.differences(record);
    if (differences.isEmpty()) {
      out.printf(Locale.ROOT, "reproduced %s: the new record matches the stored one bit for bit "
          + "(timing and provenance aside): outcome %s, %d iterations, final unitError %s%n",
          check.where(), record.outcome(), record.iterations(), record.finalMetrics() == null
              ? "-" : TextTable.number(record.finalMetrics().unitError()));
      return 0;
    }
    out.println("NOT reproduced " + check.where() + ": " + differences.size()
        + " fields differ (timing and provenance aside):");
    differences.forEach(difference -> out.println("  " + difference));
    return Main.FAILURE;
  }

  private static void printText(PrintWriter out, RunRecord r) {
    RunSpec s = r.spec();
    out.printf(Locale.ROOT, "%s / %s / %s   d=%d k=%d n=%d %s seed=%d%n",
        s.activation(), s.initializer(), s.optimizer(), r.d(), s.k(), r.n(),
        s.dataFile() == null ? "kappa=" + TextTable.number(s.kappa()) + " teacher=" + s.teacher()
            : "data=" + s.dataFile() + (s.truthFile() == null ? "" : " truth=" + s.truthFile()),
        s.seed());
    TextTable table = new TextTable("", "unitError", "frobError", "signs ok", "success",
        "objective", "rel.objective", "seconds");
    addRow(table, "init", r.init());
    addRow(table, "final", r.finalMetrics());
    if (r.best() != null && r.best().objective() < r.finalMetrics().objective()) {
      addRow(table, "best", r.best()); // an earlier iterate was better than the last one
    }
    table.print(out);
    if (Boolean.TRUE.equals(r.worsened())) {
      out.println("worsened: the final objective is above the initial one (row best: the best "
          + "point the optimizer reached)");
    }
    out.printf(Locale.ROOT, "outcome: %s%s after %d iterations (%d evaluations), %.2f s%n",
        r.outcome(), r.stopReason() == null ? "" : " (" + r.stopReason() + ")", r.iterations(),
        r.evaluations(), r.seconds());
    if (r.message() != null) {
      out.println("message: " + r.message());
    }
  }

  private static void addRow(TextTable table, String label, Metrics m) {
    if (m == null) {
      table.add(label, "-", "-", "-", "-", "-", "-", "-");
      return;
    }
    table.add(label, TextTable.number(m.unitError()), TextTable.number(m.frobError()),
        m.signsCorrect() == null ? "-" : m.signsCorrect().toString(),
        m.success() == null ? "-" : m.success().toString(), TextTable.number(m.objective()),
        TextTable.number(m.relativeObjective()), String.format(Locale.ROOT, "%.2f", m.seconds()));
  }
}
