package org.nnrecover.api;

import java.util.List;

/**
 * The one shape every plugin has. The class that {@link java.util.ServiceLoader} instantiates is a
 * stateless provider: it names the plugin, declares its parameters and makes a fresh working object
 * per run from validated parameters.
 *
 * <p>Implementations need a public no-argument constructor and must be listed in
 * {@code META-INF/services/} under the kind's service interface (for example
 * {@code org.nnrecover.api.ActivationProvider}).
 *
 * @param <T> the working object this provider makes
 * @since 1.0
 */
public interface PluginProvider<T> {

  /** Stable, unique, lowercase kebab-case name, e.g. {@code squared-relu}. */
  String name();

  /** One line saying what the plugin is. */
  String summary();

  /**
   * Makes a fresh working object.
   *
   * @param params values for exactly the parameters of {@link #parameters()}, already validated
   */
  T create(Params params);

  /** The parameters this plugin accepts; none by default. */
  default List<ParamSpec> parameters() {
    return List.of();
  }
}
