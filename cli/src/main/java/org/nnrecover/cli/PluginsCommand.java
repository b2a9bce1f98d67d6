package org.nnrecover.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.PluginKind;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.optim.StopRules;
import org.nnrecover.core.plugin.PluginEntry;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.plugin.SkippedPlugin;
import org.nnrecover.core.run.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nnrecover plugins}: every plugin by kind, with its parameters and defaults. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
    description = "List every plugin by kind with its parameters, defaults and allowed values "
        + "(and the jar it came from, for plugins loaded with --plugins), the run options (set "
        + "with --set run.OPTION=VALUE), the stop rules every optimizer shares (--set "
        + "stop.RULE=VALUE), and the plugin jars or providers that were skipped.")
final class PluginsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Mixin FormatOption output;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    OutputFormat outputFormat = output.chosen();
    PluginRegistry registry = common.registry();
    PrintWriter out = command.commandLine().getOut();
    if (outputFormat == OutputFormat.JSON) {
      out.println(Json.pretty(describe(registry)));
      return 0;
    }
    for (PluginKind kind : PluginKind.values()) {
      out.println(kind.id() + "s:");
      for (PluginEntry entry : registry.entries(kind)) {
        out.println("  " + entry.name() + " - " + entry.provider().summary()
            + (entry.source().equals(PluginRegistry.BUILT_IN) ? "" : "  [from " + entry.source() + "]"));
        printParameters(out, registry.parameters(entry));
      }
      out.println();
    }
    out.println("run options (--set run.OPTION=VALUE):");
    printParameters(out, RunOptions.PARAMETERS);
    out.println();
    out.println("stop rules of every optimizer (--set stop.RULE=VALUE; OPTIMIZER.RULE, e.g. "
        + "gd.max-iterations, sets it for runs of that optimizer):");
    printParameters(out, StopRules.PARAMETERS);
    if (!registry.skipped().isEmpty()) {
      out.println();
      out.println("skipped (not loaded):");
      for (SkippedPlugin skipped : registry.skipped()) {
        out.println("  " + skipped);
      }
    }
    return 0;
  }

  private static void printParameters(PrintWriter out, List<ParamSpec> specs) {
    if (specs.isEmpty()) {
      return;
    }
    TextTable table = new TextTable("      parameter", "default", "allowed", "meaning");
    for (ParamSpec p : specs) {
      table.add("      " + p.name(), p.defaultValue(), p.allowed(), p.description());
    }
    table.print(out);
  }

  /** The JSON form: kind id -> list of plugins, plus the run options and the stop rules. */
  static Map<String, Object> describe(PluginRegistry registry) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (PluginKind kind : PluginKind.values()) {
      List<Map<String, Object>> plugins = new ArrayList<>();
      for (PluginEntry entry : registry.entries(kind)) {
        Map<String, Object> plugin = new LinkedHashMap<>();
        plugin.put("name", entry.name());
        plugin.put("summary", entry.provider().summary());
        plugin.put("source", entry.source());
        List<Map<String, Object>> parameters = parameters(registry.parameters(entry));
        if (kind == PluginKind.OPTIMIZER) {
          // listed here since 1.0: OPTIMIZER.RULE is still accepted, as an alias of stop.RULE
          for (Map<String, Object> rule : parameters(StopRules.PARAMETERS)) {
            rule.put("alias", StopRules.NAMESPACE + "." + rule.get("name"));
            parameters.add(rule);
          }
        }
        plugin.put("parameters", parameters);
        plugins.add(plugin);
      }
      result.put(kind.id(), plugins);
    }
    result.put(RunOptions.NAMESPACE, parameters(RunOptions.PARAMETERS));
    result.put(StopRules.NAMESPACE, parameters(StopRules.PARAMETERS));
    List<Map<String, Object>> skipped = new ArrayList<>();
    for (SkippedPlugin s : registry.skipped()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", s.source());
      m.put("problem", s.problem());
      skipped.add(m);
    }
    result.put("skipped", skipped);
    return result;
  }

  private static List<Map<String, Object>> parameters(List<ParamSpec> specs) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ParamSpec p : specs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", p.name());
      m.put("type", p.type().name().toLowerCase(java.util.Locale.ROOT));
      m.put("default", p.defaultValue());
      m.put("allowed", p.allowed());
      m.put("description", p.description());
      list.add(m);
    }
    return list;
  }
}
