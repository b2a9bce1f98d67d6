package org.nnrecover.examples;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nnrecover.api.SampleKernels;
import org.nnrecover.api.Samples;
import org.nnrecover.core.objective.TiledKernels;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.initializers.tensor.Moments;
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
 * JMH: the plugins' block kernels (API 1.2 {@link SampleKernels}), the core's SIMD tiles against
 * the api's plain loops. {@code project} and {@code scatter}: one call on a whole block of 2048
 * rows, one thread (2 rows d m flops each). {@code secondMomentPass}: one variance-reduced
 * {@code P2_hat U} product of the tensor initializer (squared ReLU, b = k + 8 columns, all samples
 * of {@link BenchmarkProblem}), which is one projection and one scatter per block. Run it with the
 * command in BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx12g"})
public class SampleKernelsBenchmark {
  /** The block kernels on one block: d x m. */
  @State(Scope.Benchmark)
  public static class Block {
    @Param({"100x18", "1600x18", "50x48", "10x13"})
    public String shape;

    @Param({"tiled", "plain"})
    public String kernel;

    SampleKernels kernels;
    int d;
    int m;
    double[] x;
    double[] u;
    double[] z;
    double[] g;

    /** Gaussian block, directions and coefficients, seed 1. */
    @Setup(Level.Trial)
    public void setUp() {
      String[] parts = shape.split("x");
      d = Integer.parseInt(parts[0]);
      m = Integer.parseInt(parts[1]);
      kernels = kernel.equals("tiled") ? TiledKernels.INSTANCE : SampleKernels.plain();
      SplittableRandom random = new SplittableRandom(1);
      x = gaussian(random, Samples.BLOCK_ROWS * d);
      u = gaussian(random, d * m);
      z = gaussian(random, Samples.BLOCK_ROWS * m);
      g = new double[d * m];
    }
  }

  /** One P2_hat U product over n samples: n x d x k, block b = k + 8. */
  @State(Scope.Benchmark)
  public static class Pass {
    @Param({"100000x100x10", "50000x1600x10", "100000x50x40"})
    public String shape;

    @Param({"tiled", "plain"})
    public String kernel;

    @Param({"2"})
    public int threads;

    BlockExecutor executor;
    Moments.SecondMomentOperator p2;
    double[] u;
    int b;

    /** Samples of {@link BenchmarkProblem}, the initializer's variance-reduced labels. */
    @Setup(Level.Trial)
    public void setUp() {
      String[] parts = shape.split("x");
      int n = Integer.parseInt(parts[0]);
      int d = Integer.parseInt(parts[1]);
      int k = Integer.parseInt(parts[2]);
      executor = new BlockExecutor(threads);
      Moments moments = new Moments(BenchmarkProblem.of(n, d, k).samples(), executor,
          kernel.equals("tiled") ? TiledKernels.INSTANCE : SampleKernels.plain());
      int[] rows = new int[n];
      java.util.Arrays.setAll(rows, j -> j);
      double[] first = moments.firstMoments(rows);
      Moments.Labels labels = new Moments.Labels(first[0],
          java.util.Arrays.copyOfRange(first, 1, d + 1));
      p2 = moments.secondMoment(rows, labels, 0, null);
      b = Math.min(d, k + 8);
      u = gaussian(new SplittableRandom(2), d * b);
    }

    /** Releases the worker threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
      executor.close();
    }
  }

  private static double[] gaussian(SplittableRandom random, int length) {
    double[] a = new double[length];
    for (int i = 0; i < length; i++) {
      a[i] = random.nextGaussian();
    }
    return a;
  }

  /** Z = X U for one block. */
  @Benchmark
  public double[] project(Block s) {
    s.kernels.project(s.x, 0, Samples.BLOCK_ROWS, s.d, s.u, s.m, s.z, 0);
    return s.z;
  }

  /** G += Z^T X for one block. */
  @Benchmark
  public double[] scatter(Block s) {
    s.kernels.scatter(s.x, 0, Samples.BLOCK_ROWS, s.d, s.z, 0, s.m, s.g);
    return s.g;
  }

  /** One P2_hat U product. */
  @Benchmark
  public double[] secondMomentPass(Pass s) {
    return s.p2.apply(s.u, s.b);
  }
}
