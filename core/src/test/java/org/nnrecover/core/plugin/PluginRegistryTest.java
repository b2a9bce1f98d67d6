package org.nnrecover.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.api.PluginKind;
import org.nnrecover.core.NnRecoverException;

class PluginRegistryTest {

  /** A minimal activation provider with one parameter, for registry tests. */
  static final class Fake implements ActivationProvider {
    private final String name;

    Fake(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String summary() {
      return "test activation";
    }

    @Override
    public List<ParamSpec> parameters() {
      return List.of(ParamSpec.ofDouble("slope", 0.01, 0, 1, "slope"));
    }

    @Override
    public Activation create(Params params) {
      throw new UnsupportedOperationException("not needed by these tests");
    }
  }

  private static PluginRegistry registry(String... names) {
    PluginRegistry.Builder builder = new PluginRegistry.Builder();
    for (String name : names) {
      builder.add(new PluginEntry(PluginKind.ACTIVATION, new Fake(name), "test"));
    }
    return builder.build();
  }

  @Test
  void unknownNameSuggestsCloseNamesAndListsAll() {
    PluginRegistry registry = registry("relu", "leaky-relu", "tanh");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> registry.find(PluginKind.ACTIVATION, "rleu"));
    assertTrue(e.getMessage().contains("unknown activation 'rleu'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean relu"), e.getMessage());
    assertTrue(e.getMessage().contains("leaky-relu, relu, tanh"), e.getMessage());
  }

  @Test
  void parametersAreValidatedWithPluginParameterAndRange() {
    PluginRegistry registry = registry("leaky");
    assertEquals(0.2, registry.resolveParams(PluginKind.ACTIVATION, "leaky",
        Map.of("slope", "0.2")).getDouble("slope"));
    assertEquals(0.01, registry.resolveParams(PluginKind.ACTIVATION, "leaky", Map.of())
        .getDouble("slope"));
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> registry.resolveParams(PluginKind.ACTIVATION, "leaky", Map.of("slope", "3")));
    assertEquals("leaky.slope = '3' is not allowed: expected a number in [0, 1]",
        range.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> registry.resolveParams(PluginKind.ACTIVATION, "leaky", Map.of("slop", "3")));
    assertEquals("plugin 'leaky' has no parameter 'slop'; its parameters are: slope",
        unknown.getMessage());
  }

  @Test
  void duplicateNamesNameBothClasses() {
    NnRecoverException e = assertThrows(NnRecoverException.class, () -> registry("relu", "relu"));
    assertTrue(e.getMessage().contains("two activation plugins are named 'relu'"));
    assertTrue(e.getMessage().split(java.util.regex.Pattern.quote(Fake.class.getName()), -1).length == 3, e.getMessage());
  }

  /** Settings are keyed by plugin name alone, so a name may not be reused by another kind. */
  @Test
  void aNameIsUniqueAcrossKinds() {
    PluginRegistry.Builder builder = new PluginRegistry.Builder();
    builder.add(new PluginEntry(PluginKind.ACTIVATION, new Fake("gd"), "test"));
    NnRecoverException e = assertThrows(NnRecoverException.class,
        () -> builder.add(new PluginEntry(PluginKind.INITIALIZER, new Fake("gd"), "jar")));
    assertTrue(e.getMessage().startsWith(
        "two plugins of different kinds (activation and initializer) are named 'gd'"),
        e.getMessage());
  }

  /** A declared default must itself be allowed, or the declaration is refused. */
  @Test
  void aDefaultOutsideItsRangeIsRefusedAtDeclaration() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ParamSpec.ofDouble("step", 2, 0, 1, "step"));
    assertTrue(e.getMessage().contains("step = '2' is not allowed"), e.getMessage());
  }

  @Test
  void builtInActivationsAreDiscoveredOnTheClassPath() {
    PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
    assertEquals(List.of("erf", "leaky-relu", "linear", "quadratic", "relu", "sigmoid",
        "softplus", "squared-relu", "tanh"),
        registry.entries(PluginKind.ACTIVATION).stream().map(PluginEntry::name).toList());
  }

  /** A class-path provider whose name breaks the kebab-case rule that jar plugins obey. */
  public static final class MisnamedProvider implements ActivationProvider {
    @Override
    public String name() {
      return "Bad_Name";
    }

    @Override
    public String summary() {
      return "misnamed";
    }

    @Override
    public Activation create(Params params) {
      throw new UnsupportedOperationException("never created");
    }
  }

  /**
   * A broken provider on nnrecover's own class path (a services file naming a missing class, a
   * misnamed provider) is skipped with a reason like a broken jar; the built-ins still load.
   */
  @Test
  void brokenProvidersOnTheClassPathAreSkippedNotFatal(@TempDir Path dir) throws Exception {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(ActivationProvider.class.getName()),
        "org.example.DoesNotExist\n" + MisnamedProvider.class.getName() + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        getClass().getClassLoader())) {
      PluginRegistry registry = PluginRegistry.discover(loader);
      assertEquals(2, registry.skipped().size(), registry.skipped().toString());
      assertTrue(registry.skipped().get(0).problem().contains("org.example.DoesNotExist"),
          registry.skipped().toString());
      assertTrue(registry.skipped().get(1).problem().contains(
          "has name 'Bad_Name', expected lowercase kebab-case"), registry.skipped().toString());
      assertEquals(PluginRegistry.BUILT_IN, registry.find(PluginKind.ACTIVATION, "relu").source());
    }
  }

  @Test
  void editDistanceIsLevenshtein() {
    assertEquals(3, PluginRegistry.editDistance("kitten", "sitting"));
    assertEquals(0, PluginRegistry.editDistance("relu", "relu"));
    assertEquals(4, PluginRegistry.editDistance("", "tanh"));
  }
}
