package org.nnrecover.spark.distributed;

import java.io.Serializable;

/**
 * One sample block as an executor holds it: block {@code index} of the run's set, generated there
 * from the run's seed or read there from the run's data file (never shipped).
 *
 * @param index the block index b
 * @param x its rows' inputs, row-major
 * @param y its rows' labels
 */
record ExecutorBlock(int index, double[] x, double[] y) implements Serializable {}
