package org.nnrecover.core.run;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nnrecover.api.Names;
import org.nnrecover.api.PluginKind;
import org.nnrecover.core.data.TeacherKind;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.SpecField.Required;

/**
 * The run spec's schema, read from the {@link SpecField} declarations of {@link RunSpec}: every
 * front end (command-line options, sweep files, {@code lsc}, run records) binds a spec through
 * here, and {@link Runner#resolve} checks each field's range through here, so that a field, its
 * default, its range and its messages are stated once.
 */
public final class SpecSchema {
  /** The key of the data-file field: with it, fields {@link Required#UNLESS_DATA} may be absent. */
  public static final String DATA = "data";
  /** The component of {@link RunSpec} that holds plugin settings (not a field of its own). */
  private static final String SETTINGS = "settings";

  private static final List<Field> FIELDS = read();
  private static final Constructor<RunSpec> CONSTRUCTOR = constructor();

  private SpecSchema() {}

  /**
   * One declared field.
   *
   * @param key how users write it in sweep files and messages ({@code d}, {@code data})
   * @param component the {@link RunSpec} component (and the run record's JSON field)
   * @param declaration its declaration
   */
  public record Field(String key, RecordComponent component, SpecField declaration) {
    /** The Java type of the value: String, int, long or double. */
    public Class<?> javaType() {
      return component.getType();
    }

    /** Whether the value is text (a name, a kind, a file) rather than a number. */
    boolean isText() {
      return javaType() == String.class;
    }

    /** The default as a typed value; zero (numbers) or null (text) when the field has none. */
    public Object defaultValue() {
      if (!declaration.defaultValue().equals(SpecField.NO_DEFAULT)) {
        return parse(declaration.defaultValue());
      }
      return isText() ? null : parse("0");
    }

    /** The value of this field in a spec. */
    public Object of(RunSpec spec) {
      try {
        return component.getAccessor().invoke(spec);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + key + " of a run spec", e);
      }
    }

    /**
     * The typed value of text as a user wrote it (numbers are only parsed, not range-checked).
     *
     * @throws IllegalArgumentException e.g. "d must be an integer, got 'x'"
     */
    public Object parse(String text) {
      String value = text.trim();
      try {
        if (javaType() == int.class) {
          return Integer.parseInt(value);
        }
        if (javaType() == long.class) {
          return Long.parseLong(value);
        }
        if (javaType() == double.class) {
          return Double.parseDouble(value);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + " must be " + (javaType() == double.class
            ? "a number" : "an integer") + ", got '" + text + "'", e);
      }
      return text;
    }

    /**
     * Checks a typed value against the declared range or kind; plugin names are looked up in
     * {@code registry} when one is given.
     *
     * @throws IllegalArgumentException saying what is allowed
     */
    public void check(Object value, PluginRegistry registry) {
      switch (declaration.type()) {
        case COUNT -> {
          long x = ((Number) value).longValue();
          if (x < 1 || x > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " must be an integer in 1.."
                + Integer.MAX_VALUE + ", got " + x);
          }
        }
        case NUMBER -> {
          double x = ((Number) value).doubleValue();
          if (!(x >= declaration.min() && x <= declaration.max())) {
            throw new IllegalArgumentException(key + " must be a number in " + allowed()
                + ", got " + x);
          }
        }
        case TEACHER -> TeacherKind.parse((String) value);
        case ACTIVATION, INITIALIZER, OPTIMIZER -> {
          if (registry != null) {
            registry.find(pluginKind(), (String) value);
          }
        }
        case SEED, FILE -> { }
        default -> throw new IllegalStateException("unhandled type " + declaration.type());
      }
    }

    /** The plugin kind a plugin-name field names. */
    public PluginKind pluginKind() {
      return switch (declaration.type()) {
        case ACTIVATION -> PluginKind.ACTIVATION;
        case INITIALIZER -> PluginKind.INITIALIZER;
        case OPTIMIZER -> PluginKind.OPTIMIZER;
        default -> throw new IllegalStateException(key + " does not name a plugin");
      };
    }

    /** The allowed values of a {@code NUMBER} field in words, e.g. {@code [1, 1e6]}. */
    private String allowed() {
      return "[" + format(declaration.min()) + ", " + format(declaration.max()) + "]";
    }

    /**
     * The help text: the description, its range, then whether it is required or its default.
     *
     * @param withData whether the command also takes the data-file field
     */
    public String help(boolean withData) {
      String more = switch (declaration.required()) {
        case ALWAYS -> " (required)";
        case UNLESS_DATA -> withData ? " (required unless a data file gives it)" : " (required)";
        case NO -> declaration.defaultValue().equals(SpecField.NO_DEFAULT) ? ""
            : " (default: " + declaration.defaultValue() + ")";
      };
      String range = declaration.type() == SpecField.Type.NUMBER ? ", in " + allowed() : "";
      return declaration.description() + range + more;
    }
  }

  /** Every field, in the order of {@link RunSpec}'s components. */
  public static List<Field> fields() {
    return FIELDS;
  }

  /**
   * The field with this key.
   *
   * @throws IllegalArgumentException when there is none
   */
  public static Field field(String key) {
    for (Field field : FIELDS) {
      if (field.key().equals(key)) {
        return field;
      }
    }
    throw new IllegalArgumentException("no run spec field '" + key + "'");
  }

  /** Whether a sweep file may set this key (a field other than the seed). */
  public static boolean isSweepKey(String key) {
    return FIELDS.stream().anyMatch(f -> f.key().equals(key) && f.declaration().inSweeps());
  }

  /** The keys a sweep file may set, in schema order. */
  public static List<String> sweepKeys() {
    return FIELDS.stream().filter(f -> f.declaration().inSweeps()).map(Field::key).toList();
  }

  /** The keys of the fields a spec must give, when {@code given} holds those it gives. */
  public static List<String> missing(Set<String> given) {
    List<String> missing = new ArrayList<>();
    for (Field field : FIELDS) {
      Required required = field.declaration().required();
      if (!given.contains(field.key()) && (required == Required.ALWAYS
          || required == Required.UNLESS_DATA && !given.contains(DATA))) {
        missing.add(field.key());
      }
    }
    return missing;
  }

  /**
   * A spec from field values keyed by field key: typed values (Integer, Long, Double, String) or
   * text as users write it (parsed here); absent fields take their defaults. Nothing is
   * range-checked: {@link #check} (through {@link Runner#resolve}) does that.
   *
   * @throws IllegalArgumentException for an unknown key or text that is not a number
   */
  public static RunSpec bind(Map<String, ?> values, Map<String, Map<String, String>> settings) {
    for (String key : values.keySet()) {
      field(key);
    }
    Map<String, Object> typed = new LinkedHashMap<>();
    for (Field field : FIELDS) {
      Object value = values.get(field.key());
      typed.put(field.key(), value == null ? field.defaultValue()
          : value instanceof String text && !field.isText() ? field.parse(text) : value);
    }
    return construct(typed, settings);
  }

  /** The same spec with other settings. */
  public static RunSpec withSettings(RunSpec spec, Map<String, Map<String, String>> settings) {
    Map<String, Object> values = new LinkedHashMap<>();
    FIELDS.forEach(field -> values.put(field.key(), field.of(spec)));
    return construct(values, settings);
  }

  /**
   * Checks every field's range or kind ({@link Required#UNLESS_DATA} counts are not checked when
   * the samples come from a file: the file gives them).
   *
   * @throws IllegalArgumentException for the first field out of range
   */
  public static void check(RunSpec spec) {
    boolean fromFile = spec.dataFile() != null;
    for (Field field : FIELDS) {
      boolean unlessData = field.declaration().required() == Required.UNLESS_DATA;
      if (fromFile && unlessData) {
        continue;
      }
      try {
        field.check(field.of(spec), null);
      } catch (IllegalArgumentException e) {
        throw unlessData ? new IllegalArgumentException(e.getMessage()
            + " (or read the samples from a data file)", e) : e;
      }
    }
  }

  /** Checks the range or kind of the fields with these keys only (a command that binds a few). */
  public static void check(RunSpec spec, Collection<String> keys) {
    keys.forEach(key -> field(key).check(field(key).of(spec), null));
  }

  /**
   * Parses {@code plugin.parameter=value} items (of {@code --set}) into plugin -> parameter ->
   * value.
   *
   * @throws IllegalArgumentException for an item of another shape
   */
  public static Map<String, Map<String, String>> parseSettings(List<String> items) {
    Map<String, Map<String, String>> settings = new TreeMap<>();
    for (String item : items) {
      int eq = item.indexOf('=');
      int dot = item.indexOf('.');
      if (eq < 0 || dot < 1 || dot > eq - 2 || eq == item.length() - 1) {
        throw new IllegalArgumentException("malformed --set '" + item
            + "': expected PLUGIN.PARAMETER=VALUE, e.g. gd.step=0.05");
      }
      settings.computeIfAbsent(item.substring(0, dot), key -> new TreeMap<>())
          .put(item.substring(dot + 1, eq), item.substring(eq + 1));
    }
    return settings;
  }

  /**
   * Reads a run spec from its JSON (a record's {@code spec}): fields absent from it, as in records
   * written before the field existed, take their declared defaults, so that stores keep matching
   * the specs of their sweeps when a field is added.
   */
  public static final class JsonReader extends StdDeserializer<RunSpec> {
    private static final long serialVersionUID = 1L;

    /** Made by Jackson, for {@link RunSpec}'s {@code @JsonDeserialize}. */
    public JsonReader() {
      super(RunSpec.class);
    }

    @Override
    public RunSpec deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      JsonNode node = parser.readValueAsTree();
      Map<String, Object> values = new LinkedHashMap<>();
      for (Field field : FIELDS) {
        JsonNode value = node.get(field.component().getName());
        if (value != null && !value.isNull()) {
          values.put(field.key(), value.asText()); // numbers as their shortest round-trip text
        }
      }
      Map<String, Map<String, String>> settings = new TreeMap<>();
      JsonNode given = node.get(SETTINGS);
      if (given != null && given.isObject()) {
        given.fields().forEachRemaining(plugin -> {
          Map<String, String> parameters = new TreeMap<>();
          plugin.getValue().fields().forEachRemaining(p -> parameters.put(p.getKey(),
              p.getValue().asText()));
          settings.put(plugin.getKey(), parameters);
        });
      }
      try {
        return bind(values, settings);
      } catch (IllegalArgumentException e) {
        throw context.weirdStringException(e.getMessage(), RunSpec.class, e.getMessage());
      }
    }
  }

  private static RunSpec construct(Map<String, Object> values,
      Map<String, Map<String, String>> settings) {
    RecordComponent[] components = RunSpec.class.getRecordComponents();
    Object[] arguments = new Object[components.length];
    int f = 0;
    for (int i = 0; i < components.length; i++) {
      arguments[i] = components[i].getName().equals(SETTINGS) ? settings
          : values.get(FIELDS.get(f++).key());
    }
    try {
      return CONSTRUCTOR.newInstance(arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct a run spec", e);
    }
  }

  /** The declared fields; every component but the settings must be declared. */
  private static List<Field> read() {
    List<Field> fields = new ArrayList<>();
    for (RecordComponent component : RunSpec.class.getRecordComponents()) {
      SpecField declaration = component.getAnnotation(SpecField.class);
      if (declaration == null) {
        if (!component.getName().equals(SETTINGS)) {
          throw new IllegalStateException("RunSpec." + component.getName()
              + " has no @SpecField declaration");
        }
        continue;
      }
      String key = declaration.key().isEmpty() ? component.getName() : declaration.key();
      if (!Names.isKebabCase(key)) {
        throw new IllegalStateException("RunSpec." + component.getName() + ": key '" + key
            + "' is not kebab-case");
      }
      fields.add(new Field(key, component, declaration));
    }
    return List.copyOf(fields);
  }

  private static Constructor<RunSpec> constructor() {
    try {
      return RunSpec.class.getDeclaredConstructor(Arrays.stream(
          RunSpec.class.getRecordComponents()).map(RecordComponent::getType).toArray(Class[]::new));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 1, 0, 1e6, 1e-6: integers as such below 1e4, others in short exponent form. */
  private static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e4) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.0e", value).replaceAll("e\\+?(-?)0*(\\d)", "e$1$2");
  }
}
