package org.nnrecover.core.run;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that determines a run's numbers: the problem, the plugins, their parameters and the
 * seed. Two runs with equal specs give bit-identical records (timings aside).
 *
 * @param activation activation plugin name
 * @param initializer initializer plugin name
 * @param optimizer optimizer plugin name
 * @param d input dimension
 * @param k hidden units
 * @param n samples
 * @param kappa condition number of the teacher
 * @param noise standard deviation of the label noise
 * @param teacher teacher kind ({@code random}, {@code orthogonal}, {@code identity})
 * @param seed master seed
 * @param settings parameter values as text, keyed by plugin name (or {@link RunOptions#NAMESPACE})
 *     then parameter name; sorted, immutable
 * @param dataFile samples file to read instead of generating (null to generate)
 * @param truthFile ground-truth file for runs on file data (null when unknown)
 */
public record RunSpec(String activation, String initializer, String optimizer, int d, int k,
    int n, double kappa, double noise, String teacher, long seed,
    Map<String, Map<String, String>> settings, String dataFile, String truthFile) {

  /** Copies the settings into sorted immutable maps (none when null: a record that omits them). */
  public RunSpec {
    Map<String, Map<String, String>> copy = new TreeMap<>();
    if (settings != null) {
      settings.forEach((plugin, values) ->
          copy.put(plugin, Collections.unmodifiableMap(new TreeMap<>(values))));
    }
    settings = Collections.unmodifiableMap(copy);
  }

  /** The text values given for one plugin (empty when none). */
  public Map<String, String> settingsFor(String plugin) {
    return settings.getOrDefault(plugin, Map.of());
  }

  /** A copy with one setting changed. */
  public RunSpec withSetting(String plugin, String parameter, String value) {
    Map<String, Map<String, String>> copy = new TreeMap<>();
    settings.forEach((name, values) -> copy.put(name, new TreeMap<>(values)));
    copy.computeIfAbsent(plugin, name -> new TreeMap<>()).put(parameter, value);
    return new RunSpec(activation, initializer, optimizer, d, k, n, kappa, noise, teacher, seed,
        copy, dataFile, truthFile);
  }
}
