package org.nnrecover.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One declared plugin parameter: its name, type, default, allowed values and meaning.
 *
 * <p>Values arrive as strings (from the command line, a sweep file or a run record) and are turned
 * into typed values by {@link #parse(String, String)}, which rejects anything outside the declared
 * range with a message naming the plugin, the parameter and what is allowed.
 *
 * @param name kebab-case parameter name, unique within its plugin
 * @param type value type
 * @param defaultValue the default, written as a user would write it; must itself be valid
 * @param min smallest allowed value for numeric types (inclusive)
 * @param max largest allowed value for numeric types (inclusive)
 * @param choices allowed words for {@link ParamType#CHOICE}; for {@link ParamType#DOUBLE} words
 *     allowed besides the numbers (since 1.1, for example {@code auto}), parsed to themselves as
 *     {@link String}s; empty otherwise
 * @param description one line saying what the parameter means
 * @since 1.0
 */
public record ParamSpec(
    String name,
    ParamType type,
    String defaultValue,
    double min,
    double max,
    List<String> choices,
    String description) {

  /**
   * Validates the declaration itself, including that the default is an allowed value.
   *
   * @throws IllegalArgumentException for a name that is not kebab-case, a choice without choices,
   *     min > max, or a default outside what is allowed
   */
  public ParamSpec(String name, ParamType type, String defaultValue, double min, double max,
      List<String> choices, String description) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
    if (!Names.isKebabCase(name)) {
      throw new IllegalArgumentException("parameter name '" + name + "' is not kebab-case");
    }
    if ((type == ParamType.CHOICE || type == ParamType.PLUGIN) && choices.isEmpty()) {
      throw new IllegalArgumentException("choice parameter '" + name + "' declares no choices");
    }
    if (min > max) {
      throw new IllegalArgumentException("parameter '" + name + "' has min > max");
    }
    this.name = name;
    this.type = type;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
    this.choices = List.copyOf(choices);
    this.description = description;
    parse("(declaration of " + name + ")", defaultValue);
  }

  /** A double parameter allowed in [min, max]. */
  public static ParamSpec ofDouble(String name, double defaultValue, double min, double max,
      String description) {
    return new ParamSpec(name, ParamType.DOUBLE, formatDouble(defaultValue), min, max, List.of(),
        description);
  }

  /**
   * A double parameter allowed in [min, max] that also accepts the given words (for example
   * {@code auto}); a word parses to itself as a {@link String}, a number to a {@link Double}.
   *
   * @since 1.1
   */
  public static ParamSpec ofDoubleOrWord(String name, String defaultValue, double min, double max,
      List<String> words, String description) {
    return new ParamSpec(name, ParamType.DOUBLE, defaultValue, min, max, words, description);
  }

  /** An integer parameter allowed in [min, max]. */
  public static ParamSpec ofInt(String name, int defaultValue, int min, int max,
      String description) {
    return new ParamSpec(name, ParamType.INT, Integer.toString(defaultValue), min, max, List.of(),
        description);
  }

  /** A boolean parameter. */
  public static ParamSpec ofBoolean(String name, boolean defaultValue, String description) {
    return new ParamSpec(name, ParamType.BOOLEAN, Boolean.toString(defaultValue), 0, 0, List.of(),
        description);
  }

  /** A parameter taking one of {@code choices}; {@code defaultValue} must be one of them. */
  public static ParamSpec ofChoice(String name, String defaultValue, List<String> choices,
      String description) {
    return new ParamSpec(name, ParamType.CHOICE, defaultValue, 0, 0, choices, description);
  }

  /** A parameter naming a plugin of {@code kind}, for plugins built from other plugins. */
  public static ParamSpec ofPlugin(String name, String defaultValue, PluginKind kind,
      String description) {
    return new ParamSpec(name, ParamType.PLUGIN, defaultValue, 0, 0, List.of(kind.id()),
        description);
  }

  /** What values are allowed, in words, for help texts and error messages. */
  public String allowed() {
    return switch (type) {
      case DOUBLE -> "a number in [" + formatDouble(min) + ", " + formatDouble(max) + "]"
          + (choices.isEmpty() ? "" : " or " + String.join(", ", choices));
      case INT -> "an integer in [" + (long) min + ", " + (long) max + "]";
      case BOOLEAN -> "true or false";
      case CHOICE -> "one of " + String.join(", ", choices);
      case PLUGIN -> "the name of a " + choices.get(0) + " plugin";
    };
  }

  /**
   * Parses and validates a value.
   *
   * @param plugin the owning plugin's name, used in the error message
   * @param text the value as written by the user
   * @return a {@link Double}, {@link Integer}, {@link Boolean} or {@link String}
   * @throws IllegalArgumentException naming plugin, parameter, value and what is allowed
   */
  public Object parse(String plugin, String text) {
    String value = text == null ? "" : text.trim();
    Object parsed =
        switch (type) {
          case DOUBLE -> choices.contains(value) ? value : parseDouble(value);
          case INT -> parseInt(value);
          case BOOLEAN -> parseBoolean(value);
          case CHOICE -> choices.contains(value) ? value : null;
          case PLUGIN -> Names.isKebabCase(value) ? value : null;
        };
    if (parsed == null) {
      throw new IllegalArgumentException(plugin + "." + name + " = '" + text
          + "' is not allowed: expected " + allowed());
    }
    return parsed;
  }

  private Double parseDouble(String value) {
    try {
      double x = Double.parseDouble(value);
      return Double.isFinite(x) && x >= min && x <= max ? x : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Integer parseInt(String value) {
    try {
      int x = Integer.parseInt(value);
      return x >= min && x <= max ? x : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean parseBoolean(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** Shortest round-trip text of a double, without a trailing ".0" for integral values. */
  static String formatDouble(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return Double.toString(x);
  }
}
