package org.nnrecover.core.plugin;

import org.nnrecover.api.PluginKind;
import org.nnrecover.api.PluginProvider;

/**
 * One discovered plugin.
 *
 * @param kind its kind
 * @param provider the provider instance
 * @param source where it came from: {@code built-in} or the jar's path
 * @param version the plugin's version: nnrecover's own for the built-in plugins, the
 *     {@code Implementation-Version} of its jar's manifest for a jar plugin, or
 *     {@link #UNSTATED_VERSION} when the jar states none
 */
public record PluginEntry(PluginKind kind, PluginProvider<?> provider, String source,
    String version) {
  /** The version of the built-in plugins: the core's (they are built and shipped with it). */
  public static final String BUILT_IN_VERSION = coreVersion();
  /** The version recorded for a jar whose manifest has no {@code Implementation-Version}. */
  public static final String UNSTATED_VERSION = "not stated in the jar's manifest";

  /** An entry with the built-in plugins' version (for plugins registered in code, e.g. tests). */
  public PluginEntry(PluginKind kind, PluginProvider<?> provider, String source) {
    this(kind, provider, source, BUILT_IN_VERSION);
  }

  /** The core's version from its jar manifest, {@code dev} when run from classes (tests). */
  public static String coreVersion() {
    String version = PluginEntry.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** The plugin's name. */
  public String name() {
    return provider.name();
  }
}
