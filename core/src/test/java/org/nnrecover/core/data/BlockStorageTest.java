package org.nnrecover.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.Network;
import org.nnrecover.api.Params;
import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.SampleReducer;
import org.nnrecover.api.Samples;
import org.nnrecover.core.objective.NetworkObjective;
import org.nnrecover.core.parallel.BlockExecutor;

/** Samples stored in blocks: generation per block, thread-count independence, n d past 2^31. */
class BlockStorageTest {
  private static final int B = Samples.BLOCK_ROWS;

  /** phi(z) = z: labels and losses have closed forms. */
  static final Activation LINEAR = plugin("linear");
  /** phi(z) = max(z, 0)^2, a nonlinear activation for the pass tests. */
  static final Activation SQUARED_RELU = plugin("squared-relu");

  private static Activation plugin(String name) {
    ActivationProvider provider = ServiceLoader.load(ActivationProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow();
    return provider.create(Params.defaults(name, provider.parameters()));
  }

  private static Network teacher(int d, int k, long seed) {
    return Teachers.make(TeacherKind.RANDOM, d, k, 2, Seeds.stream(seed, Seeds.TEACHER));
  }

  private static double[] slice(double[] a, int from, int length) {
    return Arrays.copyOfRange(a, from, from + length);
  }

  /**
   * Block b generated alone equals block b of the whole set, and its inputs are, by definition, the
   * first Gaussians of the block's own stream and its labels v . phi(W x) + noise from the block's
   * noise stream.
   */
  @Test
  void blockGeneratedAloneEqualsThatBlockOfTheWholeSet() {
    int d = 7;
    int n = 3 * B + 100;
    double noise = 0.3;
    long seed = 11;
    Network truth = teacher(d, 3, seed);
    Samples whole;
    try (BlockExecutor executor = new BlockExecutor(2)) {
      whole = SampleGenerator.generate(truth, SQUARED_RELU, n, noise, seed, executor);
    }
    SampleBlock view = new SampleBlock();
    for (int b : new int[] {0, 2, 3}) {
      int rows = whole.blockRows(b);
      double[] x = new double[rows * d + 5];
      double[] y = new double[rows + 2];
      SampleGenerator.generateBlock(truth, SQUARED_RELU, n, noise, seed, b, x, 5, y, 2);
      whole.block(b, view);
      assertArrayEquals(slice(view.x(), view.xOffset(), rows * d), slice(x, 5, rows * d), 0);
      assertArrayEquals(slice(view.y(), view.yOffset(), rows), slice(y, 2, rows), 0);

      SplittableRandom inputs = Seeds.blockStream(seed, Seeds.SAMPLES, b);
      SplittableRandom noiseStream = Seeds.blockStream(seed, Seeds.NOISE, b);
      for (int r = 0; r < rows; r++) {
        double label = 0;
        double[] xr = new double[d];
        for (int a = 0; a < d; a++) {
          xr[a] = inputs.nextGaussian();
          assertEquals(xr[a], x[5 + r * d + a], 0, "x of block " + b + " row " + r);
        }
        for (int i = 0; i < truth.k(); i++) {
          double z = 0;
          for (int a = 0; a < d; a++) {
            z += truth.weight(i, a) * xr[a];
          }
          label += truth.outputWeight(i) * SQUARED_RELU.value(z);
        }
        label += noise * noiseStream.nextGaussian();
        assertEquals(label, y[2 + r], 1e-12 * (1 + Math.abs(label)), "y of block " + b);
      }
    }
    whole.block(1, view);
    double first1 = view.x()[view.xOffset()];
    whole.block(0, view);
    assertNotEquals(first1, view.x()[view.xOffset()], "blocks draw from different streams");
  }

  /**
   * Samples generated on demand (held nowhere) read the same blocks as the stored set, and the
   * objective over them has the same bits; each read regenerates (two views of one block hold
   * equal, separate arrays).
   */
  @Test
  void onDemandSamplesEqualTheGeneratedSet() {
    int d = 5;
    int n = 2 * B + 77;
    long seed = 4;
    Network truth = teacher(d, 2, seed);
    try (BlockExecutor executor = new BlockExecutor(2)) {
      Samples stored = SampleGenerator.generate(truth, SQUARED_RELU, n, 0.1, seed, executor);
      Samples lazy = SampleGenerator.onDemand(truth, SQUARED_RELU, n, 0.1, seed);
      assertEquals(stored.blocks(), lazy.blocks());
      SampleBlock a = new SampleBlock();
      SampleBlock b = new SampleBlock();
      for (int block = 0; block < stored.blocks(); block++) {
        int rows = stored.blockRows(block);
        stored.block(block, a);
        lazy.block(block, b);
        assertArrayEquals(slice(a.x(), a.xOffset(), rows * d), slice(b.x(), b.xOffset(), rows * d),
            0);
        assertArrayEquals(slice(a.y(), a.yOffset(), rows), slice(b.y(), b.yOffset(), rows), 0);
        assertTrue(a.x() != b.x(), "the lazy view holds its own copy");
      }
      double[] point = new double[2 * d + 2];
      Arrays.fill(point, 0.3);
      double[] g1 = new double[point.length];
      double[] g2 = new double[point.length];
      double f1 = new NetworkObjective(stored, SQUARED_RELU, 2, null, true, 1, executor)
          .evaluate(point, g1);
      double f2 = new NetworkObjective(lazy, SQUARED_RELU, 2, null, true, 1, executor)
          .evaluate(point, g2);
      assertEquals(f1, f2, 0);
      assertArrayEquals(g1, g2, 0);
      assertTrue(f1 > 0);
    }
  }

  /**
   * Generation, the objective (with resampling batches whose bounds fall inside blocks) and the
   * block reducer give the same bits on 1, 2 and 3 threads; the API's sequential default reducer
   * gives the core's bits too.
   */
  @Test
  void resultsAreBitIdenticalFor1To3Threads() {
    int d = 9;
    int k = 3;
    int n = 5 * B + 77;
    Network truth = teacher(d, k, 5);
    double[] point = new double[k * d + k];
    SplittableRandom random = new SplittableRandom(8);
    for (int i = 0; i < point.length; i++) {
      point[i] = 0.5 * random.nextGaussian();
    }
    Samples reference = null;
    double[][] values = new double[3][];
    double[][] sums = new double[3][];
    for (int threads = 1; threads <= 3; threads++) {
      try (BlockExecutor executor = new BlockExecutor(threads)) {
        Samples samples = SampleGenerator.generate(truth, SQUARED_RELU, n, 0.1, 5, executor);
        if (reference == null) {
          reference = samples;
        } else {
          assertArrayEquals(reference.x(), samples.x(), 0, "x on " + threads + " threads");
          assertArrayEquals(reference.y(), samples.y(), 0, "y on " + threads + " threads");
        }
        NetworkObjective objective =
            new NetworkObjective(samples, SQUARED_RELU, k, null, true, 3, executor);
        double[] out = new double[3 * (point.length + 1) + 1];
        for (int t = 0; t < 3; t++) {
          objective.useBatch(t);
          double[] gradient = new double[point.length];
          out[t * (point.length + 1)] = objective.evaluate(point, gradient);
          System.arraycopy(gradient, 0, out, t * (point.length + 1) + 1, point.length);
        }
        out[out.length - 1] = objective.zeroNetworkLoss();
        values[threads - 1] = out;
        sums[threads - 1] = executor.sum(samples, d + 1, BlockStorageTest::momentTask);
      }
    }
    for (int t = 1; t < 3; t++) {
      assertArrayEquals(values[0], values[t], 0, "objective on " + (t + 1) + " threads");
      assertArrayEquals(sums[0], sums[t], 0, "block reducer on " + (t + 1) + " threads");
    }
    SampleReducer sequential = (count, width, task) -> {
      throw new AssertionError("not used");
    };
    assertArrayEquals(sums[0], sequential.sum(reference, d + 1, BlockStorageTest::momentTask), 0,
        "the API's default block reducer");

    // batch 1 covers [n/3, 2n/3): its value by brute force over those samples
    double[] x = reference.x();
    double[] y = reference.y();
    double loss = 0;
    for (int j = n / 3; j < 2 * n / 3; j++) {
      double prediction = 0;
      for (int i = 0; i < k; i++) {
        double z = 0;
        for (int a = 0; a < d; a++) {
          z += point[i * d + a] * x[j * d + a];
        }
        prediction += point[k * d + i] * SQUARED_RELU.value(z);
      }
      loss += (prediction - y[j]) * (prediction - y[j]);
    }
    loss /= 2.0 * (2 * n / 3 - n / 3);
    assertEquals(loss, values[0][point.length + 1], 1e-12 * loss);
  }

  /** sum of y and of y x over a block. */
  private static void momentTask(SampleBlock block, double[] acc) {
    int d = block.d();
    for (int r = 0; r < block.rows(); r++) {
      double y = block.y()[block.yOffset() + r];
      acc[0] += y;
      for (int a = 0; a < d; a++) {
        acc[1 + a] += y * block.x()[block.xOffset() + r * d + a];
      }
    }
  }

  /**
   * n d = 2^31 + 3072 entries, with a synthetic store that hands the same small block for every
   * block: the long index arithmetic, the block count, a block sum and the objective against closed
   * forms (full blocks times the block's value plus the last, 3-row block).
   */
  @Test
  void indexingPastTwoToThe31Entries() {
    int d = 1024;
    int n = (1 << 21) + 3;
    double[] xs = new double[B * d];
    double[] ys = new double[B];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = (i % 7) - 3; // small integers: every sum below is exact
    }
    for (int r = 0; r < B; r++) {
      ys[r] = (r % 5) - 2;
    }
    Samples samples = new Samples(n, d, (b, view) -> view.point(xs, 0, ys, 0));
    assertEquals((1L << 31) + 3L * d, samples.size());
    assertEquals(1025, samples.blocks());
    assertEquals(3, samples.blockRows(1024));
    SampleBlock last = samples.block(1024, new SampleBlock());
    assertEquals(1L << 21, last.firstRow());
    assertEquals(3, last.rows());
    IllegalStateException tooBig = assertThrows(IllegalStateException.class, samples::x);
    assertTrue(tooBig.getMessage().contains("more than one Java array"), tooBig.getMessage());

    double blockY = 0;
    double blockX = 0;
    double lastY = 0;
    double lastX = 0;
    for (int r = 0; r < B; r++) {
      blockY += ys[r];
      lastY += r < 3 ? ys[r] : 0;
      for (int a = 0; a < d; a++) {
        blockX += xs[r * d + a];
        lastX += r < 3 ? xs[r * d + a] : 0;
      }
    }
    // w = (1, -1, 0, ...): z_r = x_r0 - x_r1, f = sum (z - y)^2 / (2n)
    double[] w = new double[d];
    w[0] = 1;
    w[1] = -1;
    double blockLoss = 0;
    double lastLoss = 0;
    for (int r = 0; r < B; r++) {
      double residual = xs[r * d] - xs[r * d + 1] - ys[r];
      blockLoss += residual * residual;
      lastLoss += r < 3 ? residual * residual : 0;
    }
    try (BlockExecutor executor = new BlockExecutor(2)) {
      double[] sum = executor.sum(samples, 3, (block, acc) -> {
        acc[0] += block.rows();
        for (int r = 0; r < block.rows(); r++) {
          acc[1] += block.y()[block.yOffset() + r];
          for (int a = 0; a < d; a++) {
            acc[2] += block.x()[block.xOffset() + r * d + a];
          }
        }
      });
      assertEquals(n, sum[0], 0);
      assertEquals(1024 * blockY + lastY, sum[1], 0);
      assertEquals(1024 * blockX + lastX, sum[2], 0);

      NetworkObjective objective =
          new NetworkObjective(samples, LINEAR, 1, new double[] {1}, false, 1, executor);
      double expected = (1024 * blockLoss + lastLoss) / (2.0 * n);
      assertEquals(expected, objective.value(w), 1e-14 * expected);
    }
  }
}
