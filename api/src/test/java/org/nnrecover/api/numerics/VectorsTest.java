package org.nnrecover.api.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Closed forms, and the index-order sums the determinism contract relies on. */
class VectorsTest {

  @Test
  void dotAndNormInClosedForm() {
    assertEquals(32, Vectors.dot(new double[] {1, 2, 3}, new double[] {4, 5, 6}), 0);
    // a slice: (2, 3) . (5, 6) = 28
    assertEquals(28, Vectors.dot(new double[] {1, 2, 3}, 1, new double[] {9, 5, 6}, 1, 2), 0);
    assertEquals(5, Vectors.norm(new double[] {3, 4}), 0);
    assertEquals(13, Vectors.norm(new double[] {7, 5, 12, 7}, 1, 2), 0); // |(5, 12)|
    assertEquals(5, Vectors.distance(new double[] {1, 1}, new double[] {4, 5}), 0);
  }

  @Test
  void sumsRunInIndexOrder() {
    // in index order (1e16 + 1) - 1e16 rounds to 0 (1e16 + 1 is not a double); any other order
    // that adds 1 last gives 1: the result pins the order
    double[] x = {1e16, 1, -1e16};
    assertEquals(0, Vectors.dot(x, new double[] {1, 1, 1}), 0);
    assertEquals(0, Vectors.sum(x), 0);
    assertEquals(1, Vectors.sum(new double[] {1e16, -1e16, 1}), 0);
  }

  @Test
  void axpyScaleAndNormalize() {
    double[] y = {1, 2};
    Vectors.axpy(2, new double[] {3, -1}, y);
    assertArrayEquals(new double[] {7, 0}, y, 0);
    double[] out = new double[2];
    Vectors.axpy(-1, new double[] {3, -1}, new double[] {1, 2}, out);
    assertArrayEquals(new double[] {-2, 3}, out, 0);
    double[] z = {3, -4};
    Vectors.scale(0.5, z);
    assertArrayEquals(new double[] {1.5, -2}, z, 0);
    assertEquals(2.5, Vectors.normalize(z), 0);
    assertArrayEquals(new double[] {0.6, -0.8}, z, 1e-16);
    double[] zero = {0, 0};
    assertEquals(0, Vectors.normalize(zero), 0);
    assertArrayEquals(new double[] {0, 0}, zero, 0);
  }

  @Test
  void differentLengthsAreRefusedWithBothLengths() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Vectors.dot(new double[2], new double[3]));
    assertTrue(e.getMessage().contains("2 and 3"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Vectors.axpy(1, new double[2], new double[2], new double[1]));
  }
}
