package org.nnrecover.core.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.SampleReducer;
import org.nnrecover.api.Samples;

/**
 * Runs independent block tasks on a fixed number of worker threads and sums block accumulators in
 * block order.
 *
 * <p>Blocks are {@link Samples#BLOCK_ROWS} samples (the last one shorter); a worker index is passed
 * to each task so that callers can keep per-worker scratch space (and a {@link SampleBlock} view per
 * worker) and allocate nothing per call. Because each
 * block's result depends only on its samples and results are combined in block order, the output
 * does not depend on the number of threads. Thread-safe; one instance can serve many callers.
 */
public final class BlockExecutor implements SampleReducer, AutoCloseable {

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

  /** First sample of block {@code b}. */
  private static int blockStart(int b) {
    return b * Samples.BLOCK_ROWS;
  }

  /** One past the last sample of block {@code b} of [0, n). */
  private static int blockEnd(int b, int n) {
    return (int) Math.min(n, (b + 1L) * Samples.BLOCK_ROWS);
  }

  /** One reusable block view per worker, for passes that read samples. */
  public SampleBlock[] newViews() {
    SampleBlock[] views = new SampleBlock[threads];
    for (int w = 0; w < threads; w++) {
      views[w] = new SampleBlock();
    }
    return views;
  }

  /**
   * Runs {@code body} once for every block index in [0, blocks) and waits for all of them. The
   * calling thread works too, as worker 0, so only {@code threads - 1} tasks are handed to the pool
   * (a hand-off costs tens of microseconds, which matters for small problems: see BENCHMARKS.md).
   */
  public void forEachBlock(int blocks, BlockBody body) {
    forEachBlock(blocks, Long.MAX_VALUE, body);
  }

  /**
   * Work (multiply-adds) below which a pass runs all its blocks on the calling thread: waking a
   * pool worker costs about 0.25 ms on this 2-core machine, more than a second thread saves on a
   * pass of about 1 ms or less (at the paper's size, n = 10^4, d = 10, k = 5, n d k = 5 10^5, a
   * 2-thread evaluation took 0.46 ms against 0.33 ms on one thread; BENCHMARKS.md).
   */
  public static final long INLINE_WORK = 1L << 20;

  /**
   * {@link #forEachBlock(int, BlockBody)}, but on the calling thread alone (as worker 0) when
   * {@code work} is below {@link #INLINE_WORK}. Blocks and their results are the same either way,
   * so this changes the time only, never the bits.
   *
   * @param work the pass's cost in multiply-adds, e.g. n d k for the objective
   */
  public void forEachBlock(int blocks, long work, BlockBody body) {
    if (pool == null || blocks == 1 || work < INLINE_WORK) {
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
    int blocks = Samples.blockCount(n);
    double[][] partial = new double[blocks][width];
    forEachBlock(blocks, (b, worker) -> task.accumulate(blockStart(b), blockEnd(b, n), partial[b]));
    return combineInOrder(partial, width);
  }

  @Override
  public double[] rows(Samples samples, int width, RowTask task) {
    double[] result = new double[SampleReducer.rowsLength(samples, width)];
    SampleBlock[] views = newViews();
    forEachBlock(samples.blocks(), (long) samples.size() * width, (b, worker) -> {
      SampleBlock block = samples.block(b, views[worker]);
      double[] out = task.of(block, width);
      System.arraycopy(out, 0, result, (int) (block.firstRow() * width), out.length);
    });
    return result;
  }

  @Override
  public double[] sum(Samples samples, int width, SampleBlockTask task) {
    int blocks = samples.blocks();
    double[][] partial = new double[blocks][width];
    SampleBlock[] views = newViews();
    forEachBlock(blocks, (b, worker) -> task.accumulate(samples.block(b, views[worker]),
        partial[b]));
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
