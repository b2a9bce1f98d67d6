package org.nnrecover.core.theory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.Params;

/** Test access to the built-in activation plugins by name (test scope only). */
final class Activations {
  private Activations() {}

  static Map<String, Activation> all() {
    Map<String, Activation> result = new LinkedHashMap<>();
    for (ActivationProvider p : ServiceLoader.load(ActivationProvider.class)) {
      result.put(p.name(), p.create(Params.defaults(p.name(), p.parameters())));
    }
    return result;
  }

  static Activation named(String name) {
    Activation a = all().get(name);
    if (a == null) {
      throw new IllegalArgumentException("no activation " + name);
    }
    return a;
  }
}
