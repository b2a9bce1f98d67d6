package org.nnrecover.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The one line that answers a malformed command line (a bad option value, a missing or unknown
 * option): picocli's message, the allowed form of the option concerned, and where the full usage
 * is, instead of the 30-line usage after every typo.
 */
final class UsageErrors {
  private UsageErrors() {}

  /** {@code nnrecover CMD: MESSAGE; FORM: DESCRIPTION; see 'nnrecover CMD --help'}. */
  static String line(CommandLine.ParameterException e) {
    CommandLine cmd = e.getCommandLine();
    String name = cmd.getParent() == null ? "" : " " + Main.commandPath(cmd);
    StringBuilder line = new StringBuilder("nnrecover" + name + ": ");
    line.append(firstLine(e.getMessage()));
    List<ArgSpec> concerned = new ArrayList<>();
    if (e instanceof CommandLine.MissingParameterException missing) {
      concerned.addAll(missing.getMissing());
    } else if (e.getArgSpec() != null) {
      concerned.add(e.getArgSpec());
    }
    for (ArgSpec arg : concerned) {
      line.append("; ").append(form(arg));
    }
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      line.append("; did you mean ").append(String.join(" or ",
          unmatched.getSuggestions().stream().limit(3).toList())).append('?');
    }
    return line.append("; see 'nnrecover").append(name).append(" --help'").toString();
  }

  /** "-d=D: input dimension (...)", "SWEEP.yaml: the sweep file". */
  private static String form(ArgSpec arg) {
    String description = arg.description().length == 0 ? ""
        : ": " + arg.description()[0].replace("${DEFAULT-VALUE}", String.valueOf(
            arg.defaultValue()));
    if (arg instanceof OptionSpec option) {
      String label = option.arity().max() == 0 ? "" : "=" + option.paramLabel();
      return option.longestName() + label + description;
    }
    return ((PositionalParamSpec) arg).paramLabel() + description;
  }

  private static String firstLine(String message) {
    String first = message == null ? "bad command line" : message.lines().findFirst().orElse("");
    return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
  }
}
