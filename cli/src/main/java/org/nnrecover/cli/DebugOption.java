package org.nnrecover.cli;

import picocli.CommandLine.Option;

/**
 * The --debug option, accepted by every command ({@link Main} reads it from the arguments before
 * parsing, so that even a parse error can show its stack trace).
 */
final class DebugOption {
  @Option(names = "--debug", description = "print stack traces of errors")
  boolean debug;
}
