package org.nnrecover.core.plugin;

import org.nnrecover.api.PluginKind;
import org.nnrecover.api.PluginProvider;

/**
 * One discovered plugin.
 *
 * @param kind its kind
 * @param provider the provider instance
 * @param source where it came from: {@code built-in} or the jar's path
 */
public record PluginEntry(PluginKind kind, PluginProvider<?> provider, String source) {

  /** The plugin's name. */
  public String name() {
    return provider.name();
  }
}
