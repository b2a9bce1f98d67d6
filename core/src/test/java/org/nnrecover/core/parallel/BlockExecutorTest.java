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
