package org.nnrecover.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nnrecover.core.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nnrecover store}: maintenance of result stores. */
@Command(name = "store", mixinStandardHelpOptions = true,
    description = "Maintain a result store (a directory written by 'nnrecover ablate').",
    subcommands = StoreCommand.Repair.class)
final class StoreCommand implements Runnable {
  @Spec CommandSpec command;

  @Override
  public void run() {
    throw new IllegalArgumentException("give a subcommand: repair; see 'nnrecover store --help'");
  }

  /** {@code nnrecover store repair DIR}. */
  @Command(name = "repair", mixinStandardHelpOptions = true,
      description = "Move every line of DIR/runs.jsonl that is not a run record (garbage, a torn "
          + "line) to DIR/" + ResultStore.UNREADABLE_FILE + " (appended; nothing is deleted) "
          + "and keep the others in order, so that report and --resume work again.")
  static final class Repair implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", converter = NonBlankPath.class,
        description = "the result directory holding runs.jsonl")
    Path dir;

    @Mixin DebugOption debug;

    @Spec CommandSpec command;

    @Override
    public Integer call() {
      List<Integer> moved = ResultStore.repairLines(dir);
      PrintWriter out = command.commandLine().getOut();
      if (moved.isEmpty()) {
        out.println(dir.resolve(ResultStore.RUNS_FILE) + ": every line is a run record; "
            + "nothing to repair");
      } else {
        out.println(dir.resolve(ResultStore.RUNS_FILE) + ": moved " + moved.size()
            + (moved.size() == 1 ? " unreadable line" : " unreadable lines") + " (line"
            + (moved.size() == 1 ? " " : "s ") + summarize(moved) + ") to "
            + dir.resolve(ResultStore.UNREADABLE_FILE));
      }
      return 0;
    }

    private static String summarize(List<Integer> lines) {
      List<String> shown = lines.stream().limit(10).map(String::valueOf).toList();
      return String.join(", ", shown) + (lines.size() > 10 ? ", ..." : "");
    }
  }
}
