package org.nnrecover.core.run;

import java.util.Map;
import org.nnrecover.api.Params;
import org.nnrecover.core.data.TeacherKind;
import org.nnrecover.core.plugin.PluginEntry;

/**
 * A spec whose plugin names, parameters and problem sizes have all been checked.
 *
 * @param spec the spec
 * @param activation the activation plugin
 * @param initializer the initializer plugin
 * @param optimizer the optimizer plugin
 * @param params resolved parameters (defaults filled in) of every plugin involved, and of
 *     {@link RunOptions#NAMESPACE}, keyed by name
 * @param options the run options
 * @param teacher the teacher kind (used when the samples are generated)
 */
public record ResolvedSpec(RunSpec spec, PluginEntry activation, PluginEntry initializer,
    PluginEntry optimizer, Map<String, Params> params, RunOptions options, TeacherKind teacher) {

  /** The resolved parameters of a plugin involved in the run. */
  public Params paramsOf(String plugin) {
    Params p = params.get(plugin);
    if (p == null) {
      throw new IllegalArgumentException("plugin '" + plugin + "' is not part of this run");
    }
    return p;
  }
}
