package org.nnrecover.core.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.ParamType;
import org.nnrecover.api.Params;
import org.nnrecover.api.PluginKind;
import org.nnrecover.api.PluginProvider;
import org.nnrecover.core.NnRecoverException;
import org.nnrecover.core.optim.StopRules;

/**
 * Every plugin nnrecover knows, by kind and name. Built once at start-up; immutable afterwards and
 * thread-safe.
 */
public final class PluginRegistry {
  /** The source recorded for plugins found on nnrecover's own class path. */
  public static final String BUILT_IN = "built-in";

  private final Map<PluginKind, Map<String, PluginEntry>> byKind;
  private final List<SkippedPlugin> skipped;

  private PluginRegistry(Map<PluginKind, Map<String, PluginEntry>> byKind,
      List<SkippedPlugin> skipped) {
    this.byKind = byKind;
    this.skipped = skipped;
  }

  /**
   * Discovers every plugin kind through {@link ServiceLoader} on {@code loader}; broken or
   * misnamed providers are skipped and listed in {@link #skipped()}.
   */
  public static PluginRegistry discover(ClassLoader loader) {
    return discover(loader, List.of());
  }

  /**
   * Discovers the built-in plugins on {@code loader}, then the plugins of the jars that
   * {@code pluginPaths} name (folders of jars, or jar files; see {@link PluginJars}). A jar or
   * provider that cannot be loaded, built in or not (a services file naming a missing class, a
   * throwing constructor, a name that is not kebab-case, a name taken), is listed in
   * {@link #skipped()} and logged; it never stops the others.
   *
   * @throws IllegalArgumentException when a plugins path does not exist
   */
  public static PluginRegistry discover(ClassLoader loader, List<Path> pluginPaths) {
    Builder builder = new Builder();
    PluginJars.loadProviders(loader, BUILT_IN, PluginEntry.BUILT_IN_VERSION, builder);
    PluginJars.load(pluginPaths, loader, builder);
    return builder.build();
  }

  /** Collects entries, rejecting duplicate names within a kind. */
  public static final class Builder {
    private final Map<PluginKind, Map<String, PluginEntry>> byKind = new EnumMap<>(PluginKind.class);
    private final List<SkippedPlugin> skipped = new ArrayList<>();

    /** Creates an empty builder. */
    public Builder() {
      for (PluginKind kind : PluginKind.values()) {
        byKind.put(kind, new LinkedHashMap<>());
      }
    }

    /** The entry already registered under this name, of any kind, or null. */
    public PluginEntry existing(String name) {
      for (Map<String, PluginEntry> entries : byKind.values()) {
        PluginEntry entry = entries.get(name);
        if (entry != null) {
          return entry;
        }
      }
      return null;
    }

    /**
     * Adds an entry.
     *
     * @throws NnRecoverException if the name is taken, naming both classes and sources
     */
    public Builder add(PluginEntry entry) {
      PluginEntry clash = existing(entry.name());
      if (clash != null) {
        String kinds = clash.kind() == entry.kind() ? "two " + entry.kind().id() + " plugins"
            : "two plugins of different kinds (" + clash.kind().id() + " and "
                + entry.kind().id() + ")";
        throw new NnRecoverException(kinds + " are named '" + entry.name() + "': "
            + describe(clash) + " and " + describe(entry)
            + " (settings are keyed by plugin name, so names are unique across kinds)");
      }
      byKind.get(entry.kind()).put(entry.name(), entry);
      return this;
    }

    /** Records a jar or provider that could not be added. */
    public Builder skip(SkippedPlugin problem) {
      skipped.add(problem);
      return this;
    }

    /** The registry, with names sorted within each kind. */
    public PluginRegistry build() {
      Map<PluginKind, Map<String, PluginEntry>> sorted = new EnumMap<>(PluginKind.class);
      byKind.forEach((kind, entries) -> {
        Map<String, PluginEntry> copy = new LinkedHashMap<>();
        entries.keySet().stream().sorted().forEach(name -> copy.put(name, entries.get(name)));
        sorted.put(kind, Collections.unmodifiableMap(copy));
      });
      return new PluginRegistry(sorted, List.copyOf(skipped));
    }

    private static String describe(PluginEntry entry) {
      return entry.provider().getClass().getName() + " (" + entry.source() + ")";
    }
  }

  /** The jars and providers that could not be loaded, in discovery order. */
  public List<SkippedPlugin> skipped() {
    return skipped;
  }

  /** Every plugin of a kind, sorted by name. */
  public List<PluginEntry> entries(PluginKind kind) {
    return List.copyOf(byKind.get(kind).values());
  }

  /**
   * The plugin of {@code kind} named {@code name}.
   *
   * @throws IllegalArgumentException naming the kind, the closest names and the full list
   */
  public PluginEntry find(PluginKind kind, String name) {
    PluginEntry entry = byKind.get(kind).get(name);
    if (entry == null) {
      List<String> known = new ArrayList<>(byKind.get(kind).keySet());
      List<String> close = known.stream()
          .filter(candidate -> isClose(name, candidate))
          .sorted(Comparator.comparingInt(candidate -> editDistance(name, candidate)))
          .collect(Collectors.toList());
      throw new IllegalArgumentException("unknown " + kind.id() + " '" + name + "'"
          + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?")
          + " Known " + kind.id() + "s: "
          + (known.isEmpty() ? "(none)" : String.join(", ", known)));
    }
    return entry;
  }

  /** The provider of {@code kind} named {@code name}, typed by its service interface. */
  public <P extends PluginProvider<?>> P provider(PluginKind kind, String name, Class<P> type) {
    return type.cast(find(kind, name).provider());
  }

  /**
   * The parameters a plugin declares. The core's stop rules are not among them: they have their
   * own namespace ({@link StopRules#NAMESPACE}), and an optimizer cannot declare one (see
   * {@link PluginJars}).
   */
  public List<ParamSpec> parameters(PluginEntry entry) {
    return entry.provider().parameters();
  }

  /**
   * Validates user-given values for a plugin and fills in defaults; parameters that name another
   * plugin must name an existing one, and the provider's own cross-parameter rules
   * ({@link org.nnrecover.api.PluginProvider#validate}) must hold.
   *
   * @throws IllegalArgumentException naming plugin, parameter and what is allowed
   */
  public Params resolveParams(PluginKind kind, String name, Map<String, String> given) {
    PluginEntry entry = find(kind, name);
    List<ParamSpec> specs = parameters(entry);
    Params params = Params.resolve(name, specs, given);
    entry.provider().validate(params); // rules across parameters, before any work
    for (ParamSpec spec : specs) {
      if (spec.type() == ParamType.PLUGIN) {
        PluginKind target = kindById(spec.choices().get(0));
        String value = params.getString(spec.name());
        try {
          find(target, value);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(name + "." + spec.name() + ": " + e.getMessage(), e);
        }
      }
    }
    return params;
  }

  /** The kind with the given id ({@code activation}, {@code initializer}, ...). */
  public static PluginKind kindById(String id) {
    for (PluginKind kind : PluginKind.values()) {
      if (kind.id().equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown plugin kind '" + id + "'");
  }

  /** The kind of the plugin with this name, searching all kinds (null when none has it). */
  public PluginKind kindOf(String name) {
    for (PluginKind kind : PluginKind.values()) {
      if (byKind.get(kind).containsKey(name)) {
        return kind;
      }
    }
    return null;
  }

  private static boolean isClose(String typed, String candidate) {
    return candidate.contains(typed) || typed.contains(candidate)
        || editDistance(typed, candidate) <= Math.max(2, candidate.length() / 3);
  }

  /** Levenshtein distance. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
