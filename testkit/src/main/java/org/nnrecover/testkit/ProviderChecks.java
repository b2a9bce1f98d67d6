package org.nnrecover.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.nnrecover.api.Names;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.api.PluginProvider;

/** The checks every kind of provider must pass: a proper name, a summary, valid parameters. */
final class ProviderChecks {
  private ProviderChecks() {}

  static void describesItself(PluginProvider<?> provider) {
    String name = provider.name();
    assertNotNull(name, "name() must not be null");
    assertTrue(Names.isKebabCase(name),
        "name '" + name + "' must be lowercase kebab-case, e.g. my-relu");
    assertNotNull(provider.summary(), name + ": summary() must not be null");
    assertFalse(provider.summary().isBlank(), name + ": summary() must say what the plugin is");
    Set<String> seen = new HashSet<>();
    for (ParamSpec spec : provider.parameters()) {
      assertTrue(seen.add(spec.name()), name + " declares parameter '" + spec.name() + "' twice");
      assertFalse(spec.description().isBlank(), name + "." + spec.name() + " needs a description");
      assertDoesNotThrow(() -> spec.parse(name, spec.defaultValue()),
          name + "." + spec.name() + ": the default '" + spec.defaultValue()
              + "' must itself be allowed (" + spec.allowed() + ")");
    }
    Params defaults = assertDoesNotThrow(() -> Params.defaults(name, provider.parameters()));
    assertDoesNotThrow(() -> provider.validate(defaults),
        name + ": validate() must accept the parameters' own defaults");
  }
}
