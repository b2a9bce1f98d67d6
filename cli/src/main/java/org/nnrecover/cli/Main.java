package org.nnrecover.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.nnrecover.core.NnRecoverException;
import org.nnrecover.core.run.SpecLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code nnrecover} command. */
@Command(name = "nnrecover", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Recovers one-hidden-layer neural networks with guarantees "
        + "(Zhong, Song, Jain, Bartlett, Dhillon, ICML 2017).",
    subcommands = {CommandLine.HelpCommand.class, PluginsCommand.class, RunCommand.class,
      PropertiesCommand.class, LscCommand.class, AblateCommand.class, ReportCommand.class,
      ReproduceCommand.class, StoreCommand.class})
public final class Main implements Runnable {
  /** Exit code for bad input or a refused run. */
  public static final int USAGE = 2;
  /** Exit code for an internal failure. */
  public static final int FAILURE = 1;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  private DebugOption debug;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true"); // charts are drawn off screen
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line with the given output streams and returns the exit code. Every error
   * is one line on {@code err}: bad input (a malformed option, an invalid spec, an unreadable
   * file) exits with {@link #USAGE}, anything else with {@link #FAILURE}; stack traces only with
   * {@code --debug}.
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler((e, arguments) -> {
      if (debug) {
        e.printStackTrace(err);
      }
      err.println(UsageErrors.line(e));
      err.flush();
      return USAGE;
    });
    commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      if (debug) {
        e.printStackTrace(err);
      }
      err.println(errorLine(e, "nnrecover " + commandPath(cmd), debug));
      err.flush();
      return userError(e) ? USAGE : FAILURE;
    });
    int code;
    try {
      code = commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli rethrows errors; an estimate that was too low must still end in one line
      err.println(errorLine(e, "nnrecover", debug));
      code = USAGE; // the input was too large for the heap: the user's to change
    }
    out.flush();
    err.flush();
    return code;
  }

  /** Whether an exception stands for bad input (exit 2) rather than an internal failure. */
  static boolean userError(Throwable e) {
    return e instanceof IllegalArgumentException || e instanceof UncheckedIOException
        || e instanceof NnRecoverException;
  }

  /** The one line that reports an exception. */
  static String errorLine(Throwable e, String prefix, boolean debug) {
    if (e instanceof OutOfMemoryError) {
      return prefix + ": out of memory (Java heap limit "
          + SpecLimits.bytes(Runtime.getRuntime().maxMemory()) + "); reduce n, d or --threads, "
          + "or raise the limit (NNRECOVER_JAVA_OPTS=-Xmx8g for ./nnrecover, -Xmx for java -jar)";
    }
    String message = e.getMessage() == null || e.getMessage().isBlank()
        ? e.getClass().getSimpleName() : e.getMessage();
    return prefix + ": " + (userError(e) ? message : "internal error: " + e
        + (debug ? "" : " (run again with --debug for the stack trace)"));
  }

  /** "run", "store repair": the command's name below {@code nnrecover}. */
  static String commandPath(CommandLine cmd) {
    String path = cmd.getCommandName();
    for (CommandLine parent = cmd.getParent(); parent != null && parent.getParent() != null;
        parent = parent.getParent()) {
      path = parent.getCommandName() + " " + path;
    }
    return path;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
