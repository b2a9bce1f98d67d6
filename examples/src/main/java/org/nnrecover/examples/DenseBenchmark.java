package org.nnrecover.examples;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.nnrecover.initializers.tensor.Dense;

/**
 * The small dense problems of the tensor initializer ({@link Dense}), one call each, at the sizes
 * the initializer meets for k hidden units: the d x (k + 8) block of the block Krylov method
 * (d = 200), its (k + 8) x (k + 8) Rayleigh-Ritz eigenproblem, the k x k Cholesky and LU systems of
 * the magnitude fit, the joint selection and ALS, and the weight fit's least squares with
 * k (k + 1) (k + 2) / 6 rows. It measures whether ojalgo's per-call allocation costs anything at
 * these sizes. Prints, per problem, the median over 7 rounds of the wall time and of the process
 * CPU time (all threads of the JVM) per call; the CPU time is the number that stays comparable
 * when other jobs share the machine. Not a test: run with
 * {@code java -cp examples/target/nnrecover-examples.jar org.nnrecover.examples.DenseBenchmark}.
 */
public final class DenseBenchmark {
  private static final int D = 200;
  private static final int OVERSAMPLING = 8;
  private static final int ROUNDS = 7;
  private static final long ROUND_NANOS = 300_000_000L;

  private DenseBenchmark() {}

  /** Entry point; arguments: the k values (default 5 20). */
  public static void main(String[] args) {
    int[] ks = args.length == 0 ? new int[] {5, 20}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.printf("%-16s %4s %14s %14s%n", "problem", "k", "wall us/call", "cpu us/call");
    for (int k : ks) {
      SplittableRandom random = new SplittableRandom(1);
      int b = k + OVERSAMPLING;
      double[] block = gaussian(random, D * b);
      double[] g = gaussian(random, b * b);
      double[] symmetric = new double[b * b];
      for (int i = 0; i < b; i++) {
        for (int j = 0; j < b; j++) {
          symmetric[j * b + i] = g[j * b + i] + g[i * b + j];
        }
      }
      double[] h = gaussian(random, k * k);
      double[] spd = new double[k * k];
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          double s = i == j ? 1 : 0;
          for (int l = 0; l < k; l++) {
            s += h[i * k + l] * h[j * k + l];
          }
          spd[j * k + i] = s;
        }
      }
      double[] general = gaussian(random, k * k);
      double[] rhs = gaussian(random, k);
      double[] rhsColumns = gaussian(random, k * k);
      int rows = k * (k + 1) * (k + 2) / 6;
      double[] design = gaussian(random, rows * k);
      double[] observations = gaussian(random, rows);
      time("orthonormalize", k, () -> Dense.orthonormalize(block, D, b));
      time("symmetricEigen", k, () -> Dense.symmetricEigen(symmetric, b));
      time("choleskySolve", k, () -> Dense.choleskySolve(spd, k, rhs));
      time("solve", k, () -> Dense.solve(general, k, rhsColumns));
      time("leastSquares", k, () -> Dense.leastSquares(design, rows, k, observations));
    }
  }

  private static void time(String name, int k, Supplier<Object> call) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Object sink = null;
    long until = System.nanoTime() + 1_000_000_000L; // warm-up: one second of calls
    while (System.nanoTime() < until) {
      sink = call.get();
    }
    double[] wall = new double[ROUNDS];
    double[] cpu = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long calls = 0;
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      long end = t0 + ROUND_NANOS;
      long now;
      do {
        for (int i = 0; i < 16; i++) {
          sink = call.get();
        }
        calls += 16;
        now = System.nanoTime();
      } while (now < end);
      wall[r] = (now - t0) / 1e3 / calls;
      cpu[r] = (os.getProcessCpuTime() - cpu0) / 1e3 / calls;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf("%-16s %4d %14.3f %14.3f%s%n", name, k, wall[ROUNDS / 2], cpu[ROUNDS / 2],
        sink == null ? " (null result)" : "");
  }

  private static double[] gaussian(SplittableRandom random, int size) {
    double[] x = new double[size];
    for (int i = 0; i < size; i++) {
      x[i] = random.nextGaussian();
    }
    return x;
  }
}
