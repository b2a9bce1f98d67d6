package org.nnrecover.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.nnrecover.api.Activation;
import org.nnrecover.api.Network;
import org.nnrecover.api.Samples;
import org.nnrecover.core.data.SampleFiles;
import org.nnrecover.core.objective.NetworkObjective;
import org.nnrecover.core.parallel.BlockExecutor;

/**
 * The same passes over the same samples held on the heap and memory-mapped from a {@code .npy}
 * file (whose blocks are copied into per-worker arrays): a bare pass (the sum of y x, one
 * multiply-add per entry, where the copy weighs most) and the objective + gradient. Arguments:
 * n d k [repetitions]; defaults 200000 100 10 20. Writes a temporary file of n (d+1) 8 bytes.
 */
public final class SampleStorageBenchmark {
  private SampleStorageBenchmark() {}

  /** Runs the benchmark and prints one line per storage, pass and thread count. */
  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int d = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    BenchmarkProblem problem = BenchmarkProblem.of(n, d, k);
    Activation squaredRelu = problem.activation();
    Network truth = problem.truth();
    Samples heap = problem.samples();
    Path file = Files.createTempFile("nnrecover-storage-benchmark", ".npy");
    try {
      SampleFiles.writeNpy(file, heap);
      Samples mapped = SampleFiles.read(file, d);
      double[] point = problem.point();
      System.out.printf(Locale.ROOT, "n=%d d=%d k=%d, median and min of %d after warm-up%n", n,
          d, k, repetitions);
      for (int threads : new int[] {1, 2}) {
        try (BlockExecutor executor = new BlockExecutor(threads)) {
          double[][] results = new double[2][];
          for (int s = 0; s < 2; s++) {
            Samples samples = s == 0 ? heap : mapped;
            String storage = s == 0 ? "heap  " : "mapped";
            double[] sum = time(storage + " sum of y x       ", threads, repetitions,
                () -> executor.sum(samples, d, (block, acc) -> {
                  double[] x = block.x();
                  for (int r = 0; r < block.rows(); r++) {
                    double y = block.y()[block.yOffset() + r];
                    int row = block.xOffset() + r * d;
                    for (int a = 0; a < d; a++) {
                      acc[a] += y * x[row + a];
                    }
                  }
                }));
            NetworkObjective objective = new NetworkObjective(samples, squaredRelu, k,
                truth.outputWeights(), false, 1, executor);
            double[] gradient = new double[objective.dimension()];
            time(storage + " objective+gradient", threads, repetitions,
                () -> new double[] {objective.evaluate(point, gradient)});
            results[s] = concat(sum, gradient);
          }
          System.out.println("  mapped bit-identical to heap: "
              + Arrays.equals(results[0], results[1]));
        }
      }
    } finally {
      Files.delete(file);
    }
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static double[] time(String what, int threads, int repetitions,
      java.util.function.Supplier<double[]> pass) {
    double[] result = null;
    for (int i = 0; i < 5; i++) {
      result = pass.get();
    }
    double[] millis = new double[repetitions];
    for (int r = 0; r < repetitions; r++) {
      long start = System.nanoTime();
      result = pass.get();
      millis[r] = (System.nanoTime() - start) * 1e-6;
    }
    Arrays.sort(millis);
    System.out.printf(Locale.ROOT, "%s threads=%d  median %7.1f ms  min %7.1f ms%n", what, threads,
        millis[repetitions / 2], millis[0]);
    return result;
  }
}
