package org.nnrecover.core.plugin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Opens core's test helper {@link TestJars} (package-private) to the spark module's tests. */
public final class PluginJarsForTests {
  private PluginJarsForTests() {}

  /** Compiles sources (class name -> text) into {@code classes}. */
  public static void compile(Map<String, String> sources, Path classes) throws IOException {
    TestJars.compile(sources, classes);
  }

  /** A jar of {@code classes} with service files and a manifest API version. */
  public static Path jar(Path jar, Path classes, Map<String, String> services, String apiVersion)
      throws IOException {
    return TestJars.jar(jar, classes, services, apiVersion);
  }
}
