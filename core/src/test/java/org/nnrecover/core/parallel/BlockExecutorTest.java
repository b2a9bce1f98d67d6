package org.nnrecover.core.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.SampleReducer;
import org.nnrecover.api.Samples;

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
   * The caller never waits for a helper that has not started: with the only pool thread held by
   * another pass, a pass runs all its blocks on the calling thread and returns.
   */
  @Test
  void aPassDoesNotWaitForABusyHelper() throws InterruptedException {
    try (BlockExecutor executor = new BlockExecutor(2)) {
      java.util.concurrent.CountDownLatch helperBusy = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      // pass A: its caller takes one of the 2 blocks and waits until the helper has the other,
      // which holds the pool's thread until released
      Thread other = new Thread(() -> executor.forEachBlock(2, BlockExecutor.INLINE_WORK,
          (b, worker) -> {
            try {
              if (worker == 1) {
                helperBusy.countDown();
                release.await();
              } else {
                helperBusy.await();
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }));
      other.start();
      helperBusy.await();
      AtomicIntegerArray workers = new AtomicIntegerArray(5);
      for (int b = 0; b < 5; b++) {
        workers.set(b, -1);
      }
      executor.forEachBlock(5, BlockExecutor.INLINE_WORK, (b, worker) -> workers.set(b, worker));
      for (int b = 0; b < 5; b++) {
        assertEquals(0, workers.get(b), "block " + b + " ran on the caller");
      }
      release.countDown();
      other.join();
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

  @Test
  void perRowPassesGiveEachSampleItsRowsInSampleOrderForAnyThreadCount() {
    // 65 blocks, the last one short, enough work (n d width > 2^20) for the pool's threads;
    // each row gets (its sample index, x . (1..d), y)
    int n = 64 * Samples.BLOCK_ROWS + 7;
    int d = 3;
    double[] x = new double[n * d];
    double[] y = new double[n];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.sin(i);
    }
    for (int j = 0; j < n; j++) {
      y[j] = Math.cos(j);
    }
    Samples samples = new Samples(x, y, d);
    SampleReducer.RowTask task = (block, out) -> {
      for (int r = 0; r < block.rows(); r++) {
        double dot = 0;
        for (int a = 0; a < block.d(); a++) {
          dot += block.x()[block.xOffset() + r * block.d() + a] * (a + 1);
        }
        out[3 * r] = block.firstRow() + r;
        out[3 * r + 1] = dot;
        out[3 * r + 2] = block.y()[block.yOffset() + r];
      }
    };
    double[] expected = new double[3 * n];
    for (int j = 0; j < n; j++) {
      expected[3 * j] = j;
      expected[3 * j + 1] = x[j * d] + 2 * x[j * d + 1] + 3 * x[j * d + 2];
      expected[3 * j + 2] = y[j];
    }
    SampleReducer sequential = (count, width, blockTask) -> {
      throw new AssertionError("not used");
    };
    assertArrayEquals(expected, sequential.rows(samples, 3, task));
    for (int threads = 1; threads <= 3; threads++) {
      try (BlockExecutor executor = new BlockExecutor(threads)) {
        assertArrayEquals(expected, executor.rows(samples, 3, task), threads + " threads");
      }
    }
    IllegalArgumentException tooWide = assertThrows(IllegalArgumentException.class,
        () -> sequential.rows(samples, Integer.MAX_VALUE / 1000, task));
    assertTrue(tooWide.getMessage().contains("n * width"), tooWide.getMessage());
  }
}
