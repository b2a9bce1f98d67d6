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
    CommandSpec mixin = commandLine.getCommandSpec().mixins().get(MIXIN);
    boolean dataOption = mixin.findOption(SpecSchema.field(SpecSchema.DATA)
        .declaration().options()[0]) != null;
    Map<String, Object> values = new LinkedHashMap<>();
    List<ArgSpec> missing = new ArrayList<>();
    for (SpecSchema.Field field : SpecSchema.fields()) {
      OptionSpec option = mixin.findOption(field.declaration().options()[0]);
      if (option == null) {
        continue;
      }
      Object value = option.getValue();
      Required required = field.declaration().required();
      if (value != null) {
        values.put(field.key(), value);
      } else if (required == Required.ALWAYS || required == Required.UNLESS_DATA && !dataOption) {
        missing.add(option);
      }
    }
    if (!missing.isEmpty()) {
      throw new CommandLine.MissingParameterException(commandLine, missing,
          "Missing required option" + (missing.size() > 1 ? "s: " : ": ") + String.join(", ",
              missing.stream().map(a -> "'" + ((OptionSpec) a).longestName() + "="
                  + a.paramLabel() + "'").toList()));
    }
    List<String> settings = mixin.findOption(SET).getValue();
    return SpecSchema.bind(values, SpecSchema.parseSettings(settings == null ? List.of()
        : settings));
  }

  private static Class<?> boxed(Class<?> type) {
    return type == int.class ? Integer.class : type == long.class ? Long.class
        : type == double.class ? Double.class : type;
  }
}
