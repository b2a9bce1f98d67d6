package org.nnrecover.core.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class BlockExecutorTest {

  /** Every block runs exactly once, on a worker index in [0, threads), for any thread count. */
  @Test
  void runsEveryBlockOnceOnAValidWorker() {
    for (int threads : new int[] {1, 2, 3}) {
      try (BlockExecutor executor = new BlockExecutor(threads)) {
        for (int blocks : new int[] {1, 2, 5, 40}) {
          AtomicIntegerArray runs = new AtomicIntegerArray(blocks);
          AtomicIntegerArray workers = new AtomicIntegerArray(blocks);
          executor.forEachBlock(blocks, (b, worker) -> {
            runs.incrementAndGet(b);
            workers.set(b, worker);
          });
          for (int b = 0; b < blocks; b++) {
            assertEquals(1, runs.get(b), "block " + b + " of " + blocks);
            assertTrue(workers.get(b) >= 0 && workers.get(b) < threads, "worker index");
          }
        }
      }
    }
  }

  /**
   * A pass whose work is below INLINE_WORK runs every block on the calling thread; a larger one
   * with the same blocks also uses the pool (each block sleeps, so the pool's worker surely takes
   * some of the 20).
   */
  @Test
  void smallPassesStayOnTheCallingThread() {
    try (BlockExecutor executor = new BlockExecutor(2)) {
      for (long work : new long[] {BlockExecutor.INLINE_WORK - 1, BlockExecutor.INLINE_WORK}) {
        java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicIntegerArray workers = new AtomicIntegerArray(20);
        executor.forEachBlock(20, work, (b, worker) -> {
          threads.add(Thread.currentThread());
          workers.set(b, worker);
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        boolean small = work < BlockExecutor.INLINE_WORK;
        assertEquals(small ? java.util.Set.of(Thread.currentThread()) : threads, threads);
        assertEquals(small ? 1 : 2, threads.size(), "threads used at work " + work);
        for (int b = 0; b < 20 && small; b++) {
          assertEquals(0, workers.get(b), "worker index of block " + b);
        }
      }
    }
  }

  /**
   * A failing block's exception reaches the caller whichever thread ran it (the caller itself or a
   * pool thread), and the executor keeps working afterwards.
   */
  @Test
  void aFailingBlockIsReportedAndTheExecutorStaysUsable() {
    try (BlockExecutor executor = new BlockExecutor(2)) {
      for (int failing = 0; failing < 8; failing++) {
        int bad = failing;
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> executor.forEachBlock(8, (b, worker) -> {
              if (b == bad) {
                throw new IllegalStateException("block " + b);
              }
            }));
        assertEquals("block " + bad, e.getMessage());
      }
      double[] total = executor.sum(5000, 1, (from, to, acc) -> acc[0] += to - from);
      assertEquals(5000, total[0], 0);
    }
  }
}
