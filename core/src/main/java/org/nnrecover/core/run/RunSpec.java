package org.nnrecover.core.run;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.nnrecover.core.run.SpecField.Required;
import org.nnrecover.core.run.SpecField.Type;

/**
 * Everything that determines a run's numbers: the problem, the plugins, their parameters and the
 * seed. Two runs with equal specs give bit-identical records (timings aside).
 *
 * <p>This record is the run spec's schema: each field's {@link SpecField} declares how users write
 * it, its default and range, and {@link SpecSchema} binds command lines, sweep files and records to
 * it. A new field is one annotated component here.
 *
 * @param settings parameter values as text, keyed by plugin name (or a namespace of the core,
 *     {@code run} or {@code stop}) then parameter name; sorted, immutable; kept as the user wrote
 *     them (aliases are resolved by {@link Runner#resolve})
 */
@JsonDeserialize(using = SpecSchema.JsonReader.class)
public record RunSpec(
    @SpecField(options = "--activation", label = "A", type = Type.ACTIVATION,
        required = Required.ALWAYS, description = "activation plugin, e.g. squared-relu")
    String activation,
    @SpecField(options = "--initializer", label = "I", type = Type.INITIALIZER,
        defaultValue = "tensor", description = "initializer plugin")
    String initializer,
    @SpecField(options = "--optimizer", label = "O", type = Type.OPTIMIZER, defaultValue = "gd",
        description = "optimizer plugin")
    String optimizer,
    @SpecField(options = "-d", label = "D", type = Type.COUNT, required = Required.UNLESS_DATA,
        description = "input dimension")
    int d,
    @SpecField(options = "-k", label = "K", type = Type.COUNT, required = Required.ALWAYS,
        description = "hidden units")
    int k,
    @SpecField(options = "-n", label = "N", type = Type.COUNT, required = Required.UNLESS_DATA,
        description = "number of samples")
    int n,
    @SpecField(options = "--kappa", label = "KAPPA", type = Type.NUMBER, defaultValue = "2",
        min = 1, max = SpecLimits.MAX_KAPPA, description = "condition number of the teacher W*")
    double kappa,
    @SpecField(options = "--noise", label = "SIGMA", type = Type.NUMBER, defaultValue = "0",
        min = 0, max = SpecLimits.MAX_NOISE,
        description = "standard deviation of Gaussian label noise")
    double noise,
    @SpecField(options = "--teacher", label = "KIND", type = Type.TEACHER, defaultValue = "random",
        description = "ground truth: random, orthogonal or identity (W* = I, v* = 1, k = d)")
    String teacher,
    @SpecField(options = "--seed", label = "S", type = Type.SEED, defaultValue = "1",
        inSweeps = false, description = "master seed")
    long seed,
    Map<String, Map<String, String>> settings,
    @SpecField(key = "data", options = "--data", label = "FILE", type = Type.FILE,
        description = "read samples from a CSV (x1..xd, y) or .npy (float64, n x (d+1)) file, "
            + "or a folder of .npy parts (read in file-name order)")
    String dataFile,
    @SpecField(key = "truth", options = "--truth", label = "FILE", type = Type.FILE,
        description = "ground truth for --data: JSON with W (d rows of k numbers) and v")
    String truthFile) {

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
    return SpecSchema.withSettings(this, copy);
  }
}
