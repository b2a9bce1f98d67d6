package org.nnrecover.spark.distributed;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.ResolvedSpec;
import org.nnrecover.core.run.RunSpec;
import org.nnrecover.core.run.Runner;

/**
 * The run's activation on an executor, made as the driver makes it (the spec resolved against the
 * built-in plugins and the shipped plugin jars), once per executor JVM and run: plugin instances
 * are not serializable, so they travel as the spec's text.
 */
final class ExecutorActivations {
  private static final Map<Key, Activation> CACHE = new ConcurrentHashMap<>();

  private ExecutorActivations() {}

  private record Key(ClassLoader loader, String spec, List<String> pluginFiles) {}

  /**
   * @param spec the run spec as JSON
   * @param pluginFiles the file names of the plugin jars the driver shipped
   * @throws IllegalStateException when the spec does not resolve on this executor
   */
  static Activation of(String spec, List<String> pluginFiles) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return CACHE.computeIfAbsent(new Key(loader, spec, List.copyOf(pluginFiles)), key -> {
      PluginRegistry registry = PluginRegistry.discover(loader,
          key.pluginFiles().stream().map(name -> Path.of(SparkFiles.get(name))).toList());
      ResolvedSpec resolved;
      try (BlockExecutor unused = new BlockExecutor(1)) {
        resolved = new Runner(registry, unused).resolve(
            Json.mapper().readValue(key.spec(), RunSpec.class));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the driver sent a spec that is not JSON: " + key.spec(),
            e);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("the run's spec does not resolve on this executor ("
            + e.getMessage() + "); plugin jars that did not load here: " + registry.skipped(), e);
      }
      return ((ActivationProvider) resolved.activation().provider())
          .create(resolved.paramsOf(resolved.activation().name()));
    });
  }
}
