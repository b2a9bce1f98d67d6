package org.nnrecover.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.nnrecover.core.NnRecoverException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code nnrecover} command. */
@Command(name = "nnrecover", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Recovers one-hidden-layer neural networks with guarantees "
        + "(Zhong, Song, Jain, Bartlett, Dhillon, ICML 2017).",
    subcommands = {CommandLine.HelpCommand.class, PluginsCommand.class, RunCommand.class,
      PropertiesCommand.class, LscCommand.class, AblateCommand.class})
public final class Main implements Runnable {
  /** Exit code for bad input or a refused run. */
  public static final int USAGE = 2;
  /** Exit code for an internal failure. */
  public static final int FAILURE = 1;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      if (debug) {
        e.printStackTrace(err);
      }
      boolean userError = e instanceof IllegalArgumentException
          || e instanceof UncheckedIOException || e instanceof NnRecoverException;
      err.println("nnrecover " + cmd.getCommandName() + ": "
          + (userError ? e.getMessage() : "internal error: " + e));
      if (!debug) {
        err.println("(run again with --debug for the stack trace)");
      }
      err.flush();
      return userError ? USAGE : FAILURE;
    });
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
