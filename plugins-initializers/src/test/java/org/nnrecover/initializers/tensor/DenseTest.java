package org.nnrecover.initializers.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Condition numbers against closed forms. */
class DenseTest {

  @Test
  void conditionNumberOfARectangularDiagonalMatrix() {
    double[] a = {3, 0, 0, 0, 0.5, 0}; // 3 x 2, column-major: singular values 3 and 0.5
    assertEquals(6, Dense.conditionNumber(a, 3, 2), 1e-12);
  }

  @Test
  void conditionNumberBeyondTheReachOfTheGramMatrix() {
    // [[1, 1], [1, 1 + e]] is symmetric with eigenvalues (2 + e -+ sqrt(4 + e^2)) / 2, so its
    // condition number is their ratio, about 4 / e = 4e9. A^T A would have a smallest eigenvalue
    // of 2.5e-19, below the rounding error of its largest (16 x 1e-16).
    double e = 1e-9;
    double root = Math.sqrt(4 + e * e);
    double small = 2 * e / (2 + e + root); // (2 + e - root) / 2 without cancellation
    double expected = ((2 + e + root) / 2) / small;
    double[] a = {1, 1, 1, 1 + e};
    assertEquals(expected, Dense.conditionNumber(a, 2, 2), 1e-5 * expected);
  }
}
