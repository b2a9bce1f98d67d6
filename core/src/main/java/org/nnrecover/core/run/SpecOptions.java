package org.nnrecover.core.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnrecover.core.run.SpecField.Required;
import picocli.CommandLine;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command-line options of a run spec for picocli front ends ({@code nnrecover run} and
 * {@code lsc}, {@code nnrecover-spark run}), made from the schema ({@link SpecSchema}): one option
 * per field, named, typed, described and defaulted as the field declares, plus {@code --set}.
 * picocli is an optional dependency of core: only front ends that use picocli call this class.
 */
public final class SpecOptions {
  /** The name of the mixin that holds the spec options (to list what the user gave). */
  public static final String MIXIN = "specOptions";
  /** The option of plugin parameters, run options and stop rules. */
  public static final String SET = "--set";

  private SpecOptions() {}

  /** Every field of the spec and {@code --set}: {@code @Command(modelTransformer = ...)}. */
  public static final class Every implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec command) {
      return addTo(command, SpecSchema.fields().stream().map(SpecSchema.Field::key).toList(),
          "a plugin parameter, run option or stop rule, e.g. gd.step=0.05, run.train-v=true or "
              + "stop.max-iterations=500 (repeatable)");
    }
  }

  /**
   * Adds the options of the fields with these keys and {@code --set} to a command, as the mixin
   * {@value #MIXIN}.
   *
   * @param setHelp the help text of {@code --set} for this command
   */
  public static CommandSpec addTo(CommandSpec command, List<String> keys, String setHelp) {
    CommandSpec mixin = CommandSpec.create();
    boolean withData = keys.contains(SpecSchema.DATA);
    for (String key : keys) {
      SpecSchema.Field field = SpecSchema.field(key);
      SpecField declared = field.declaration();
      mixin.addOption(OptionSpec.builder(declared.options()).paramLabel(declared.label())
          .type(boxed(field.javaType())).description(field.help(withData)).build());
    }
    mixin.addOption(OptionSpec.builder(SET).paramLabel("PLUGIN.PARAM=VALUE").type(List.class)
        .auxiliaryTypes(String.class).description(setHelp).build());
    command.addMixin(MIXIN, mixin);
    return command;
  }

  /**
   * The spec the options describe: given values, defaults for the rest (ranges are checked by
   * {@link Runner#resolve}, or by the command for the fields it binds).
   *
   * @throws CommandLine.MissingParameterException naming each required option not given
   * @throws IllegalArgumentException for a malformed {@code --set}
   */
  public static RunSpec toSpec(CommandLine commandLine) {
    return toSpec(commandLine, List.of());
  }

  /**
   * The spec that the options and {@code items} describe together: items are written
   * {@code KEY=VALUE} with the keys of a sweep file's {@code fixed:} block ({@code d=10},
   * {@code gd.step=0.02}); a field may be given by an option or an item, not both.
   *
   * @throws CommandLine.MissingParameterException naming each required field given by neither
   * @throws IllegalArgumentException for a malformed item or {@code --set}, or a field given twice
   */
  public static RunSpec toSpec(CommandLine commandLine, List<String> items) {
    Map<String, String> itemFields = new LinkedHashMap<>();
    List<String> settings = new ArrayList<>();
    for (String item : items) {
      int eq = item.indexOf('=');
      String key = eq < 1 ? "" : item.substring(0, eq);
      if (key.contains(".")) {
        settings.add(item); // checked as --set items are
      } else if (eq == item.length() - 1 || !SpecSchema.isSweepKey(key)) {
        throw new IllegalArgumentException("malformed spec item '" + item + "': expected "
            + "KEY=VALUE with a key of a sweep file's fixed: block (" + String.join(", ",
                SpecSchema.sweepKeys()) + ") or PLUGIN.PARAMETER, e.g. d=10 or gd.step=0.02");
      } else if (itemFields.put(key, item.substring(eq + 1)) != null) {
        throw new IllegalArgumentException("spec item " + key + "= is given twice");
      }
    }
    CommandSpec mixin = commandLine.getCommandSpec().mixins().get(MIXIN);
    boolean dataOption = mixin.findOption(SpecSchema.field(SpecSchema.DATA)
        .declaration().options()[0]) != null;
    Map<String, Object> values = new LinkedHashMap<>();
    List<ArgSpec> missing = new ArrayList<>();
    for (SpecSchema.Field field : SpecSchema.fields()) {
      OptionSpec option = mixin.findOption(field.declaration().options()[0]);
      Object value = option == null ? null : option.getValue();
      String item = itemFields.get(field.key());
      if (value != null && item != null) {
        throw new IllegalArgumentException(option.longestName() + " and the item " + field.key()
            + "=" + item + " both give " + field.key() + ": give one");
      }
      Required required = field.declaration().required();
      if (value != null || item != null) {
        values.put(field.key(), value != null ? value : item);
      } else if (option != null && (required == Required.ALWAYS
          || required == Required.UNLESS_DATA && !dataOption)) {
        missing.add(option);
      }
    }
    if (!missing.isEmpty()) {
      throw new CommandLine.MissingParameterException(commandLine, missing,
          "Missing required option" + (missing.size() > 1 ? "s: " : ": ") + String.join(", ",
              missing.stream().map(a -> "'" + ((OptionSpec) a).longestName() + "="
                  + a.paramLabel() + "'").toList()));
    }
    List<String> set = mixin.findOption(SET).getValue();
    if (set != null) {
      settings.addAll(0, set);
    }
    return SpecSchema.bind(values, SpecSchema.parseSettings(settings));
  }

  private static Class<?> boxed(Class<?> type) {
    return type == int.class ? Integer.class : type == long.class ? Long.class
        : type == double.class ? Double.class : type;
  }
}
