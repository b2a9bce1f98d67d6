package org.nnrecover.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginJars;
import org.nnrecover.core.plugin.PluginRegistry;
import picocli.CommandLine.Option;

/** Options every command shares: threads, debugging, plugin folders. */
final class CommonOptions {
  /** Environment variable naming plugin folders, separated like a class path. */
  static final String PLUGINS_ENV = "NNRECOVER_PLUGINS";

  @Option(names = "--threads", paramLabel = "T",
      description = "worker threads (default: all processors); results do not depend on it")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--debug", description = "print stack traces of errors")
  boolean debug;

  @Option(names = "--plugins", paramLabel = "DIR",
      description = "a folder of plugin jars (or one jar) to load besides the built-in plugins "
          + "(repeatable; also read from the environment variable " + PLUGINS_ENV + ", a path "
          + "list)")
  List<Path> pluginPaths = new ArrayList<>();

  private PluginRegistry registry;

  /** The plugin registry: built-in plugins and those of the plugin folders; made once. */
  PluginRegistry registry() {
    if (registry == null) {
      registry = PluginRegistry.discover(CommonOptions.class.getClassLoader(),
          pluginPaths(System.getenv(PLUGINS_ENV)));
    }
    return registry;
  }

  /** The folders of {@code NNRECOVER_PLUGINS} (given as {@code environment}), then --plugins. */
  List<Path> pluginPaths(String environment) {
    List<Path> paths = PluginJars.pathList(environment);
    paths.addAll(pluginPaths);
    return paths;
  }

  /** A worker pool of the requested size. */
  BlockExecutor executor() {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    return new BlockExecutor(threads);
  }
}
