package org.nnrecover.core.objective;

import org.nnrecover.api.Activation;
import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.Samples;
import org.nnrecover.core.parallel.BlockExecutor;

/**
 * Where {@link NetworkObjective}'s per-block sums are computed: on this machine's threads
 * ({@link #local}) or on the machines that hold the blocks (the Spark module). Every implementation
 * must give each block exactly what {@link LossKernel#accumulate} gives for that block's rows, so
 * that the objective, which adds the blocks in block order, has the same bits everywhere.
 */
@FunctionalInterface
public interface BlockLosses {
  /**
   * Sets {@code partial[i]} to {@link LossKernel#accumulate}'s sums over the rows of block
   * {@code Samples.blockOf(start) + i} that lie in [start, end), for every block that meets
   * [start, end).
   *
   * @param point the parameter vector (see {@link LossKernel#accumulate})
   * @param fixedV the output weights when v is not trained, else null
   * @param wantGradient false for the loss sum only
   * @param start first sample of the current batch
   * @param end one past its last sample
   * @param partial one accumulator of {@link LossKernel#width} entries per block, overwritten
   */
  void compute(double[] point, double[] fixedV, boolean wantGradient, int start, int end,
      double[][] partial);

  /**
   * The blocks of {@code samples} computed on {@code executor}'s threads, with one kernel and one
   * block view per worker allocated here (an evaluation allocates nothing of size n or k d).
   */
  static BlockLosses local(Samples samples, Activation activation, int k,
      BlockExecutor executor) {
    int d = samples.d();
    SampleBlock[] views = executor.newViews();
    LossKernel[] kernels = new LossKernel[executor.threads()];
    for (int w = 0; w < kernels.length; w++) {
      kernels[w] = new LossKernel(activation, k, d);
    }
    return (point, fixedV, wantGradient, start, end, partial) -> {
      int firstBlock = Samples.blockOf(start);
      int blocks = Samples.blockOf(end - 1L) - firstBlock + 1;
      // a small pass stays on the calling thread (same blocks, same bits)
      executor.forEachBlock(blocks, (long) (end - start) * d * k, (i, worker) -> {
        SampleBlock block = samples.block(firstBlock + i, views[worker]);
        int from = (int) Math.max(0, start - block.firstRow());
        int to = (int) Math.min(block.rows(), end - block.firstRow());
        kernels[worker].accumulate(point, fixedV, wantGradient, block.x(),
            block.xOffset() + from * d, block.y(), block.yOffset() + from, to - from, partial[i]);
      });
    };
  }
}
