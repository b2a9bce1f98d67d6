package org.nnrecover.spark.distributed;

import java.io.Serializable;

/**
 * What one partition returns for one evaluation: the loss and gradient sums of each of its blocks
 * that meet the current batch, in block order, and how long computing them took.
 *
 * @param firstBlock the block of {@code sums[0]}
 * @param sums one accumulator per block
 * @param computeNanos time spent in the kernel on the executor
 */
record BlockSums(int firstBlock, double[][] sums, long computeNanos) implements Serializable {}
