package org.nnrecover.spark.distributed;

import java.io.Serializable;

/**
 * One sample block as an executor holds it: block {@code index} of the run's set, generated there
 * from the run's seed (never shipped).
 *
 * @param index the block index b
 * @param x its rows' inputs, row-major
 * @param y its rows' labels
 */
record GeneratedBlock(int index, double[] x, double[] y) implements Serializable {}
