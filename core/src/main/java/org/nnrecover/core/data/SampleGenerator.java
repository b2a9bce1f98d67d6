package org.nnrecover.core.data;

import java.util.SplittableRandom;
import org.nnrecover.api.Activation;
import org.nnrecover.api.Network;
import org.nnrecover.api.Samples;
import org.nnrecover.core.objective.FusedKernel;
import org.nnrecover.core.parallel.BlockExecutor;

/**
 * Draws x ~ N(0, I_d) and labels y = sum_i v_i phi(w_i . x) + noise * N(0, 1), block by block.
 *
 * <p>The unit of generation is the sample block ({@link Samples#BLOCK_ROWS} rows): block b's inputs
 * come from {@code Seeds.blockStream(seed, SAMPLES, b)} and its label noise from
 * {@code Seeds.blockStream(seed, NOISE, b)}, so any block can be generated alone
 * ({@link #generateBlock}) and the blocks are generated in parallel with the same bits for any
 * thread count.
 */
public final class SampleGenerator {
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private SampleGenerator() {}

  /** {@link #generate(Network, Activation, int, double, long, BlockExecutor)} on this thread. */
  public static Samples generate(Network teacher, Activation activation, int n, double noise,
      long seed) {
    try (BlockExecutor executor = new BlockExecutor(1)) {
      return generate(teacher, activation, n, noise, seed, executor);
    }
  }

  /**
   * @param teacher the ground truth
   * @param activation phi
   * @param n number of samples
   * @param noise standard deviation of the Gaussian label noise (0 for none)
   * @param seed the run seed; inputs and noise come from its {@link Seeds#SAMPLES} and
   *     {@link Seeds#NOISE} streams (separate, so that the noise level does not change x)
   * @param executor the threads that generate the blocks
   */
  public static Samples generate(Network teacher, Activation activation, int n, double noise,
      long seed, BlockExecutor executor) {
    checkArguments(n, noise);
    int d = teacher.d();
    int blocks = Samples.blockCount(n);
    if ((long) n * d <= MAX_ARRAY) {
      // one array each, so that API 1.0's Samples.x() hands it out without a copy
      double[] x = new double[n * d];
      double[] y = new double[n];
      executor.forEachBlock(blocks, (b, worker) -> {
        int first = b * Samples.BLOCK_ROWS;
        generateBlock(teacher, activation, n, noise, seed, b, x, first * d, y, first);
      });
      return new Samples(x, y, d);
    }
    // beyond one array: one pair of arrays per block
    double[][] x = new double[blocks][];
    double[][] y = new double[blocks][];
    executor.forEachBlock(blocks, (b, worker) -> {
      int rows = (int) Math.min(Samples.BLOCK_ROWS, n - (long) b * Samples.BLOCK_ROWS);
      x[b] = new double[rows * d];
      y[b] = new double[rows];
      generateBlock(teacher, activation, n, noise, seed, b, x[b], 0, y[b], 0);
    });
    return new Samples(n, d, (b, view) -> view.point(x[b], 0, y[b], 0));
  }

  /**
   * The samples of {@link #generate} with the same arguments, held nowhere: each block is generated
   * again whenever it is read (into the reading view's own arrays), so a pass costs a generation
   * but the set needs no memory. For a JVM that must read samples which live elsewhere (the driver
   * of a distributed run).
   */
  public static Samples onDemand(Network teacher, Activation activation, int n, double noise,
      long seed) {
    checkArguments(n, noise);
    return new Samples(n, teacher.d(), (b, view) -> {
      double[] x = view.ownX();
      double[] y = view.ownY();
      generateBlock(teacher, activation, n, noise, seed, b, x, 0, y, 0);
      view.point(x, 0, y, 0);
    });
  }

  private static void checkArguments(int n, double noise) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException("noise must be a finite number >= 0, got " + noise);
    }
  }

  /**
   * Generates block {@code b} alone: the same numbers as block b of {@link #generate} with the same
   * arguments, written to {@code x} from {@code xOffset} (row-major) and {@code y} from
   * {@code yOffset}.
   */
  public static void generateBlock(Network teacher, Activation activation, int n, double noise,
      long seed, int b, double[] x, int xOffset, double[] y, int yOffset) {
    int d = teacher.d();
    int rows = (int) Math.min(Samples.BLOCK_ROWS, n - (long) b * Samples.BLOCK_ROWS);
    SplittableRandom inputs = Seeds.blockStream(seed, Seeds.SAMPLES, b);
    for (int i = xOffset, end = xOffset + rows * d; i < end; i++) {
      x[i] = inputs.nextGaussian();
    }
    labels(teacher, activation, x, xOffset, rows, y, yOffset);
    if (noise > 0) {
      SplittableRandom noiseStream = Seeds.blockStream(seed, Seeds.NOISE, b);
      for (int j = yOffset; j < yOffset + rows; j++) {
        y[j] += noise * noiseStream.nextGaussian();
      }
    }
  }

  /** Noise-free labels of the n x d inputs {@code x} under {@code network}. */
  public static double[] labels(Network network, Activation activation, double[] x, int n) {
    double[] y = new double[n];
    labels(network, activation, x, 0, n, y, 0);
    return y;
  }

  /**
   * Noise-free labels of {@code rows} inputs starting at {@code x[xOffset]} (row stride d), written
   * to {@code y} from {@code yOffset}. The one place labels are computed, with the objective's own
   * arithmetic ({@link FusedKernel#hiddenInputs}, the bulk activation, {@link FusedKernel#predict}),
   * so that the loss at the truth is exactly zero.
   */
  public static void labels(Network network, Activation activation, double[] x, int xOffset,
      int rows, double[] y, int yOffset) {
    int d = network.d();
    int k = network.k();
    double[] w = network.weights();
    double[] v = network.outputWeights();
    // chunks of one block: the objective evaluates z in blocks too, with the same arithmetic
    int chunk = Math.min(rows, Samples.BLOCK_ROWS);
    FusedKernel.Scratch scratch = new FusedKernel.Scratch(d, k);
    double[] z = new double[chunk * k];
    double[] phi = new double[z.length];
    for (int from = 0; from < rows; from += chunk) {
      int m = Math.min(chunk, rows - from);
      FusedKernel.hiddenInputs(x, xOffset + from * d, m, d, k, w, z, scratch);
      activation.apply(z, 0, m * k, phi, null);
      for (int s = 0; s < m; s++) {
        y[yOffset + from + s] = FusedKernel.predict(phi, s * k, v, k);
      }
    }
  }
}
