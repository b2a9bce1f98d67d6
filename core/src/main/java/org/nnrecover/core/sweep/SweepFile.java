package org.nnrecover.core.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnrecover.api.PluginKind;
import org.nnrecover.core.io.IoErrors;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.RunSpec;
import org.nnrecover.core.run.Runner;
import org.nnrecover.core.run.SpecLimits;
import org.nnrecover.core.run.SpecSchema;
import org.nnrecover.core.store.ResultStore;

/**
 * Reads a sweep file, expands it and validates every run before anything runs.
 *
 * <p>The format:
 * <pre>
 * name: fig1c                 # required: letters, digits, '.', '_', '-'
 * seeds: 1..10                # required: "a..b", one integer, or a list [1, 2, 5]
 * fixed:                      # settings common to all runs
 *   activation: squared-relu  # spec fields (SpecSchema.sweepKeys(): activation initializer
 *   d: 10                     #   optimizer d k n kappa noise teacher data truth)
 *   gd.step: 0.02             # plugin.parameter, run.option or stop.rule
 * axes:                       # outer product, first axis outermost
 *   - d: [10, 20, 30]         # one key with a list of values
 *   - zip:                    # or equal-length lists that vary together
 *       label: [I, II]        # 'label' is display-only (not part of the spec)
 *       initializer: [tensor, random]
 * </pre>
 * Every value is kept as the text written in the file. Each setting is checked on its own (plugin
 * names, parameter names and ranges, numbers) so that an error names the line and key; then every
 * expanded spec goes through {@link Runner#resolve}, which catches what only a combination can get
 * wrong (for example k > d). All errors are reported together.
 */
public final class SweepFile {
  private static final String LABEL = "label";
  private static final Set<String> TOP_KEYS = Set.of("name", "seeds", "fixed", "axes");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern RANGE = Pattern.compile("\\s*(-?\\d+)\\s*\\.\\.\\s*(-?\\d+)\\s*");
  private static final int MAX_REPORTED = 20;

  private final String file;
  private final Runner runner;
  private final PluginRegistry registry;
  private final List<String> errors = new ArrayList<>();
  /** The most runs the sweep may have; also bounds a seed range before it is expanded. */
  private long maxRuns = SpecLimits.DEFAULT_MAX_RUNS;

  /** One axis: its keys (one, or several zipped) and their equal-length value lists. */
  private record Axis(List<String> keys, List<List<YamlNode>> columns) {
    int size() {
      return columns.get(0).size();
    }
  }

  private SweepFile(String file, Runner runner) {
    this.file = file;
    this.runner = runner;
    this.registry = runner == null ? null : runner.registry();
  }

  /**
   * The text of a sweep file shipped with nnrecover (examples/sweeps, packed into core as
   * resources), e.g. {@code fig1c-quick}.
   *
   * @throws IllegalArgumentException when there is no such sweep
   */
  public static String shipped(String name) {
    String resource = "shipped/" + name + ".yaml";
    try (java.io.InputStream in = SweepFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no shipped sweep file " + name + ".yaml");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads, expands and validates a sweep file.
   *
   * @param path the sweep file
   * @param runner resolves (validates) the expanded specs; nothing is run
   * @throws IllegalArgumentException listing every error with file, line and key
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Sweep load(Path path, Runner runner) {
    return parse(text(path), path.getFileName().toString(), runner,
        SpecLimits.DEFAULT_MAX_RUNS);
  }

  /**
   * The text of a sweep file.
   *
   * @throws IllegalArgumentException when it is not UTF-8 text (naming the line)
   * @throws UncheckedIOException when it cannot be read (saying why)
   */
  public static String text(Path path) {
    try {
      return IoErrors.readUtf8(path);
    } catch (IOException e) {
      throw IoErrors.cannot("read sweep file", path, e);
    }
  }

  /**
   * Expands and validates sweep-file text.
   *
   * @param text the YAML
   * @param file the file name used in messages
   * @param runner resolves (validates) the expanded specs
   */
  public static Sweep parse(String text, String file, Runner runner) {
    return parse(text, file, runner, SpecLimits.DEFAULT_MAX_RUNS);
  }

  /** Expands and validates sweep-file text of at most {@code maxRuns} runs. */
  public static Sweep parse(String text, String file, Runner runner, long maxRuns) {
    return new SweepFile(file, runner).read(text, maxRuns);
  }

  /**
   * Refuses to resume the store in {@code dir} when the sweep file it keeps describes another
   * sweep than {@code text}, naming the differences, unless the caller extends the store (it then
   * keeps the history of its sweep files). A store without a sweep file passes.
   *
   * @throws IllegalArgumentException naming each difference and the way out (--extend)
   */
  public static void requireStoredSweep(Path dir, String text, boolean extend) {
    Optional<String> stored = ResultStore.sweepText(dir);
    if (stored.isEmpty() || extend) {
      return;
    }
    List<String> differences;
    try {
      differences = differences(stored.get(), text, ResultStore.SWEEP_FILE);
    } catch (IllegalArgumentException e) {
      differences = List.of("the stored one cannot be read (" + e.getMessage() + ")");
    }
    if (!differences.isEmpty()) {
      throw new IllegalArgumentException("the sweep file differs from "
          + dir.resolve(ResultStore.SWEEP_FILE) + ", whose runs this store holds: "
          + String.join("; ", differences) + ". Resume with the same sweep file, or add "
          + "--extend to run the new cells into this store (the earlier sweep file is kept)");
    }
  }

  /**
   * What differs between two texts of a sweep file, by entry: its name, its seeds, each fixed
   * setting and each axis with its values, e.g. {@code "axis d: [10, 20] before, [10, 20, 30]
   * now"}. Empty when the two describe the same sweep (comments and layout aside).
   *
   * @throws IllegalArgumentException when either text is not a valid sweep file's YAML
   */
  public static List<String> differences(String before, String now, String file) {
    Map<String, String> a = outline(before, file);
    Map<String, String> b = outline(now, file);
    List<String> differences = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String key : keys) {
      String x = a.get(key);
      String y = b.get(key);
      if (x == null) {
        differences.add(key + ": only now (" + y + ")");
      } else if (y == null) {
        differences.add(key + ": only before (" + x + ")");
      } else if (!x.equals(y)) {
        differences.add(key + ": " + x + " before, " + y + " now");
      }
    }
    return differences;
  }

  /** Entry -> its values as text: name, seeds, "fixed KEY", "axis KEY". */
  private static Map<String, String> outline(String text, String file) {
    YamlNode root = new SweepFile(file, null).yaml(text);
    Map<String, String> outline = new LinkedHashMap<>();
    if (!root.isMap()) {
      return outline;
    }
    root.entries().values().forEach(entry -> {
      switch (entry.key()) {
        case "fixed" -> {
          if (entry.value().isMap()) {
            entry.value().entries().values().forEach(setting ->
                outline.put("fixed " + setting.key(), setting.value().render()));
          }
        }
        case "axes" -> {
          if (entry.value().isList()) {
            for (YamlNode item : entry.value().items()) {
              if (item.isMap()) {
                item.entries().values().forEach(axis -> {
                  if (axis.key().equals("zip") && axis.value().isMap()) {
                    axis.value().entries().values().forEach(part ->
                        outline.put("axis " + part.key(), part.value().render()));
                  } else {
                    outline.put("axis " + axis.key(), axis.value().render());
                  }
                });
              }
            }
          }
        }
        default -> outline.put(entry.key(), entry.value().render());
      }
    });
    return outline;
  }

  /** The YAML tree of a sweep file, or an error naming the file, line and column. */
  private YamlNode yaml(String text) {
    try {
      return YamlNode.parse(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + YamlNode.problem(e), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ", " + e.getMessage(), e);
    }
  }

  private Sweep read(String text, long maxRuns) {
    this.maxRuns = maxRuns;
    YamlNode root = yaml(text);
    if (!root.isMap()) {
      throw new IllegalArgumentException(file + ": expected a mapping with name, seeds, fixed "
          + "and axes, got " + root.describe());
    }
    Map<String, YamlNode.Entry> top = root.entries();
    for (YamlNode.Entry entry : top.values()) {
      if (!TOP_KEYS.contains(entry.key())) {
        error(entry.line(), entry.key(), "unknown entry; a sweep has name, seeds, fixed, axes");
      }
    }
    String name = readName(top.get("name"));
    List<Long> seeds = readSeeds(top.get("seeds"));
    Map<String, YamlNode> fixed = readFixed(top.get("fixed"));
    List<Axis> axes = readAxes(top.get("axes"), fixed.keySet());
    checkRequired(fixed, axes);
    fixed.forEach((key, value) -> {
      if (key.equals(LABEL)) {
        error(value.line(), key, "label names a cell, so it belongs in an axis, not in fixed");
      } else {
        checkValue(key, value);
      }
    });
    for (Axis axis : axes) {
      for (int i = 0; i < axis.keys().size(); i++) {
        if (!axis.keys().get(i).equals(LABEL)) {
          for (YamlNode value : axis.columns().get(i)) {
            checkValue(axis.keys().get(i), value);
          }
        }
      }
    }
    failIfErrors();
    long size = seeds.size();
    for (Axis axis : axes) {
      size = Math.multiplyExact(size, (long) axis.size());
      if (size > maxRuns) {
        break;
      }
    }
    if (size > maxRuns) {
      // counted before anything is expanded: a huge grid is refused at once, not after minutes
      throw new IllegalArgumentException(file + ": the grid has " + describeSize(seeds, axes)
          + " runs, more than the limit of " + maxRuns + "; shrink the axes or seeds, or raise "
          + "the limit with --max-runs");
    }
    Sweep sweep = expand(name, seeds, fixed, axes);
    failIfErrors();
    checkUsed(sweep, fixed, axes);
    failIfErrors();
    return sweep;
  }

  /** "3 seeds x 4 x 5 = 60", or "more than 9.2e18" when the product overflows. */
  private static String describeSize(List<Long> seeds, List<Axis> axes) {
    StringBuilder text = new StringBuilder(seeds.size() + " seeds");
    double product = seeds.size();
    for (Axis axis : axes) {
      text.append(" x ").append(axis.size());
      product *= axis.size();
    }
    return text.append(" = ").append(product < 1e15 ? String.valueOf((long) product)
        : String.format(java.util.Locale.ROOT, "%.3g", product)).toString();
  }

  /** Refuses settings of a plugin that no run of the sweep uses: they would be ignored. */
  private void checkUsed(Sweep sweep, Map<String, YamlNode> fixed, List<Axis> axes) {
    Set<String> unusedEverywhere = null;
    for (SweepRun run : sweep.runs()) {
      Set<String> unused = new LinkedHashSet<>(runner.unusedSettings(run.resolved()));
      if (unusedEverywhere == null) {
        unusedEverywhere = unused;
      } else {
        unusedEverywhere.retainAll(unused);
      }
    }
    if (unusedEverywhere == null || unusedEverywhere.isEmpty()) {
      return;
    }
    Set<String> unused = unusedEverywhere;
    Map<String, Integer> lines = new LinkedHashMap<>();
    fixed.forEach((key, node) -> lines.put(key, node.line()));
    for (Axis axis : axes) {
      for (int i = 0; i < axis.keys().size(); i++) {
        lines.put(axis.keys().get(i), axis.columns().get(i).get(0).line());
      }
    }
    lines.forEach((key, line) -> {
      int dot = key.indexOf('.');
      if (dot > 0 && unused.contains(key.substring(0, dot))) {
        error(line, key, "no run of this sweep uses plugin '" + key.substring(0, dot)
            + "', so this setting would be ignored; remove it or select the plugin");
      }
    });
  }

  private String readName(YamlNode.Entry entry) {
    if (entry == null) {
      errors.add(file + ": 'name' is required (it names the sweep in output)");
      return null;
    }
    YamlNode node = entry.value();
    if (!node.isScalar() || !NAME.matcher(node.text()).matches()) {
      error(entry.line(), "name", "expected a name of letters, digits, '.', '_' and '-', got "
          + node.describe());
      return null;
    }
    return node.text();
  }

  private List<Long> readSeeds(YamlNode.Entry entry) {
    List<Long> seeds = new ArrayList<>();
    if (entry == null) {
      errors.add(file + ": 'seeds' is required: a range 1..10, one integer, or a list [1, 2, 5]");
      return seeds;
    }
    YamlNode node = entry.value();
    String allowed = "; expected a range a..b with a <= b, one integer, or a list of integers";
    if (node.isScalar()) {
      Matcher range = RANGE.matcher(node.text());
      if (range.matches()) {
        long from;
        long to;
        try {
          from = Long.parseLong(range.group(1));
          to = Long.parseLong(range.group(2));
        } catch (NumberFormatException e) {
          from = 1;
          to = 0; // reported below as a bad range
        }
        // to - from < 0 catches the overflow of a range wider than the long type
        if (to < from || to - from < 0 || to - from >= maxRuns) {
          error(node.line(), "seeds", "bad range '" + node.text() + "'" + allowed
              + " (at most " + maxRuns + " seeds, the limit of runs; see --max-runs)");
        } else {
          for (long s = from; s <= to; s++) {
            seeds.add(s);
          }
        }
        return seeds;
      }
      addSeed(seeds, node, allowed);
    } else if (node.isList() && !node.items().isEmpty()) {
      for (YamlNode item : node.items()) {
        addSeed(seeds, item, allowed);
      }
    } else {
      error(node.line(), "seeds", "got " + node.describe() + allowed);
    }
    return seeds;
  }

  private void addSeed(List<Long> seeds, YamlNode node, String allowed) {
    try {
      long seed = Long.parseLong(node.isScalar() ? node.text().trim() : "");
      if (seeds.contains(seed)) {
        error(node.line(), "seeds", "seed " + seed + " is listed twice");
      } else {
        seeds.add(seed);
      }
    } catch (NumberFormatException e) {
      error(node.line(), "seeds", "got " + node.describe() + allowed);
    }
  }

  private Map<String, YamlNode> readFixed(YamlNode.Entry entry) {
    Map<String, YamlNode> fixed = new LinkedHashMap<>();
    if (entry == null) {
      return fixed;
    }
    if (!entry.value().isMap()) {
      error(entry.line(), "fixed", "expected a mapping of settings, got "
          + entry.value().describe());
      return fixed;
    }
    for (YamlNode.Entry setting : entry.value().entries().values()) {
      if (!setting.value().isScalar()) {
        error(setting.line(), setting.key(), "a fixed setting takes one value, got "
            + setting.value().describe() + " (a list of values belongs in axes)");
      } else if (checkKey(setting.line(), setting.key())) {
        fixed.put(setting.key(), new YamlNode(setting.value().text(), setting.line()));
      }
    }
    return fixed;
  }

  private List<Axis> readAxes(YamlNode.Entry entry, Set<String> fixedKeys) {
    List<Axis> axes = new ArrayList<>();
    if (entry == null) {
      return axes;
    }
    if (!entry.value().isList()) {
      error(entry.line(), "axes", "expected a list of axes (- key: [values] or - zip: ...), got "
          + entry.value().describe());
      return axes;
    }
    Map<String, Integer> seen = new TreeMap<>();
    for (YamlNode item : entry.value().items()) {
      if (!item.isMap() || item.entries().size() != 1) {
        error(item.line(), "axes", "each axis is one key with a list of values, or zip: with "
            + "several such keys; got " + item.describe());
        continue;
      }
      YamlNode.Entry axis = item.entries().values().iterator().next();
      List<YamlNode.Entry> parts = new ArrayList<>();
      if (axis.key().equals("zip")) {
        if (!axis.value().isMap() || axis.value().entries().isEmpty()) {
          error(axis.line(), "zip", "expected keys with equal-length lists, got "
              + axis.value().describe());
          continue;
        }
        parts.addAll(axis.value().entries().values());
      } else {
        parts.add(axis);
      }
      List<String> keys = new ArrayList<>();
      List<List<YamlNode>> columns = new ArrayList<>();
      boolean ok = true;
      for (YamlNode.Entry part : parts) {
        ok &= checkKey(part.line(), part.key()) && checkAxisKey(part, fixedKeys, seen)
            && checkValues(part);
        keys.add(part.key());
        columns.add(part.value().isList() ? part.value().items() : List.of());
      }
      if (!ok) {
        continue;
      }
      Set<Integer> lengths = new LinkedHashSet<>();
      columns.forEach(column -> lengths.add(column.size()));
      if (lengths.size() > 1) {
        StringBuilder sizes = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
          sizes.append(i == 0 ? "" : ", ").append(keys.get(i)).append(" has ")
              .append(columns.get(i).size());
        }
        error(axis.line(), "zip", "zipped lists must have equal lengths: " + sizes);
        continue;
      }
      axes.add(new Axis(List.copyOf(keys), List.copyOf(columns)));
    }
    return axes;
  }

  private boolean checkAxisKey(YamlNode.Entry part, Set<String> fixedKeys,
      Map<String, Integer> seen) {
    if (fixedKeys.contains(part.key())) {
      error(part.line(), part.key(), "also given in fixed; a key is either fixed or an axis");
      return false;
    }
    Integer before = seen.putIfAbsent(part.key(), part.line());
    if (before != null) {
      error(part.line(), part.key(), "already an axis (line " + before + ")");
      return false;
    }
    return true;
  }

  private boolean checkValues(YamlNode.Entry part) {
    YamlNode value = part.value();
    if (!value.isList() || value.items().isEmpty()) {
      error(part.line(), part.key(), "an axis takes a non-empty list of values, got "
          + value.describe());
      return false;
    }
    for (YamlNode item : value.items()) {
      if (!item.isScalar()) {
        error(item.line(), part.key(), "axis values are single values, got " + item.describe());
        return false;
      }
    }
    return true;
  }

  /** Whether a key is one a sweep can set (reports the error when not). */
  private boolean checkKey(int line, String key) {
    if (key.equals(LABEL) || SpecSchema.isSweepKey(key)) {
      return true;
    }
    if (key.equals("seed") || key.equals("seeds")) { // the sweep's own: its top-level seeds
      error(line, key, "seeds are given by the top-level 'seeds:' entry");
      return false;
    }
    int dot = key.indexOf('.');
    if (dot < 1 || dot == key.length() - 1) {
      error(line, key, "unknown setting; allowed: " + String.join(", ", SpecSchema.sweepKeys())
          + ", label, plugin.parameter, run.option or stop.rule");
      return false;
    }
    String plugin = key.substring(0, dot);
    if (!Runner.isNamespace(plugin) && registry.kindOf(plugin) == null) {
      List<String> known = new ArrayList<>();
      for (PluginKind kind : PluginKind.values()) {
        registry.entries(kind).forEach(entry -> known.add(entry.name()));
      }
      error(line, key, "unknown plugin '" + plugin + "'; settings are plugin.parameter, "
          + "run.option or stop.rule, with plugins: " + String.join(", ", known));
      return false;
    }
    return true;
  }

  /** Checks one value of one key on its own, so that an error can name its line. */
  private void checkValue(String key, YamlNode node) {
    String value = node.text();
    try {
      if (SpecSchema.isSweepKey(key)) {
        SpecSchema.Field field = SpecSchema.field(key);
        field.check(field.parse(value), registry);
      } else {
        int dot = key.indexOf('.');
        runner.checkSetting(key.substring(0, dot), key.substring(dot + 1), value);
      }
    } catch (IllegalArgumentException e) {
      error(node.line(), key, e.getMessage());
    }
  }

  private void checkRequired(Map<String, YamlNode> fixed, List<Axis> axes) {
    Set<String> given = new LinkedHashSet<>(fixed.keySet());
    axes.forEach(axis -> given.addAll(axis.keys()));
    for (String key : SpecSchema.missing(given)) {
      errors.add(file + ": '" + key + "' must be given, in fixed or as an axis");
    }
  }

  private Sweep expand(String name, List<Long> seeds, Map<String, YamlNode> fixed,
      List<Axis> axes) {
    List<SweepRun> runs = new ArrayList<>();
    Map<String, List<String>> failures = new LinkedHashMap<>();
    int[] index = new int[axes.size()];
    int cells = 0;
    do {
      cells++;
      Map<String, String> values = new LinkedHashMap<>();
      fixed.forEach((key, node) -> values.put(key, node.text()));
      Map<String, String> coordinates = new LinkedHashMap<>();
      for (int a = 0; a < axes.size(); a++) {
        Axis axis = axes.get(a);
        for (int i = 0; i < axis.keys().size(); i++) {
          String text = axis.columns().get(i).get(index[a]).text();
          coordinates.put(axis.keys().get(i), text);
          values.put(axis.keys().get(i), text);
        }
      }
      String cell = SweepRun.cellKey(coordinates);
      for (long seed : seeds) {
        RunSpec spec = spec(values, seed);
        try {
          runs.add(new SweepRun(runner.resolve(spec), Collections.unmodifiableMap(coordinates),
              cell));
        } catch (IllegalArgumentException e) {
          failures.computeIfAbsent(e.getMessage(), message -> new ArrayList<>())
              .add(cell + ", seed " + seed);
        }
      }
    } while (advance(index, axes));
    failures.forEach((message, where) -> errors.add(file + ": " + where.size()
        + (where.size() == 1 ? " run is" : " runs are") + " invalid (" + where.get(0)
        + (where.size() > 1 ? ", ..." : "") + "): " + message));
    return new Sweep(name, seeds, cells, runs);
  }

  /** Odometer step over the axes, last axis fastest; false after the last combination. */
  private static boolean advance(int[] index, List<Axis> axes) {
    for (int a = axes.size() - 1; a >= 0; a--) {
      if (++index[a] < axes.get(a).size()) {
        return true;
      }
      index[a] = 0;
    }
    return false;
  }

  /** The spec of one run from its key -> text values (all checked by {@link #checkValue}). */
  private static RunSpec spec(Map<String, String> values, long seed) {
    Map<String, Map<String, String>> settings = new TreeMap<>();
    Map<String, Object> fields = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      int dot = key.indexOf('.');
      if (dot > 0) {
        settings.computeIfAbsent(key.substring(0, dot), plugin -> new TreeMap<>())
            .put(key.substring(dot + 1), value);
      } else if (!key.equals(LABEL)) {
        fields.put(key, value);
      }
    });
    fields.put("seed", seed);
    return SpecSchema.bind(fields, settings);
  }

  private void error(int line, String key, String message) {
    errors.add(file + ", line " + line + ", key " + key + ": " + message);
  }

  private void failIfErrors() {
    if (errors.isEmpty()) {
      return;
    }
    if (errors.size() == 1) {
      throw new IllegalArgumentException(errors.get(0));
    }
    StringBuilder message = new StringBuilder(errors.size() + " errors in " + file + ":");
    errors.stream().limit(MAX_REPORTED).forEach(e -> message.append("\n  ").append(e));
    if (errors.size() > MAX_REPORTED) {
      message.append("\n  ... and ").append(errors.size() - MAX_REPORTED).append(" more");
    }
    throw new IllegalArgumentException(message.toString());
  }
}
