package org.nnrecover.core.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
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
 * @param stop the stop rules' values ({@code stop.*} and the optimizer's aliases, defaults filled
 *     in)
 */
public record ResolvedSpec(RunSpec spec, PluginEntry activation, PluginEntry initializer,
    PluginEntry optimizer, Map<String, Params> params, RunOptions options, TeacherKind teacher,
    Params stop) {

  /**
   * The parameter values as a run record keeps them: by plugin (and {@code run}), the stop rules
   * under the optimizer's name as since nnrecover 1.0 (so stored records keep their layout and
   * re-run bit for bit).
   */
  public Map<String, Map<String, Object>> recordedParams() {
    Map<String, Map<String, Object>> recorded = new TreeMap<>();
    params.forEach((name, p) -> recorded.put(name, p.asMap()));
    Map<String, Object> withRules = new LinkedHashMap<>(recorded.get(optimizer.name()));
    withRules.putAll(stop.asMap());
    recorded.put(optimizer.name(), Collections.unmodifiableMap(withRules));
    return recorded;
  }

  /** The resolved parameters of a plugin involved in the run. */
  public Params paramsOf(String plugin) {
    Params p = params.get(plugin);
    if (p == null) {
      throw new IllegalArgumentException("plugin '" + plugin + "' is not part of this run");
    }
    return p;
  }
}
