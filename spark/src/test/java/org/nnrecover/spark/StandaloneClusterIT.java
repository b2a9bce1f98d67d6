package org.nnrecover.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.core.ablation.AblationRunner;
import org.nnrecover.core.ablation.ProgressListener;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.run.SpecSchema;
import org.nnrecover.core.run.Runner;
import org.nnrecover.core.store.ResultStore;

/**
 * A real standalone Spark cluster on 127.0.0.1, started from the module's own Maven artifacts
 * (target/spark-home/jars, filled by the dependency plugin): a Master and two Workers (one core
 * each) as separate JVMs, and the driver as a separate JVM running the packaged jar, as
 * spark-submit would. One Worker is killed (with its executor) while the sweep runs; every run must
 * still be recorded exactly once, every line equal to the local ablate's, timing aside. Then a
 * small distributed recovery runs on the Worker left, and its record must equal the local run's.
 */
class StandaloneClusterIT {
  /** Generous: under load from other builds an executor took 35 s to start here. */
  private static final long STARTUP_SECONDS = 180;
  private static final long SWEEP_SECONDS = 240;
  /** 3 initializer settings x 4 seeds; each run takes about a second. */
  private static final String SWEEP = """
      name: cluster-test
      seeds: 1..4
      fixed:
        activation: squared-relu
        optimizer: gd
        d: 8
        k: 3
        n: 6000
        gd.step: 0.02
        gd.max-iterations: 600
        run.trace-every: 50
      axes:
        - zip:
            initializer: [tensor, random, random]
            random.v: [random, random, oracle]
      """;

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopEverything() {
    for (Process process : processes) {
      process.descendants().forEach(ProcessHandle::destroyForcibly); // executors
      process.destroyForcibly();
    }
    for (Process process : processes) {
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void aSweepOnTwoWorkersLosesNothingWhenOneDiesAndMatchesTheLocalRecords() throws Exception {
    Path sparkHome = Path.of(System.getProperty("nnrecover.spark.home"));
    Path jar = Path.of(System.getProperty("nnrecover.spark.jar"));
    assertTrue(Files.isRegularFile(jar), "package the module first: " + jar);
    Path sweepFile = Files.writeString(dir.resolve("sweep.yaml"), SWEEP);

    int masterPort = freePort();
    String master = "spark://127.0.0.1:" + masterPort;
    Process masterProcess = start("master", sparkHome, List.of(
        "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
        String.valueOf(masterPort), "--webui-port", String.valueOf(freePort())));
    await("the Master to listen on " + master, () -> listening(masterPort), masterProcess);
    List<Process> workers = new ArrayList<>();
    for (int w = 1; w <= 2; w++) {
      workers.add(start("worker" + w, sparkHome, List.of(
          "org.apache.spark.deploy.worker.Worker", master, "--host", "127.0.0.1",
          "--webui-port", String.valueOf(freePort()), "--cores", "1", "--memory", "1g",
          "--work-dir", Files.createDirectories(dir.resolve("work" + w)).toString())));
    }
    await("two Workers to register", () -> count(log("master"), "Registering worker") == 2,
        masterProcess);

    // the local path, in this JVM: the reference records
    Path local = dir.resolve("local");
    try (ResultStore store = ResultStore.open(local, false)) {
      new AblationRunner(PluginRegistry.discover(getClass().getClassLoader()), 2)
          .run(SparkSweepTest.parse(SWEEP, PluginRegistry.discover(getClass().getClassLoader())),
              store, ProgressListener.NONE);
    }

    Path out = dir.resolve("cluster");
    Process driver = start("driver", sparkHome, List.of("-Dspark.ui.enabled=false",
        "-Dspark.executor.memory=512m", "org.nnrecover.spark.Main", "ablate",
        sweepFile.toString(), "--out", out.toString(), "--master", master), jar);
    Path runs = out.resolve(ResultStore.RUNS_FILE);
    await("the first record", () -> lines(runs) >= 1, driver);
    int before = lines(runs);
    Process victim = workers.get(0);
    victim.descendants().forEach(ProcessHandle::destroyForcibly);
    victim.destroyForcibly();
    if (!driver.waitFor(SWEEP_SECONDS, TimeUnit.SECONDS)) {
      fail("the driver did not finish in " + SWEEP_SECONDS + " s" + diagnostics());
    }
    assertEquals(0, driver.exitValue(), "driver failed" + diagnostics());
    assertTrue(before < 12, "the Worker was killed after the sweep had ended; " + before);
    List<String> cluster = RecordLines.of(out);
    assertEquals(12, cluster.size(), "every run recorded once" + diagnostics());
    assertEquals(RecordLines.of(local), cluster);
    assertTrue(log("driver").contains("done: 12 runs"), log("driver"));

    // a small distributed recovery on the Worker left: the record of the local runner
    Process recovery = start("recovery", sparkHome, List.of("-Dspark.ui.enabled=false",
        "-Dspark.executor.memory=512m", "org.nnrecover.spark.Main", "run", "--distributed",
        "--master", master, "--threads", "2", "--seed", "7", "activation=squared-relu",
        "initializer=random", "random.v=oracle", "random.scale=0.3", "d=20", "k=3", "n=20000",
        "gd.max-iterations=20"), jar);
    if (!recovery.waitFor(SWEEP_SECONDS, TimeUnit.SECONDS)) {
      fail("the distributed recovery did not finish in " + SWEEP_SECONDS + " s" + diagnostics());
    }
    assertEquals(0, recovery.exitValue(), "distributed recovery failed" + diagnostics());
    Matcher printed = Pattern.compile("(?ms)^\\{$.*^\\}$").matcher(log("recovery"));
    assertTrue(printed.find(), log("recovery"));
    RunRecord reference;
    try (BlockExecutor executor = new BlockExecutor(2)) {
      reference = new Runner(PluginRegistry.discover(getClass().getClassLoader()), executor)
          .run(SpecSchema.bind(Map.of("activation", "squared-relu", "initializer", "random",
              "d", 20, "k", 3, "n", 20000, "seed", 7L), Map.of("gd", Map.of("max-iterations", "20"),
                  "random", Map.of("v", "oracle", "scale", "0.3"))));
    }
    assertEquals(20, reference.iterations(), reference.message());
    assertEquals(RecordLines.withoutTiming(Json.compact(reference)),
        RecordLines.withoutTiming(Json.compact(Json.mapper().readTree(printed.group()))));
  }

  private Process start(String name, Path sparkHome, List<String> args) throws IOException {
    return start(name, sparkHome, args, null);
  }

  /** A JVM with Spark's jars (and {@code jar} first when given), logging to DIR/NAME.log. */
  private Process start(String name, Path sparkHome, List<String> args, Path jar)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
        (jar == null ? "" : jar + java.io.File.pathSeparator) + sparkHome.resolve("jars") + "/*"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private void await(String what, BooleanSupplier condition, Process mustLive)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_SECONDS);
    while (!condition.getAsBoolean()) {
      if (!mustLive.isAlive()) {
        fail("a process ended while waiting for " + what + diagnostics());
      }
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what + diagnostics());
      }
      Thread.sleep(200);
    }
  }

  /** The logs of every JVM and of every executor the Workers launched (their stderr). */
  private String diagnostics() {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".log")
          || f.getFileName().toString().equals("stderr")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        text.append("\n--- ").append(file).append(" (last 40 lines)\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40),
                lines.size())));
      }
    } catch (IOException e) {
      text.append("\n(cannot read the logs: ").append(e).append(')');
    }
    return text.toString();
  }

  private String log(String name) {
    try {
      return Files.readString(dir.resolve(name + ".log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int count(String text, String what) {
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }

  private static int lines(Path file) {
    try {
      return Files.exists(file) ? (int) Files.readString(file).chars().filter(c -> c == '\n')
          .count() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
