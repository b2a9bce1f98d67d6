package org.nnrecover.core.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;

/**
 * The class loader of one plugin jar. Classes are looked up parent first, so the jar shares the API
 * classes with nnrecover; service files ({@code META-INF/services/...}) are looked up in the jar
 * alone, so a {@link java.util.ServiceLoader} on this loader finds exactly the jar's providers and
 * not the built-in ones a second time.
 */
final class PluginClassLoader extends URLClassLoader {
  private static final String SERVICES = "META-INF/services/";

  static {
    registerAsParallelCapable();
  }

  PluginClassLoader(URL jar, ClassLoader parent) {
    super("plugin:" + jar, new URL[] {jar}, parent);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return name.startsWith(SERVICES) ? findResources(name) : super.getResources(name);
  }
}
