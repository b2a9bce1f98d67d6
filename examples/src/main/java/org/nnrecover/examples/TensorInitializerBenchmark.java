package org.nnrecover.examples;

import java.util.concurrent.TimeUnit;
import org.nnrecover.activations.SquaredRelu;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProfile;
import org.nnrecover.api.Network;
import org.nnrecover.api.Samples;
import org.nnrecover.core.data.SampleGenerator;
import org.nnrecover.core.data.Seeds;
import org.nnrecover.core.data.TeacherKind;
import org.nnrecover.core.data.Teachers;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.theory.ActivationProfiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the whole tensor initializer with its default parameters (squared ReLU, kappa 2, seed 1) on
 * the same samples every call, once the JIT has compiled it: what a sweep, which runs its cells in
 * one JVM, pays per initialization. A single `nnrecover run` in a fresh JVM pays the compilation on
 * top (TensorInitBenchmark {@code repeat} shows both). Run it with the command in BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx8g"})
public class TensorInitializerBenchmark {
  /** d x n x k. */
  @Param({"100x100000x10", "50x100000x40"})
  public String shape;

  @Param({"2"})
  public int threads;

  private BlockExecutor executor;
  private Samples samples;
  private ActivationProfile profile;
  private int k;

  /** The teacher and samples of seed 1, as `nnrecover run --seed 1` makes them. */
  @Setup(Level.Trial)
  public void setUp() {
    String[] parts = shape.split("x");
    int d = Integer.parseInt(parts[0]);
    int n = Integer.parseInt(parts[1]);
    k = Integer.parseInt(parts[2]);
    executor = new BlockExecutor(threads);
    Activation phi = Activations.defaults(new SquaredRelu());
    Network teacher = Teachers.make(TeacherKind.RANDOM, d, k, 2, Seeds.stream(1, Seeds.TEACHER));
    samples = SampleGenerator.generate(teacher, phi, n, 0, 1, executor);
    profile = ActivationProfiles.of(phi);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    executor.close();
  }

  /** One initialization from the same seed: the same network every call. */
  @Benchmark
  public Network initialize() {
    return TensorInitBenchmark.defaultMethod().initialize(
        new TensorInitBenchmark.Context(samples, k, profile, 1, executor));
  }
}
