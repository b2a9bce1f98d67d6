package org.nnrecover.core.objective;

import java.util.Arrays;
import org.nnrecover.api.Activation;
import org.nnrecover.api.Objective;
import org.nnrecover.api.Samples;
import org.nnrecover.core.parallel.BlockExecutor;

/**
 * The empirical squared loss {@code f(W, v) = 1/(2n) sum_j (sum_i v_i phi(w_i . x_j) - y_j)^2} with
 * its gradients (METHOD.md section 2), computed together in one pass over X.
 *
 * <p>Parameter vector: W as k rows of length d (w_i at {@code i * d}), followed by v (k entries) when
 * v is trained; otherwise v is fixed. The pass visits the samples' blocks ({@link
 * Samples#BLOCK_ROWS} rows) through a {@link BlockLosses} (by default on the {@link BlockExecutor});
 * each block's rows are handed as array slices to one per-block method ({@link LossKernel}), and the
 * block partial sums are combined here in block order, so the result is bit-identical for any
 * thread count, and on any machines that compute the blocks. All workspaces (and one block view
 * per worker) are allocated once: an evaluation allocates nothing of size n or k d.
 *
 * <p>With resampling ({@code batches > 1}) the samples are cut into that many disjoint contiguous
 * batches (the samples are i.i.d., so contiguous ranges are independent random batches) and every
 * evaluation uses the current batch, chosen with {@link #useBatch(int)}; a block that straddles a
 * batch boundary contributes only its rows inside the batch.
 *
 * <p>Not thread-safe: one instance serves one optimization at a time (it is itself parallel inside).
 */
public final class NetworkObjective implements Objective {
  private final Samples samples;
  private final BlockLosses losses;
  private final int k;
  private final int d;
  private final boolean trainV;
  private final double[] fixedV;
  private final int batches;
  private final BlockExecutor executor;
  private final int width;
  private final double[][] partial;
  private int batchStart;
  private int batchEnd;

  /**
   * @param samples training samples
   * @param activation phi
   * @param k hidden units
   * @param fixedV output weights used when v is not trained (ignored, may be null, when it is)
   * @param trainV whether v is part of the parameter vector
   * @param batches number of disjoint batches for resampling (1 = use all samples always)
   * @param executor the worker threads
   */
  public NetworkObjective(Samples samples, Activation activation, int k, double[] fixedV,
      boolean trainV, int batches, BlockExecutor executor) {
    this(samples, BlockLosses.local(samples, activation, k, executor), k, fixedV, trainV, batches,
        executor);
  }

  /**
   * The objective with its block sums computed by {@code losses} (on other machines, say).
   *
   * @param samples training samples ({@link #zeroNetworkLoss} reads them on {@code executor})
   * @param losses where the blocks' loss and gradient sums are computed
   * @param k hidden units
   * @param fixedV output weights used when v is not trained (ignored, may be null, when it is)
   * @param trainV whether v is part of the parameter vector
   * @param batches number of disjoint batches for resampling (1 = use all samples always)
   * @param executor the worker threads of this machine
   */
  public NetworkObjective(Samples samples, BlockLosses losses, int k, double[] fixedV,
      boolean trainV, int batches, BlockExecutor executor) {
    if (batches < 1 || batches > samples.n()) {
      throw new IllegalArgumentException("resample batches must be in [1, n] = [1, "
          + samples.n() + "], got " + batches);
    }
    if (!trainV && (fixedV == null || fixedV.length != k)) {
      throw new IllegalArgumentException("fixed v must have k = " + k + " entries");
    }
    this.samples = samples;
    this.losses = losses;
    this.k = k;
    this.d = samples.d();
    this.trainV = trainV;
    this.fixedV = trainV ? null : fixedV.clone();
    this.batches = batches;
    this.executor = executor;
    this.width = LossKernel.width(k, d);
    int largestBatch = (samples.n() + batches - 1) / batches;
    // a batch that starts inside a block touches one block more than its length needs
    this.partial = new double[Samples.blockCount(largestBatch) + 1][width];
    useBatch(0);
  }

  @Override
  public int dimension() {
    return trainV ? k * d + k : k * d;
  }

  /** Number of resampling batches (1 when resampling is off). */
  public int batches() {
    return batches;
  }

  /** Makes batch {@code t mod batches} the current one. */
  public void useBatch(int t) {
    int b = Math.floorMod(t, batches);
    long n = samples.n();
    batchStart = (int) (b * n / batches);
    batchEnd = (int) ((b + 1) * n / batches);
  }

  /** Half the mean squared label over all samples: the loss of the zero network. */
  public double zeroNetworkLoss() {
    double sum = executor.sum(samples, 1, (block, acc) -> {
      double[] y = block.y();
      for (int r = block.yOffset(), end = r + block.rows(); r < end; r++) {
        acc[0] += y[r] * y[r];
      }
    })[0];
    return sum / (2.0 * samples.n());
  }

  @Override
  public double evaluate(double[] point, double[] gradient) {
    return pass(point, gradient);
  }

  @Override
  public double value(double[] point) {
    return pass(point, null);
  }

  private double pass(double[] point, double[] gradient) {
    if (point.length != dimension() || (gradient != null && gradient.length != dimension())) {
      throw new IllegalArgumentException("parameter vector must have length " + dimension());
    }
    int start = batchStart;
    int end = batchEnd;
    int len = end - start;
    int firstBlock = Samples.blockOf(start);
    int blocks = Samples.blockOf(end - 1L) - firstBlock + 1;
    boolean wantGradient = gradient != null;
    losses.compute(point, fixedV, wantGradient, start, end, partial);
    double loss = 0;
    if (wantGradient) {
      Arrays.fill(gradient, 0);
    }
    for (int b = 0; b < blocks; b++) {
      double[] row = partial[b];
      loss += row[width - 1];
      if (wantGradient) {
        for (int i = 0; i < dimension(); i++) {
          gradient[i] += row[i];
        }
      }
    }
    if (wantGradient) {
      for (int i = 0; i < gradient.length; i++) {
        gradient[i] /= len;
      }
    }
    return loss / (2.0 * len);
  }
}
