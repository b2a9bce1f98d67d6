package org.nnrecover.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.nnrecover.core.plugin.PluginJars;
import org.nnrecover.core.plugin.PluginRegistry;
import picocli.CommandLine.Option;

/** Options every command shares: the master, plugin folders, debugging; and the Spark context. */
final class SparkOptions {
  /** Environment variable naming plugin folders, as for {@code nnrecover}. */
  static final String PLUGINS_ENV = "NNRECOVER_PLUGINS";
  /** The master when neither --master nor spark-submit gives one. */
  static final String DEFAULT_MASTER = "local[2]";
  private static final int CONNECT_TIMEOUT_MILLIS = 3000;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master: local[N], spark://HOST:PORT, yarn, k8s://... (default: the "
          + "one spark-submit sets, else " + DEFAULT_MASTER + ")")
  String master;

  @Option(names = "--plugins", paramLabel = "DIR",
      description = "a folder of plugin jars (or one jar), loaded on the driver to validate the "
          + "sweep and shipped to every executor (repeatable; also read from " + PLUGINS_ENV
          + ")")
  List<Path> pluginPaths = new ArrayList<>();

  @Option(names = "--debug", description = "print stack traces of errors")
  boolean debug;

  /** The plugin folders: those of NNRECOVER_PLUGINS, then --plugins. */
  List<Path> pluginPaths() {
    List<Path> paths = PluginJars.pathList(System.getenv(PLUGINS_ENV));
    paths.addAll(pluginPaths);
    return paths;
  }

  /** The plugin jars to ship, folders expanded. */
  List<Path> pluginJars() {
    List<Path> jars = new ArrayList<>();
    pluginPaths().forEach(path -> jars.addAll(PluginJars.jarsIn(path)));
    return jars;
  }

  /**
   * The driver's registry: the built-in plugins, jars given to spark-submit with --jars (on the
   * context class path) and the plugin folders.
   */
  PluginRegistry registry() {
    return PluginRegistry.discover(Thread.currentThread().getContextClassLoader(), pluginPaths());
  }

  /**
   * Starts the Spark context, after checking that a standalone master answers (Spark itself would
   * retry for a minute and then print a stack trace).
   *
   * @throws IllegalArgumentException for an unreachable master or a master URL Spark refuses
   */
  JavaSparkContext start(String appName) {
    SparkConf conf = new SparkConf().setAppName(appName).setMaster(master());
    String commit = System.getProperty("nnrecover.commit");
    if (commit != null && !commit.isEmpty() && !conf.contains("spark.executor.extraJavaOptions")) {
      // the commit is part of every record's provenance: executors must report the driver's
      conf.set("spark.executor.extraJavaOptions", "-Dnnrecover.commit=" + commit);
    }
    String ownJar = ownJar();
    if (ownJar != null && !conf.get("spark.jars", "").contains(ownJar)) {
      // started with plain java (the launcher), not spark-submit: executors load nnrecover's
      // classes only from a jar that the driver serves
      String jars = conf.get("spark.jars", "");
      conf.set("spark.jars", jars.isEmpty() ? ownJar : jars + "," + ownJar);
    }
    checkReachable(master());
    try {
      return new JavaSparkContext(conf);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot start Spark with master '"
          + conf.get("spark.master") + "': " + e.getMessage(), e);
    }
  }

  /** The jar this class was loaded from, or null when it was not loaded from a jar (tests). */
  private static String ownJar() {
    try {
      Path location = Path.of(SparkOptions.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      return location.toString().endsWith(".jar") ? location.toString() : null;
    } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
      return null;
    }
  }

  /** The master URL: --master, else the one spark-submit set, else {@value #DEFAULT_MASTER}. */
  String master() {
    return master != null ? master : new SparkConf().get("spark.master", DEFAULT_MASTER);
  }

  /**
   * Fails fast when no master of a {@code spark://} URL accepts a connection.
   *
   * @throws IllegalArgumentException saying which master could not be reached
   */
  static void checkReachable(String master) {
    String prefix = "spark://";
    if (!master.startsWith(prefix)) {
      return;
    }
    IOException last = null;
    for (String hostPort : master.substring(prefix.length()).split(",")) {
      int colon = hostPort.lastIndexOf(':');
      if (colon < 1) {
        throw new IllegalArgumentException("master URL " + master + " has no port: expected "
            + "spark://HOST:PORT (7077 by default)");
      }
      int port;
      try {
        port = Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("master URL " + master + " has a bad port '"
            + hostPort.substring(colon + 1) + "': expected spark://HOST:PORT");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(hostPort.substring(0, colon), port),
            CONNECT_TIMEOUT_MILLIS);
        return;
      } catch (IOException e) {
        last = e;
      }
    }
    throw new IllegalArgumentException("cannot reach the Spark master " + master + " ("
        + last.getMessage() + "); is it running? Its log says 'Starting Spark master at "
        + "spark://HOST:PORT'");
  }
}
