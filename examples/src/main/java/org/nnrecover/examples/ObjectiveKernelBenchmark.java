package org.nnrecover.examples;

import java.util.concurrent.TimeUnit;
import org.nnrecover.api.Samples;
import org.nnrecover.core.objective.NetworkObjective;
import org.nnrecover.core.parallel.BlockExecutor;
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
 * JMH: one fused loss + gradient evaluation (loss, grad W, fixed v; squared ReLU) at the issue's
 * shapes, 1 and 2 threads, at 1.01 times the teacher's W (so residuals are not zero). The same
 * computation as {@code benchmarks/objective_numpy.py}. Run it with the command in BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx12g"})
public class ObjectiveKernelBenchmark {
  /** n x d x k. */
  @Param({"200000x100x10", "100000x100x10", "50000x500x20", "1000000x50x5", "20000x1000x50",
      "10000x10x5"})
  public String shape;

  @Param({"1", "2"})
  public int threads;

  private BlockExecutor executor;
  private NetworkObjective objective;
  private double[] point;
  private double[] gradient;

  /** Samples from the random teacher, seed 1, as ObjectiveBenchmark draws them. */
  @Setup(Level.Trial)
  public void setUp() {
    String[] parts = shape.split("x");
    int n = Integer.parseInt(parts[0]);
    int d = Integer.parseInt(parts[1]);
    int k = Integer.parseInt(parts[2]);
    BenchmarkProblem problem = BenchmarkProblem.of(n, d, k);
    executor = new BlockExecutor(threads);
    objective = new NetworkObjective(problem.samples(), problem.activation(), k,
        problem.truth().outputWeights(), false, 1, executor);
    point = problem.point();
    gradient = new double[objective.dimension()];
  }

  /** Releases the worker threads. */
  @TearDown(Level.Trial)
  public void tearDown() {
    executor.close();
  }

  /** One evaluation: loss and gradient in one pass over X. */
  @Benchmark
  public double lossAndGradient() {
    return objective.evaluate(point, gradient);
  }
}
