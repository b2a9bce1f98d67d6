package org.nnrecover.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nnrecover.core.run.RunSpec;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** The options that make a run spec: problem, plugins, parameters, seed. */
final class SpecOptions {
  // required unless the spec comes from --from-record: checked in toSpec
  @Option(names = "--activation", paramLabel = "A",
      description = "activation plugin, e.g. squared-relu (required)")
  String activation;

  @Option(names = "--initializer", defaultValue = "tensor", paramLabel = "I",
      description = "initializer plugin (default: ${DEFAULT-VALUE})")
  String initializer;

  @Option(names = "--optimizer", defaultValue = "gd", paramLabel = "O",
      description = "optimizer plugin (default: ${DEFAULT-VALUE})")
  String optimizer;

  @Option(names = "-d", paramLabel = "D", defaultValue = "0",
      description = "input dimension (required, except with --data: then it is the file's, "
          + "and -d only checks it)")
  int d;

  @Option(names = "-k", paramLabel = "K", description = "hidden units (required)")
  Integer k;

  @Option(names = "-n", paramLabel = "N", defaultValue = "0",
      description = "number of samples (required, except with --data: then every row of the "
          + "file is used, and -n is refused)")
  int n;

  @Option(names = "--kappa", defaultValue = "2", paramLabel = "KAPPA",
      description = "condition number of the teacher W* (default: ${DEFAULT-VALUE})")
  double kappa;

  @Option(names = "--noise", defaultValue = "0", paramLabel = "SIGMA",
      description = "standard deviation of Gaussian label noise (default: ${DEFAULT-VALUE})")
  double noise;

  @Option(names = "--teacher", defaultValue = "random", paramLabel = "KIND",
      description = "ground truth: random, orthogonal or identity (default: ${DEFAULT-VALUE})")
  String teacher;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
      description = "master seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--set", paramLabel = "PLUGIN.PARAM=VALUE",
      description = "a plugin parameter or run option, e.g. gd.step=0.05 or run.train-v=true "
          + "(repeatable)")
  List<String> settings = new ArrayList<>();

  @Option(names = "--data", paramLabel = "FILE",
      description = "read samples from a CSV (x1..xd, y) or .npy (float64, n x (d+1)) file")
  String dataFile;

  @Option(names = "--truth", paramLabel = "FILE",
      description = "ground truth for --data: JSON with W (d rows of k numbers) and v")
  String truthFile;

  /**
   * The spec these options describe.
   *
   * @throws CommandLine.MissingParameterException when --activation or -k is missing
   */
  RunSpec toSpec(CommandLine commandLine) {
    List<ArgSpec> missing = new ArrayList<>();
    if (activation == null) {
      missing.add(commandLine.getCommandSpec().findOption("--activation"));
    }
    if (k == null) {
      missing.add(commandLine.getCommandSpec().findOption("-k"));
    }
    if (!missing.isEmpty()) {
      throw new CommandLine.MissingParameterException(commandLine, missing,
          "Missing required option" + (missing.size() > 1 ? "s: " : ": ") + String.join(", ",
              missing.stream().map(a -> "'" + ((OptionSpec) a).longestName() + "="
                  + a.paramLabel() + "'").toList()));
    }
    // ranges are checked where every front end checks them: Runner.resolve, via SpecLimits
    return new RunSpec(activation, initializer, optimizer, d, k, n, kappa, noise, teacher, seed,
        parseSettings(settings), dataFile, truthFile);
  }

  /** Parses {@code plugin.param=value} items into plugin -> param -> value. */
  static Map<String, Map<String, String>> parseSettings(List<String> items) {
    Map<String, Map<String, String>> settings = new TreeMap<>();
    for (String item : items) {
      int eq = item.indexOf('=');
      int dot = item.indexOf('.');
      if (eq < 0 || dot < 1 || dot > eq - 2 || eq == item.length() - 1) {
        throw new IllegalArgumentException("malformed --set '" + item
            + "': expected PLUGIN.PARAMETER=VALUE, e.g. gd.step=0.05");
      }
      settings.computeIfAbsent(item.substring(0, dot), key -> new TreeMap<>())
          .put(item.substring(dot + 1, eq), item.substring(eq + 1));
    }
    return settings;
  }
}
