package org.nnrecover.cli;

import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import picocli.CommandLine.Option;

/** Options every command shares: threads, debugging. */
final class CommonOptions {
  @Option(names = "--threads", paramLabel = "T",
      description = "worker threads (default: all processors); results do not depend on it")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--debug", description = "print stack traces of errors")
  boolean debug;

  /** The plugin registry. */
  PluginRegistry registry() {
    return PluginRegistry.discover(CommonOptions.class.getClassLoader());
  }

  /** A worker pool of the requested size. */
  BlockExecutor executor() {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    return new BlockExecutor(threads);
  }
}
