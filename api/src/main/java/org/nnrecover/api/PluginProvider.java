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

  /**
   * Checks the rules that tie several parameters together (for example that one constant exceeds
   * another), which a single {@link ParamSpec} cannot state. The core calls it when it resolves a
   * spec, before any data are made or any run starts (a sweep checks every cell first), with values
   * that each passed their own {@link ParamSpec}. Throw an {@link IllegalArgumentException} naming
   * the parameters ({@code plugin.parameter}) and what is allowed: the spec is then refused with
   * that message (exit code 2 on the command line). The default accepts every combination.
   *
   * @param params the resolved values of {@link #parameters()}
   * @since 1.1
   */
  default void validate(Params params) {}
}
