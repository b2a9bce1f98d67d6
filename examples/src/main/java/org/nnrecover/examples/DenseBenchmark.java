package org.nnrecover.examples;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nnrecover.initializers.tensor.Dense;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the small dense problems of the tensor initializer ({@link Dense}), one call each, at the
 * sizes the initializer meets for k hidden units: the d x (k + 8) block of the subspace iteration
 * (d = 200), its (k + 8) x (k + 8) Rayleigh-Ritz eigenproblem, the k x k Cholesky and LU systems
 * of the magnitude fit, the joint selection and ALS, and the weight fit's least squares with
 * k (k + 1) (k + 2) / 6 rows. It measures whether ojalgo's per-call allocation costs anything
 * at these sizes (the numbers are in BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class DenseBenchmark {
  private static final int D = 200;
  private static final int OVERSAMPLING = 8;

  /** Hidden units. */
  @Param({"5", "20"})
  public int k;

  private double[] block;
  private double[] symmetric;
  private double[] spd;
  private double[] general;
  private double[] rhs;
  private double[] rhsColumns;
  private double[] design;
  private double[] observations;

  /** Fixed random problems (seed 1). */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    int b = k + OVERSAMPLING;
    block = gaussian(random, D * b);
    double[] g = gaussian(random, b * b);
    symmetric = new double[b * b];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < b; j++) {
        symmetric[j * b + i] = g[j * b + i] + g[i * b + j];
      }
    }
    double[] h = gaussian(random, k * k);
    spd = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double s = i == j ? 1 : 0;
        for (int l = 0; l < k; l++) {
          s += h[i * k + l] * h[j * k + l];
        }
        spd[j * k + i] = s;
      }
    }
    general = gaussian(random, k * k);
    rhs = gaussian(random, k);
    rhsColumns = gaussian(random, k * k);
    int rows = k * (k + 1) * (k + 2) / 6;
    design = gaussian(random, rows * k);
    observations = gaussian(random, rows);
  }

  private static double[] gaussian(SplittableRandom random, int size) {
    double[] x = new double[size];
    for (int i = 0; i < size; i++) {
      x[i] = random.nextGaussian();
    }
    return x;
  }

  /** Thin Q of the d x (k + 8) block. */
  @Benchmark
  public double[] orthonormalize() {
    return Dense.orthonormalize(block, D, k + OVERSAMPLING);
  }

  /** Eigenpairs of the (k + 8) x (k + 8) symmetric matrix. */
  @Benchmark
  public Object symmetricEigen() {
    return Dense.symmetricEigen(symmetric, k + OVERSAMPLING);
  }

  /** One k x k positive definite system. */
  @Benchmark
  public double[] choleskySolve() {
    return Dense.choleskySolve(spd, k, rhs);
  }

  /** One k x k general system with k right-hand sides. */
  @Benchmark
  public double[] solve() {
    return Dense.solve(general, k, rhsColumns);
  }

  /** Least squares with k (k + 1) (k + 2) / 6 rows and k columns. */
  @Benchmark
  public double[] leastSquares() {
    return Dense.leastSquares(design, k * (k + 1) * (k + 2) / 6, k, observations);
  }
}
