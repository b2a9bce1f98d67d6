package org.nnrecover.spark.distributed;

import java.util.Locale;

/**
 * Where the time of the distributed evaluations went: the driver's wall time per evaluation (ship
 * the point, run the job, collect and place the block sums) against the kernel time of the slowest
 * partition (the compute on the critical path); the rest is Spark's overhead.
 */
public final class EvaluationTimes {
  private long evaluations;
  private long wallNanos;
  private long criticalComputeNanos;
  private long totalComputeNanos;
  private double generationSeconds = Double.NaN;
  private long initializerPasses;
  private long initializerNanos;

  synchronized void add(long wall, long slowestPartition, long allPartitions) {
    evaluations++;
    wallNanos += wall;
    criticalComputeNanos += slowestPartition;
    totalComputeNanos += allPartitions;
  }

  synchronized void initializerPass(long wall) {
    initializerPasses++;
    initializerNanos += wall;
  }

  /** Number of the initializer's passes that ran on the executors. */
  public synchronized long initializerPasses() {
    return initializerPasses;
  }

  synchronized void generated(double seconds) {
    generationSeconds = seconds;
  }

  /** Number of distributed evaluations (objective, gradient, metrics). */
  public synchronized long evaluations() {
    return evaluations;
  }

  /** Mean driver wall time of one evaluation, in seconds. */
  public synchronized double wallSeconds() {
    return evaluations == 0 ? Double.NaN : wallNanos * 1e-9 / evaluations;
  }

  /** Mean kernel time of the slowest partition of one evaluation, in seconds. */
  public synchronized double computeSeconds() {
    return evaluations == 0 ? Double.NaN : criticalComputeNanos * 1e-9 / evaluations;
  }

  /** Mean kernel time of all partitions together of one evaluation (CPU seconds). */
  public synchronized double totalComputeSeconds() {
    return evaluations == 0 ? Double.NaN : totalComputeNanos * 1e-9 / evaluations;
  }

  /** One line for the driver's log. */
  @Override
  public synchronized String toString() {
    return String.format(Locale.ROOT, "distributed evaluations: %d, per evaluation %.2f ms = "
        + "compute %.2f ms (slowest partition; %.2f ms on all partitions together) + Spark "
        + "overhead %.2f ms%s", evaluations, wallSeconds() * 1e3, computeSeconds() * 1e3,
        totalComputeSeconds() * 1e3, (wallSeconds() - computeSeconds()) * 1e3,
        Double.isNaN(generationSeconds) ? ""
            : String.format(Locale.ROOT, "; blocks generated and cached in %.2f s",
                generationSeconds))
        + String.format(Locale.ROOT, "; initializer passes on the executors: %d in %.2f s",
            initializerPasses, initializerNanos * 1e-9);
  }
}
