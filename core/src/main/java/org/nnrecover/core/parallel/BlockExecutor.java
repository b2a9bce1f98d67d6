package org.nnrecover.core.parallel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
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
    this.pool = threads == 1 ? null : new ThreadPoolExecutor(threads - 1, threads - 1, 0,
        TimeUnit.MILLISECONDS, new SpinningQueue(), runnable -> {
          Thread thread = new Thread(runnable, "nnrecover-worker");
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * How long an idle worker polls for the next task, and a caller for its helpers' results, before
   * parking. Waking a parked thread costs tens of microseconds on this machine (about 14 us quiet,
   * up to 0.25 ms under load), as much as a small pass itself; an optimizer's passes follow each
   * other within microseconds, so a short spin finds the next one awake. Bounded, so an idle
   * executor parks its threads and costs nothing.
   */
  static final long SPIN_NANOS = 50_000;

  /** The pool's task queue: {@link #take} polls for {@link #SPIN_NANOS} before it blocks. */
  private static final class SpinningQueue extends LinkedBlockingQueue<Runnable> {
    private static final long serialVersionUID = 1L;

    @Override
    public Runnable take() throws InterruptedException {
      long deadline = System.nanoTime() + SPIN_NANOS;
      do {
        Runnable task = poll();
        if (task != null) {
          return task;
        }
        Thread.onSpinWait();
      } while (System.nanoTime() - deadline < 0);
      return super.take();
    }
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
   * Work (multiply-adds) below which a pass runs all its blocks on the calling thread: about 10 us
   * of work, where even a spinning worker's hand-off (a few microseconds) would cost more than it
   * saves. Above it a second thread pays: the worker usually spins (see {@link #SPIN_NANOS}) and
   * the caller never waits for a worker that has not started. At the paper's size (n = 10^4,
   * d = 10, k = 5, n d k = 5 10^5) a 2-thread evaluation took 0.085 ms against 0.11-0.12 ms on
   * the calling thread alone whenever the second core was free (BENCHMARKS.md); before the
   * spinning worker the threshold was 2^20, as waking a parked worker cost more than it saved.
   */
  public static final long INLINE_WORK = 1L << 16;

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
    Pass pass = new Pass(blocks, body);
    int helpers = Math.min(threads, blocks) - 1;
    for (int w = 1; w <= helpers; w++) {
      int worker = w;
      pool.execute(() -> pass.run(worker));
    }
    pass.run(0);
    pass.await();
  }

  /**
   * One pass's blocks, taken from a shared counter by the caller and the helpers. The caller waits
   * only for blocks a helper has taken, never for a helper that has not started: under load a
   * helper may get a core only milliseconds later, and then the caller has run every block itself
   * and returns (the late helper finds no block left). A failure stops the remaining blocks and is
   * rethrown to the caller.
   */
  private static final class Pass {
    private final int blocks;
    private final BlockBody body;
    private final Thread caller = Thread.currentThread();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Pass(int blocks, BlockBody body) {
      this.blocks = blocks;
      this.body = body;
    }

    void run(int worker) {
      for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
        try {
          if (failure.get() == null) {
            body.run(b, worker);
          }
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        } finally {
          if (done.incrementAndGet() == blocks) {
            LockSupport.unpark(caller);
          }
        }
      }
    }

    /** On the caller, after its own {@link #run}: waits for the blocks helpers took. */
    void await() {
      long deadline = System.nanoTime() + SPIN_NANOS;
      while (done.get() < blocks) {
        if (System.nanoTime() - deadline < 0) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
      Throwable t = failure.get();
      if (t instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (t instanceof Error error) {
        throw error;
      }
      if (t != null) {
        throw new IllegalStateException(t);
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
