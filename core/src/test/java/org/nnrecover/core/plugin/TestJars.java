package org.nnrecover.core.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds real plugin jars for tests: compiles Java sources against the test class path. */
public final class TestJars {
  private TestJars() {}

  /**
   * Compiles {@code sources} (fully qualified class name -> source text) into {@code classes}.
   *
   * @throws AssertionError with the compiler's output when compilation fails
   */
  public static void compile(Map<String, String> sources, Path classes) throws IOException {
    Path src = Files.createTempDirectory(classes.getParent(), "src");
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
        System.getProperty("java.class.path"), "--release", "17", "-proc:none"));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int code = compiler.run(null, log, log, args.toArray(String[]::new));
    if (code != 0) {
      throw new AssertionError("compilation failed:\n" + log.toString(StandardCharsets.UTF_8));
    }
  }

  /**
   * Writes a jar holding every file under {@code classes}, the given service files (service
   * interface name -> lines) and a manifest with the given API version (none when null).
   */
  public static Path jar(Path jar, Path classes, Map<String, String> services, String apiVersion)
      throws IOException {
    return jar(jar, classes, services, apiVersion, null);
  }

  /** {@link #jar(Path, Path, Map, String)} whose manifest also states an Implementation-Version. */
  public static Path jar(Path jar, Path classes, Map<String, String> services, String apiVersion,
      String implementationVersion) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (apiVersion != null) {
      manifest.getMainAttributes().putValue("Nnrecover-Api-Version", apiVersion);
    }
    if (implementationVersion != null) {
      manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION,
          implementationVersion);
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
      for (Map.Entry<String, String> service : services.entrySet()) {
        out.putNextEntry(new JarEntry("META-INF/services/" + service.getKey()));
        out.write(service.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }
}
