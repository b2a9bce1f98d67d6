package org.nnrecover.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.ApiVersion;
import org.nnrecover.api.Params;
import org.nnrecover.api.PluginKind;

/** Loads real jars, compiled and packed in a temporary folder, through the registry. */
class PluginJarsTest {
  private static final String ACTIVATIONS = "org.nnrecover.api.ActivationProvider";

  @TempDir static Path dir;
  private static Path classes;

  /** An activation provider class named {@code simpleName} with plugin name {@code name}. */
  private static String activation(String simpleName, String name, String constructorBody) {
    return """
        package test.plugins;
        import org.nnrecover.api.*;
        public final class %s implements ActivationProvider {
          public %s() { %s }
          public String name() { return "%s"; }
          public String summary() { return "z^3 for tests"; }
          public Activation create(Params p) {
            return new Activation() {
              public double value(double z) { return z * z * z; }
              public double derivative(double z) { return 3 * z * z; }
              public double secondDerivative(double z) { return 6 * z; }
            };
          }
        }
        """.formatted(simpleName, simpleName, constructorBody, name);
  }

  @BeforeAll
  static void compileClasses() throws IOException {
    classes = Files.createDirectories(dir.resolve("classes"));
    TestJars.compile(Map.of(
        "test.plugins.Cube", activation("Cube", "cube", ""),
        "test.plugins.Relu", activation("Relu", "relu", ""),
        "test.plugins.Throws", activation("Throws", "throws",
            "throw new IllegalStateException(\"no license file\");"),
        "test.plugins.NotAProvider", "package test.plugins; public final class NotAProvider {}"),
        classes);
  }

  private static Path folder(String name) throws IOException {
    return Files.createDirectories(dir.resolve(name));
  }

  private static PluginRegistry discover(Path... paths) {
    return PluginRegistry.discover(PluginJarsTest.class.getClassLoader(), List.of(paths));
  }

  private static List<String> problems(PluginRegistry registry) {
    return registry.skipped().stream().map(SkippedPlugin::toString).toList();
  }

  @Test
  void aGoodJarJoinsTheRegistryWithItsPathAsSourceAndWorks() throws IOException {
    Path jar = TestJars.jar(folder("good").resolve("cube.jar"), classes,
        Map.of(ACTIVATIONS, "# a comment\ntest.plugins.Cube\n"), ApiVersion.CURRENT);
    PluginRegistry registry = discover(jar.getParent());
    PluginEntry entry = registry.find(PluginKind.ACTIVATION, "cube");
    assertEquals(jar.toAbsolutePath().normalize().toString(), entry.source());
    assertInstanceOf(PluginClassLoader.class, entry.provider().getClass().getClassLoader());
    Activation cube = ((ActivationProvider) entry.provider()).create(Params.defaults("cube",
        List.of()));
    assertEquals(-8.0, cube.value(-2.0));
    assertEquals(12.0, cube.derivative(2.0));
    // the built-ins are still there, once each, and nothing was skipped
    assertEquals(PluginRegistry.BUILT_IN, registry.find(PluginKind.ACTIVATION, "relu").source());
    assertEquals(10, registry.entries(PluginKind.ACTIVATION).size());
    assertEquals(List.of(), registry.skipped());
    // versions: this jar's manifest states none; built-ins carry nnrecover's own
    assertEquals(PluginEntry.UNSTATED_VERSION, entry.version());
    assertEquals(PluginEntry.coreVersion(),
        registry.find(PluginKind.ACTIVATION, "relu").version());
  }

  @Test
  void aJarPluginsVersionIsItsManifestsImplementationVersion() throws IOException {
    Path jar = TestJars.jar(folder("versioned").resolve("cube-2.3.jar"), classes,
        Map.of(ACTIVATIONS, "test.plugins.Cube"), ApiVersion.CURRENT, "2.3");
    assertEquals("2.3", discover(jar).find(PluginKind.ACTIVATION, "cube").version());
  }

  @Test
  void brokenProvidersAreSkippedOneLineEachAndTheRestOfTheJarLoads() throws IOException {
    Path jar = TestJars.jar(folder("broken").resolve("mixed.jar"), classes,
        Map.of(ACTIVATIONS, String.join("\n", "test.plugins.Missing", "test.plugins.NotAProvider",
            "test.plugins.Throws", "test.plugins.Relu", "test.plugins.Cube")),
        ApiVersion.CURRENT);
    PluginRegistry registry = discover(jar);
    String path = jar.toAbsolutePath().normalize().toString();
    assertEquals(List.of(
        path + ": activation provider: Provider test.plugins.Missing not found",
        path + ": activation provider: test.plugins.NotAProvider not a subtype",
        path + ": activation provider: Provider test.plugins.Throws could not be instantiated: "
            + "java.lang.IllegalStateException: no license file",
        path + ": activation 'relu' (test.plugins.Relu) clashes with the activation of that name "
            + "from built-in (org.nnrecover.activations.Relu); rename one of them"),
        problems(registry));
    assertEquals(path, registry.find(PluginKind.ACTIVATION, "cube").source());
    assertEquals(PluginRegistry.BUILT_IN, registry.find(PluginKind.ACTIVATION, "relu").source());
  }

  @Test
  void aNameTakenByAnEarlierJarIsSkippedInTheLaterOne() throws IOException {
    Path folder = folder("twice");
    Path first = TestJars.jar(folder.resolve("a.jar"), classes,
        Map.of(ACTIVATIONS, "test.plugins.Cube"), ApiVersion.CURRENT);
    Path second = TestJars.jar(folder.resolve("b.jar"), classes,
        Map.of(ACTIVATIONS, "test.plugins.Cube"), ApiVersion.CURRENT);
    PluginRegistry registry = discover(folder);
    assertEquals(first.toAbsolutePath().normalize().toString(),
        registry.find(PluginKind.ACTIVATION, "cube").source());
    assertEquals(List.of(second.toAbsolutePath().normalize() + ": activation 'cube' "
        + "(test.plugins.Cube) clashes with the activation of that name from "
        + first.toAbsolutePath().normalize() + " (test.plugins.Cube); rename one of them"),
        problems(registry));
  }

  @Test
  void incompatibleOrMissingApiVersionsRefuseTheWholeJar() throws IOException {
    Path folder = folder("versions");
    Map<String, String> services = Map.of(ACTIVATIONS, "test.plugins.Cube");
    TestJars.jar(folder.resolve("1-major.jar"), classes, services, "2.0");
    TestJars.jar(folder.resolve("2-minor.jar"), classes, services, "1.7");
    TestJars.jar(folder.resolve("3-none.jar"), classes, services, null);
    TestJars.jar(folder.resolve("4-garbled.jar"), classes, services, "one");
    Files.writeString(folder.resolve("5-text.jar"), "this is not a zip file");
    Files.writeString(folder.resolve("README.txt"), "only *.jar files are read");
    PluginRegistry registry = discover(folder);
    List<String> lines = problems(registry);
    assertEquals(5, lines.size(), lines.toString());
    String base = folder.toAbsolutePath().normalize() + "/";
    assertEquals(base + "1-major.jar: built for plugin API 2.0, but this nnrecover supports API "
        + "1.2 (a different major version); rebuild the plugin against nnrecover-api 1.2",
        lines.get(0));
    assertEquals(base + "2-minor.jar: built for plugin API 1.7, newer than the API 1.2 this "
        + "nnrecover supports; use a newer nnrecover or build the plugin against API 1.2",
        lines.get(1));
    assertTrue(lines.get(2).startsWith(base + "3-none.jar: no Nnrecover-Api-Version attribute in "
        + "its manifest; set it to the plugin API version"), lines.get(2));
    assertTrue(lines.get(2).contains("<Nnrecover-Api-Version>1.2</Nnrecover-Api-Version>"));
    assertEquals(base + "4-garbled.jar: Nnrecover-Api-Version is 'one', expected major.minor "
        + "such as 1.2", lines.get(3));
    assertTrue(lines.get(4).startsWith(base + "5-text.jar: not a readable jar file"),
        lines.get(4));
    assertThrows(IllegalArgumentException.class,
        () -> registry.find(PluginKind.ACTIVATION, "cube"));
  }

  @Test
  void aJarWithoutServiceFilesIsReported() throws IOException {
    Path jar = TestJars.jar(folder("empty").resolve("empty.jar"), classes, Map.of(),
        ApiVersion.CURRENT);
    assertEquals(List.of(jar.toAbsolutePath().normalize() + ": declares no plugins: it has no "
        + "META-INF/services/org.nnrecover.api.<Kind>Provider file listing provider classes"),
        problems(discover(jar)));
  }

  @Test
  void aMissingPluginsFolderIsBadInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> discover(dir.resolve("nowhere")));
    assertTrue(e.getMessage().endsWith("nowhere' does not exist"), e.getMessage());
  }

  @Test
  void apiVersionRule() {
    // same major, minor not newer: accepted (plugins built for API 1.0 load in this 1.2)
    assertNull(PluginJars.apiVersionProblem("1.0", ApiVersion.CURRENT));
    assertEquals("1.2", ApiVersion.CURRENT);
    assertNull(PluginJars.apiVersionProblem("1.0", "1.3"));
    assertNull(PluginJars.apiVersionProblem("1.3", "1.3"));
    assertNull(PluginJars.apiVersionProblem(" 1.2 ", "1.3"));
    assertTrue(PluginJars.apiVersionProblem("1.4", "1.3").contains("newer than the API 1.3"));
    assertTrue(PluginJars.apiVersionProblem("0.9", "1.3").contains("a different major version"));
    assertTrue(PluginJars.apiVersionProblem("1", "1.3").contains("expected major.minor"));
  }
}
