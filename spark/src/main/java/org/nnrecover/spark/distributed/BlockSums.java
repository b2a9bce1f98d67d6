package org.nnrecover.spark.distributed;

import java.io.Serializable;
import java.util.List;

/**
 * What one partition returns for one evaluation: the loss and gradient sums of each of its blocks
 * that meet the current batch, in block order, and how long computing them took.
 *
 * @param firstBlock the block of {@code sums[0]}
 * @param sums one accumulator per block
 * @param computeNanos time spent in the kernel on the executor
 */
record BlockSums(int firstBlock, double[][] sums, long computeNanos) implements Serializable {

  /**
   * Copies the partitions' block accumulators into {@code into} by block index ({@code into[0]}
   * is block {@code firstBlock}), checking that each of the {@code count} blocks from {@code
   * firstBlock} arrived exactly once: a retried task
   * whose first attempt also reported would otherwise be summed twice.
   *
   * @throws IllegalStateException naming the block that is missing or came twice
   */
  static void place(List<BlockSums> results, int firstBlock, int count, double[][] into) {
    boolean[] placed = new boolean[count];
    for (BlockSums result : results) {
      for (int i = 0; i < result.sums().length; i++) {
        int slot = result.firstBlock() + i - firstBlock;
        if (placed[slot]) {
          throw new IllegalStateException("block " + (firstBlock + slot) + " was summed twice");
        }
        placed[slot] = true;
        System.arraycopy(result.sums()[i], 0, into[slot], 0, into[slot].length);
      }
    }
    for (int slot = 0; slot < placed.length; slot++) {
      if (!placed[slot]) {
        throw new IllegalStateException("block " + (firstBlock + slot) + " was not summed");
      }
    }
  }
}
