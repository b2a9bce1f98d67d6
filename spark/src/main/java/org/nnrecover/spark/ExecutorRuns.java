package org.nnrecover.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.nnrecover.core.ablation.AblationRunner;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.ResolvedSpec;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.run.RunSpec;
import org.nnrecover.core.run.Runner;
import org.nnrecover.core.store.ResultStore;
import org.nnrecover.core.sweep.SweepRun;

/**
 * The executor side of a distributed sweep: one {@link SweepTask} in, one result-store line out,
 * made by the same code as a local {@code ablate} (a {@link Runner} over a single-thread
 * {@link BlockExecutor}, {@link AblationRunner#runOne}, {@link ResultStore#line}), so the line is
 * the local one byte for byte, timing fields aside.
 *
 * <p>Never throws for a run that goes wrong: a spec that does not resolve here (a plugin jar that
 * did not load on this executor) becomes a {@code failed} record saying why, so one bad jar or
 * machine costs its runs, never the job.
 */
final class ExecutorRuns {
  /** Registries per executor JVM: plugin jars are loaded once, not once per run. */
  private static final Map<RegistryKey, LoadedPlugins> REGISTRIES = new ConcurrentHashMap<>();

  private ExecutorRuns() {}

  /** The class loader and the local copies of the shipped plugin jars a registry was made from. */
  private record RegistryKey(ClassLoader loader, List<String> jars) {}

  /** A registry and what could not be loaded into it on this executor (null when nothing). */
  private record LoadedPlugins(PluginRegistry registry, String problems) {}

  /**
   * Carries out one run.
   *
   * @param task the run
   * @param pluginFiles the file names of the plugin jars the driver shipped with
   *     {@code SparkContext.addFile}
   * @return the line to append to the result store
   */
  static String execute(SweepTask task, List<String> pluginFiles) {
    long start = System.nanoTime();
    RunSpec spec = parse(task.spec());
    LoadedPlugins plugins = plugins(pluginFiles);
    RunRecord record;
    try (BlockExecutor executor = new BlockExecutor(1)) {
      Runner runner = new Runner(plugins.registry(), executor);
      ResolvedSpec resolved = null;
      String refusal = null;
      try {
        resolved = runner.resolve(spec);
      } catch (RuntimeException e) {
        refusal = e.getMessage();
      }
      record = resolved != null
          ? AblationRunner.runOne(runner, new SweepRun(resolved, task.coordinates(), task.cell()))
          : AblationRunner.failedRecord(spec, Map.of(), "run failed on executor "
              + SparkEnv.get().executorId() + ": " + refusal
              + (plugins.problems() == null ? "" : " (plugin jars that did not load there: "
                  + plugins.problems() + ")"), (System.nanoTime() - start) * 1e-9);
    }
    return ResultStore.line(record, task.sweep(), task.coordinates(), task.cell());
  }

  private static RunSpec parse(String spec) {
    try {
      return Json.mapper().readValue(spec, RunSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the driver sent a spec that is not JSON: " + spec, e);
    }
  }

  /**
   * The registry of this executor: the built-in plugins (and jars given to spark-submit with
   * {@code --jars}, which are on the task's class path), then the shipped plugin jars, each loaded
   * as a local {@code ablate} loads the jars of {@code --plugins}.
   */
  private static LoadedPlugins plugins(List<String> pluginFiles) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    List<String> jars = new ArrayList<>();
    for (String name : pluginFiles) {
      jars.add(SparkFiles.get(name));
    }
    return REGISTRIES.computeIfAbsent(new RegistryKey(loader, List.copyOf(jars)), key -> {
      try {
        PluginRegistry registry = PluginRegistry.discover(loader,
            key.jars().stream().map(Path::of).toList());
        String problems = registry.skipped().isEmpty() ? null
            : registry.skipped().stream().map(Object::toString).collect(Collectors.joining("; "));
        return new LoadedPlugins(registry, problems);
      } catch (RuntimeException e) {
        return new LoadedPlugins(PluginRegistry.discover(loader), e.getMessage());
      }
    });
  }
}
