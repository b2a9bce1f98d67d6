package org.nnrecover.core.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.nnrecover.api.SampleReducer;

/**
 * Runs independent block tasks on a fixed number of worker threads and sums block accumulators in
 * block order.
 *
 * <p>Blocks are {@link #BLOCK_SIZE} samples (the last one shorter); a worker index is passed to each
 * task so that callers can keep per-worker scratch space and allocate nothing per call. Because each
 * block's result depends only on its samples and results are combined in block order, the output
 * does not depend on the number of threads. Thread-safe; one instance can serve many callers.
 */
public final class BlockExecutor implements SampleReducer, AutoCloseable {

  /** Samples per block. Fixed so that results never depend on the thread count. */
  public static final int BLOCK_SIZE = 2048;

  /** Work on one block, told which worker runs it. */
  @FunctionalInterface
  public interface BlockBody {
    /** Processes block {@code block}, on worker {@code worker} in [0, {@link #threads()}). */
    void run(int block, int worker);
  }

  private final int threads;
  private final ExecutorService pool;

  /** @param threads number of worker threads, at least 1 */
  public BlockExecutor(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, runnable -> {
      Thread thread = new Thread(runnable, "nnrecover-worker");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** An executor with one worker per available processor. */
  public static BlockExecutor forAvailableProcessors() {
    return new BlockExecutor(Runtime.getRuntime().availableProcessors());
  }

  /** Number of worker threads. */
  public int threads() {
    return threads;
  }

  /** Number of blocks that [0, n) is cut into. */
  public static int blockCount(int n) {
    return (n + BLOCK_SIZE - 1) / BLOCK_SIZE;
  }

  /** First sample of block {@code b}. */
  public static int blockStart(int b) {
    return b * BLOCK_SIZE;
  }

  /** One past the last sample of block {@code b} of [0, n). */
  public static int blockEnd(int b, int n) {
    return Math.min(n, (b + 1) * BLOCK_SIZE);
  }

  /**
   * Runs {@code body} once for every block index in [0, blocks) and waits for all of them. The
   * calling thread works too, as worker 0, so only {@code threads - 1} tasks are handed to the pool
   * (a hand-off costs tens of microseconds, which matters for small problems: see BENCHMARKS.md).
   */
  public void forEachBlock(int blocks, BlockBody body) {
    if (pool == null || blocks == 1) {
      for (int b = 0; b < blocks; b++) {
        body.run(b, 0);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    int helpers = Math.min(threads, blocks) - 1;
    List<Future<?>> futures = new ArrayList<>(helpers);
    for (int w = 1; w <= helpers; w++) {
      int worker = w;
      futures.add(pool.submit(() -> runBlocks(next, blocks, body, worker)));
    }
    try {
      runBlocks(next, blocks, body, 0);
    } catch (RuntimeException | Error e) {
      // stop handing out blocks, let the helpers finish their current one, then rethrow
      next.set(blocks);
      awaitQuietly(futures);
      throw e;
    }
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for block workers", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(cause);
      }
    }
  }

  private static void runBlocks(AtomicInteger next, int blocks, BlockBody body, int worker) {
    for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
      body.run(b, worker);
    }
  }

  private static void awaitQuietly(List<Future<?>> futures) {
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException ignored) {
        // the caller's own failure is the one reported
      }
    }
  }

  @Override
  public double[] sum(int n, int width, BlockTask task) {
    int blocks = blockCount(n);
    double[][] partial = new double[blocks][width];
    forEachBlock(blocks, (b, worker) -> task.accumulate(blockStart(b), blockEnd(b, n), partial[b]));
    return combineInOrder(partial, width);
  }

  /** Sums the rows of {@code partial} in row order (the fixed combine order). */
  public static double[] combineInOrder(double[][] partial, int width) {
    double[] total = new double[width];
    for (double[] row : partial) {
      for (int i = 0; i < width; i++) {
        total[i] += row[i];
      }
    }
    return total;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
