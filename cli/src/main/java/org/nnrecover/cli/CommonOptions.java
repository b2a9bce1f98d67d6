package org.nnrecover.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginJars;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.SpecLimits;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** Options every command shares: threads, debugging, plugin folders. */
final class CommonOptions {
  /** Environment variable naming plugin folders, separated like a class path. */
  static final String PLUGINS_ENV = "NNRECOVER_PLUGINS";

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  private int threads = Runtime.getRuntime().availableProcessors();

  /** Checked as the option is parsed, so that every command refuses a bad count at once. */
  @Option(names = "--threads", paramLabel = "T",
      description = "worker threads (default: all processors, at most "
          + SpecLimits.MAX_THREADS + "); results do not depend on it")
  void setThreads(int threads) {
    try {
      this.threads = SpecLimits.checkThreads("--threads", threads);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), e.getMessage(), e, null,
          String.valueOf(threads));
    }
  }

  @Mixin DebugOption debug;

  @Option(names = "--plugins", paramLabel = "DIR", converter = NonBlankPath.class,
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

  /** The requested thread count, within 1..{@link SpecLimits#MAX_THREADS}. */
  int threads() {
    return threads;
  }

  /** A worker pool of the requested size. */
  BlockExecutor executor() {
    return new BlockExecutor(threads());
  }
}
