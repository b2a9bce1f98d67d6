package org.nnrecover.spark;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.nnrecover.core.NnRecoverException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code nnrecover-spark}: the sweeps of {@code nnrecover} on an Apache Spark
 * cluster ({@code spark-submit --class org.nnrecover.spark.Main nnrecover-spark.jar ...}).
 */
@Command(name = "nnrecover-spark", mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "nnrecover's sweeps on Apache Spark: one task per run, the same result store "
        + "and the same records as 'nnrecover ablate'.",
    subcommands = {CommandLine.HelpCommand.class, AblateCommand.class, ReproduceCommand.class,
      RunCommand.class})
public final class Main implements Runnable {
  /** Exit code for bad input. */
  public static final int USAGE = 2;
  /** Exit code for an internal failure or a failed Spark job. */
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
    commandLine.setParameterExceptionHandler((e, arguments) -> {
      // one line instead of picocli's message and the whole usage
      String command = e.getCommandLine().getParent() == null ? ""
          : " " + e.getCommandLine().getCommandName();
      err.println("nnrecover-spark" + command + ": " + String.valueOf(e.getMessage()).lines()
          .findFirst().orElse("bad command line") + "; see 'nnrecover-spark" + command
          + " --help'");
      err.flush();
      return USAGE;
    });
    commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      if (debug) {
        e.printStackTrace(err);
      }
      boolean userError = e instanceof IllegalArgumentException
          || e instanceof UncheckedIOException || e instanceof NnRecoverException;
      err.println("nnrecover-spark " + cmd.getCommandName() + ": "
          + (userError ? e.getMessage() : "failed: " + firstLine(e)));
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

  /** A Spark job failure's message runs over many lines (the executor's stack trace). */
  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    return e.getClass().getSimpleName() + ": " + message.lines().findFirst().orElse("");
  }

  /** The jar's version and the plugin API version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"nnrecover-spark " + (version == null ? "dev" : version)
          + " (plugin API " + org.nnrecover.api.ApiVersion.CURRENT + ")"};
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
