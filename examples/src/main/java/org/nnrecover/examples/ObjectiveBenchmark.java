package org.nnrecover.examples;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.nnrecover.api.Activation;
import org.nnrecover.api.Network;
import org.nnrecover.api.Samples;
import org.nnrecover.core.objective.NetworkObjective;
import org.nnrecover.core.parallel.BlockExecutor;

/**
 * Time of one fused objective + gradient evaluation (loss, grad W, grad v in one pass over X) with
 * 1 and 2 threads, and the CPU time of the 1-thread pass. Arguments: n d k [repetitions]; defaults
 * 200000 100 10 30.
 */
public final class ObjectiveBenchmark {
  private static final ThreadMXBean THREAD_TIMES = ManagementFactory.getThreadMXBean();

  private ObjectiveBenchmark() {}

  /** Runs the benchmark and prints one line per thread count. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int d = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    BenchmarkProblem problem = BenchmarkProblem.of(n, d, k);
    Activation squaredRelu = problem.activation();
    Network truth = problem.truth();
    Samples samples = problem.samples();
    double[] point = problem.point();
    System.out.printf(Locale.ROOT, "objective+gradient, squared-relu, n=%d d=%d k=%d "
        + "(%d evaluations after warm-up; median and min)%n", n, d, k, repetitions);
    double[] reference = null;
    for (int threads : new int[] {1, 2}) {
      try (BlockExecutor executor = new BlockExecutor(threads)) {
        NetworkObjective objective = new NetworkObjective(samples, squaredRelu, k,
            truth.outputWeights(), false, 1, executor);
        double[] gradient = new double[objective.dimension()];
        for (int i = 0; i < 10; i++) {
          objective.evaluate(point, gradient);
        }
        double[] millis = new double[repetitions];
        double cpuMin = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repetitions; r++) {
          long start = System.nanoTime();
          long cpuStart = THREAD_TIMES.getCurrentThreadCpuTime();
          objective.evaluate(point, gradient);
          cpuMin = Math.min(cpuMin, (THREAD_TIMES.getCurrentThreadCpuTime() - cpuStart) * 1e-6);
          millis[r] = (System.nanoTime() - start) * 1e-6;
        }
        Arrays.sort(millis);
        if (reference == null) {
          reference = gradient.clone();
        }
        // With 1 thread the whole pass runs on this thread, so its CPU time is the work itself,
        // unaffected by other processes taking the cores (a shared machine's wall clock is not).
        String cpu = threads == 1 ? String.format(Locale.ROOT, "  cpu min %.3f ms", cpuMin) : "";
        System.out.printf(Locale.ROOT, "threads=%d  median %.3f ms  min %.3f ms%s  "
            + "(%.2f GFLOP/s; gradient bit-identical to 1 thread: %s)%n", threads,
            millis[repetitions / 2], millis[0], cpu,
            4.0 * n * d * k / (millis[repetitions / 2] * 1e6), Arrays.equals(reference, gradient));
      }
    }
  }
}
