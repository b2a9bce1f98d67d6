package org.nnrecover.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, validated set of parameter values for one plugin: every declared parameter has a
 * value (its default unless set), and no undeclared name is present.
 *
 * <p>Built by the core from user text with {@link #resolve(String, List, Map)}; plugins only read it.
 *
 * @since 1.0
 */
public final class Params {
  private final String plugin;
  private final Map<String, Object> values;

  private Params(String plugin, Map<String, Object> values) {
    this.plugin = plugin;
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Validates user-supplied values against the declared specs and fills in defaults.
   *
   * @param plugin plugin name, for messages
   * @param specs declared parameters
   * @param given values as text, keyed by parameter name
   * @throws IllegalArgumentException for an unknown name (listing the known ones) or a bad value
   */
  public static Params resolve(String plugin, List<ParamSpec> specs, Map<String, String> given) {
    Map<String, ParamSpec> byName = new LinkedHashMap<>();
    for (ParamSpec spec : specs) {
      byName.put(spec.name(), spec);
    }
    for (String name : given.keySet()) {
      if (!byName.containsKey(name)) {
        throw new IllegalArgumentException("plugin '" + plugin + "' has no parameter '" + name
            + "'; its parameters are: "
            + (byName.isEmpty() ? "(none)" : String.join(", ", byName.keySet())));
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParamSpec spec : specs) {
      String text = given.getOrDefault(spec.name(), spec.defaultValue());
      values.put(spec.name(), spec.parse(plugin, text));
    }
    return new Params(plugin, values);
  }

  /** Parameters of a plugin that declares none, or all at their defaults. */
  public static Params defaults(String plugin, List<ParamSpec> specs) {
    return resolve(plugin, specs, Map.of());
  }

  /** The plugin these values belong to. */
  public String plugin() {
    return plugin;
  }

  /** A double parameter's value. */
  public double getDouble(String name) {
    return ((Number) get(name)).doubleValue();
  }

  /** An integer parameter's value. */
  public int getInt(String name) {
    return (Integer) get(name);
  }

  /** A boolean parameter's value. */
  public boolean getBoolean(String name) {
    return (Boolean) get(name);
  }

  /** A choice or plugin-name parameter's value. */
  public String getString(String name) {
    return (String) get(name);
  }

  /** Every value in declaration order, as typed objects (read-only). */
  public Map<String, Object> asMap() {
    return values;
  }

  private Object get(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalStateException("plugin '" + plugin + "' read undeclared parameter '" + name
          + "'");
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Params p && p.plugin.equals(plugin) && p.values.equals(values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(plugin, values);
  }

  @Override
  public String toString() {
    return plugin + values;
  }
}
