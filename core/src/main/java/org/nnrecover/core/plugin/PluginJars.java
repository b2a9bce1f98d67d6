package org.nnrecover.core.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nnrecover.api.ApiVersion;
import org.nnrecover.api.Names;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.api.PluginKind;
import org.nnrecover.api.PluginProvider;
import org.nnrecover.core.io.IoErrors;
import org.nnrecover.core.optim.StopRules;
import org.nnrecover.core.run.RunOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads third-party plugin jars into a registry. Each jar gets its own {@link PluginClassLoader}
 * (parent: nnrecover's loader) and is searched with {@link ServiceLoader} for every plugin kind.
 *
 * <p>A jar is refused as a whole when it is not a readable jar or when its manifest does not declare
 * a compatible {@value ApiVersion#MANIFEST_ATTRIBUTE}; single providers are refused when their class
 * is missing, is not a provider of the kind, cannot be instantiated, reports an invalid name or
 * parameters, or takes a name that is already registered. Every refusal becomes one
 * {@link SkippedPlugin} line and a warning; the rest of the registry is unaffected.
 */
public final class PluginJars {
  private static final Logger LOG = LoggerFactory.getLogger(PluginJars.class);
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

  private PluginJars() {}

  /**
   * Loads every jar the given paths name into {@code builder}: a folder stands for its
   * {@code *.jar} files in name order, a file for itself.
   *
   * @throws IllegalArgumentException when a path does not exist
   */
  public static void load(List<Path> paths, ClassLoader parent, PluginRegistry.Builder builder) {
    for (Path path : paths) {
      for (Path jar : jarsIn(path)) {
        loadJar(jar, parent, builder);
      }
    }
  }

  /**
   * The folders of a path list such as the {@code NNRECOVER_PLUGINS} environment variable
   * (separated by {@link java.io.File#pathSeparator}, blank items skipped; null for none).
   */
  public static List<Path> pathList(String text) {
    List<Path> paths = new java.util.ArrayList<>();
    if (text != null) {
      for (String item : text.split(java.io.File.pathSeparator)) {
        if (!item.isBlank()) {
          paths.add(Path.of(item.trim()));
        }
      }
    }
    return paths;
  }

  /**
   * The jars a plugins path names, in name order.
   *
   * @throws IllegalArgumentException when the path does not exist
   */
  public static List<Path> jarsIn(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("plugins folder '" + path + "' does not exist");
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> files = Files.list(path)) {
      // a *.jar that is not a regular file (a dangling link) is kept, so that it is reported
      return files.filter(f -> f.getFileName().toString().endsWith(".jar") && !Files.isDirectory(f))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw IoErrors.cannot("list plugins folder", path, e);
    }
  }

  private static void loadJar(Path jar, ClassLoader parent, PluginRegistry.Builder builder) {
    String source = jar.toAbsolutePath().normalize().toString();
    String declared;
    String version;
    if (!Files.isRegularFile(jar)) {
      skip(builder, source, Files.isSymbolicLink(jar) ? "a link to a file that does not exist"
          : "not a regular file");
      return;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      declared = manifest == null ? null
          : manifest.getMainAttributes().getValue(ApiVersion.MANIFEST_ATTRIBUTE);
      version = manifest == null ? null
          : manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
    } catch (IOException | SecurityException e) {
      skip(builder, source, "not a readable jar file (" + (e instanceof IOException io
          ? IoErrors.reason(io) : e.getMessage()) + ")");
      return;
    }
    String versionProblem = apiVersionProblem(declared, ApiVersion.CURRENT);
    if (versionProblem != null) {
      skip(builder, source, versionProblem);
      return;
    }
    PluginClassLoader loader;
    try {
      loader = new PluginClassLoader(jar.toUri().toURL(), parent);
    } catch (MalformedURLException e) {
      skip(builder, source, "cannot be opened as a class path entry (" + e.getMessage() + ")");
      return;
    }
    int declaredProviders = loadProviders(loader, source,
        version == null ? PluginEntry.UNSTATED_VERSION : version, builder);
    if (declaredProviders == 0) {
      skip(builder, source, "declares no plugins: it has no META-INF/services/"
          + "org.nnrecover.api.<Kind>Provider file listing provider classes");
    }
  }

  /**
   * Instantiates every provider that {@code loader}'s services files declare and admits those that
   * describe themselves properly; a provider that cannot be instantiated (missing class, wrong type,
   * throwing constructor) or is malformed is skipped with a one-line reason, and the others are
   * still loaded. Used alike for the built-in plugins and for each jar.
   *
   * @param version the version recorded for these plugins (the jar manifest's
   *     Implementation-Version; nnrecover's own for the built-in ones)
   * @return the number of providers declared, loadable or not
   */
  static int loadProviders(ClassLoader loader, String source, String version,
      PluginRegistry.Builder builder) {
    int declaredProviders = 0;
    for (PluginKind kind : PluginKind.values()) {
      Iterator<? extends PluginProvider<?>> providers =
          ServiceLoader.load(kind.serviceType(), loader).iterator();
      while (true) {
        PluginProvider<?> provider;
        try {
          if (!providers.hasNext()) {
            break;
          }
          provider = providers.next();
        } catch (ServiceConfigurationError | LinkageError e) {
          // the iterator moves past a provider that failed, so the loop goes on with the next one
          declaredProviders++;
          skip(builder, source, kind.id() + " provider: " + describe(e));
          continue;
        }
        declaredProviders++;
        admit(builder, kind, provider, source, version);
      }
    }
    return declaredProviders;
  }

  /** Checks one provider's name and parameters and adds it unless its name is taken. */
  private static void admit(PluginRegistry.Builder builder, PluginKind kind,
      PluginProvider<?> provider, String source, String version) {
    String type = provider.getClass().getName();
    String name;
    try {
      name = provider.name();
      if (!Names.isKebabCase(name)) {
        skip(builder, source, kind.id() + " " + type + " has name '" + name
            + "', expected lowercase kebab-case such as my-relu");
        return;
      }
      if (name.equals(StopRules.NAMESPACE) || name.equals(RunOptions.NAMESPACE)) {
        skip(builder, source, kind.id() + " " + type + " has name '" + name + "', which is "
            + "reserved: settings " + name + ".* belong to the core");
        return;
      }
      Params.defaults(name, provider.parameters());
      if (kind == PluginKind.OPTIMIZER) {
        for (ParamSpec p : provider.parameters()) {
          if (StopRules.isRule(p.name())) {
            // NAME.RULE is the alias of stop.RULE: a parameter of that name would shadow the rule
            skip(builder, source, "optimizer '" + name + "' (" + type + ") declares parameter '"
                + p.name() + "', the name of a stop rule of the core (set as stop." + p.name()
                + ", or " + name + "." + p.name() + "); stop rules apply to every optimizer, so "
                + "rename the plugin's parameter");
            return;
          }
        }
      }
      if (provider.summary() == null) {
        skip(builder, source, kind.id() + " '" + name + "' (" + type + ") has no summary");
        return;
      }
    } catch (RuntimeException | LinkageError e) {
      skip(builder, source, kind.id() + " " + type + " failed to describe itself: " + e);
      return;
    }
    PluginEntry clash = builder.existing(name);
    if (clash != null) {
      skip(builder, source, kind.id() + " '" + name + "' (" + type
          + ") clashes with the " + clash.kind().id() + " of that name from " + clash.source()
          + " ("
          + clash.provider().getClass().getName() + "); rename one of them");
      return;
    }
    builder.add(new PluginEntry(kind, provider, source, version));
    LOG.info("loaded {} '{}' ({}) from {}", kind.id(), name, type, source);
  }

  /**
   * Why a jar declaring plugin API version {@code declared} cannot be loaded by an nnrecover
   * supporting {@code supported}, or null when it can: the majors must be equal and the jar's minor
   * must not be newer.
   */
  static String apiVersionProblem(String declared, String supported) {
    if (declared == null) {
      return "no " + ApiVersion.MANIFEST_ATTRIBUTE + " attribute in its manifest; set it to the "
          + "plugin API version the jar is built against (this nnrecover supports " + supported
          + "), e.g. with maven-jar-plugin <archive><manifestEntries><"
          + ApiVersion.MANIFEST_ATTRIBUTE + ">" + supported + "</" + ApiVersion.MANIFEST_ATTRIBUTE
          + "></manifestEntries></archive> (see docs/plugins.md)";
    }
    Matcher plugin = VERSION.matcher(declared.trim());
    Matcher ours = VERSION.matcher(supported);
    if (!plugin.matches()) {
      return ApiVersion.MANIFEST_ATTRIBUTE + " is '" + declared + "', expected major.minor such as "
          + supported;
    }
    if (!ours.matches()) {
      throw new IllegalStateException("the api jar's own version '" + supported
          + "' is not major.minor");
    }
    int major = Integer.parseInt(plugin.group(1));
    int minor = Integer.parseInt(plugin.group(2));
    if (major != Integer.parseInt(ours.group(1))) {
      return "built for plugin API " + declared.trim() + ", but this nnrecover supports API "
          + supported + " (a different major version); rebuild the plugin against nnrecover-api "
          + supported;
    }
    if (minor > Integer.parseInt(ours.group(2))) {
      return "built for plugin API " + declared.trim() + ", newer than the API " + supported
          + " this nnrecover supports; use a newer nnrecover or build the plugin against API "
          + supported;
    }
    return null;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    // ServiceLoader prefixes its messages with the service interface, which the kind already says
    int colon = message.indexOf(": ");
    if (e instanceof ServiceConfigurationError && colon > 0 && message.startsWith("org.nnrecover")) {
      message = message.substring(colon + 2);
    }
    Throwable cause = e.getCause();
    return cause == null ? message : message + ": " + cause;
  }

  private static void skip(PluginRegistry.Builder builder, String source, String problem) {
    SkippedPlugin skipped = new SkippedPlugin(source, problem);
    builder.skip(skipped);
    LOG.warn("skipped {}", skipped);
  }
}
