package org.nnrecover.cli;

import java.util.List;
import java.util.Map;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.Params;
import org.nnrecover.api.PluginKind;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.theory.ActivationProfiles;

/**
 * An activation chosen on the command line, made with its --set parameters, and its profile.
 *
 * @param name plugin name
 * @param activation the working activation
 * @param profile its numerically derived profile
 */
record ActivationChoice(String name, Activation activation, ActivationProfiles.Profile profile) {

  /** Resolves {@code name} (with the settings given for it) in the registry. */
  static ActivationChoice of(PluginRegistry registry, String name,
      Map<String, Map<String, String>> settings) {
    Params params = registry.resolveParams(PluginKind.ACTIVATION, name,
        settings.getOrDefault(name, Map.of()));
    Activation activation = registry.provider(PluginKind.ACTIVATION, name,
        ActivationProvider.class).create(params);
    return new ActivationChoice(name, activation, ActivationProfiles.of(params, activation));
  }

  /**
   * Refuses settings for plugins other than the activations analyzed: they would be ignored.
   *
   * @throws IllegalArgumentException naming the settings and what is analyzed
   */
  static void checkSettingsOnlyFor(Map<String, Map<String, String>> settings,
      List<String> activations) {
    List<String> ignored = settings.keySet().stream()
        .filter(name -> !activations.contains(name)).toList();
    if (!ignored.isEmpty()) {
      throw new IllegalArgumentException("--set for " + String.join(", ", ignored) + ", which "
          + "is not analyzed here (activations: " + String.join(", ", activations) + "): it "
          + "would be ignored; --set takes parameters of these activations only");
    }
  }

  /** The names asked for: a comma-separated list, or {@code all} for every activation. */
  static List<String> names(PluginRegistry registry, List<String> asked) {
    if (asked.size() == 1 && asked.get(0).equals("all")) {
      return registry.entries(PluginKind.ACTIVATION).stream().map(e -> e.name()).toList();
    }
    return asked;
  }
}
