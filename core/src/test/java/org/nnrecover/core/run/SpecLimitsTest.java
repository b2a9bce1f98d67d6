package org.nnrecover.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpecLimitsTest {

  /** 8 (n (d + 1) + n (2k + 8) + 8 d^2) bytes, worked out by hand for d = 10, k = 5, n = 10^4. */
  @Test
  void theEstimateIsTheDocumentedFormula() {
    assertEquals(8L * (10_000 * 11 + 10_000 * 18 + 8 * 100), SpecLimits.estimateBytes(10, 5,
        10_000));
  }

  @Test
  void memoryBeyondTheHeapIsRefusedWithTheEstimateAndTheLimit() {
    long heap = Runtime.getRuntime().maxMemory();
    long n = heap / 96 + 1; // d = k = 1: 8 (2 n + 10 n + 8) bytes, just above the heap
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpecLimits.checkMemory(1, 1, n, 1));
    assertTrue(e.getMessage().contains(SpecLimits.bytes(SpecLimits.estimateBytes(1, 1, n)))
        && e.getMessage().contains(SpecLimits.bytes(heap)), e.getMessage());
    SpecLimits.checkMemory(10, 5, 10_000, 2); // 4.4 MiB: fits any heap the tests run with
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> SpecLimits.checkMemory(1, 1, n / 2 + 1, 2));
    assertTrue(twice.getMessage().contains("2 runs at once"), twice.getMessage());
  }

  @Test
  void boundsAreInclusive() {
    SpecSchema.field("kappa").check(1.0, null);
    SpecSchema.field("kappa").check(SpecLimits.MAX_KAPPA, null);
    SpecSchema.field("noise").check(0.0, null);
    SpecSchema.field("noise").check(SpecLimits.MAX_NOISE, null);
    assertEquals(SpecLimits.MAX_THREADS, SpecLimits.checkThreads("t", SpecLimits.MAX_THREADS));
    assertThrows(IllegalArgumentException.class, () -> SpecSchema.field("kappa").check(
        Math.nextUp(SpecLimits.MAX_KAPPA), null));
    assertThrows(IllegalArgumentException.class, () -> SpecSchema.field("noise").check(
        -Double.MIN_VALUE, null));
    assertThrows(IllegalArgumentException.class, () -> SpecLimits.checkThreads("t",
        SpecLimits.MAX_THREADS + 1));
    assertThrows(IllegalArgumentException.class, () -> SpecSchema.field("n").check(0, null));
  }
}
