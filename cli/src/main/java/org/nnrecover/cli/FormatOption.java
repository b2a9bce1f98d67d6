package org.nnrecover.cli;

import picocli.CommandLine.Option;

/** The --format option of the commands that print results. */
final class FormatOption {
  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text or json (default: ${DEFAULT-VALUE})")
  String format;

  /** The format asked for. */
  OutputFormat chosen() {
    return OutputFormat.parse(format);
  }
}
