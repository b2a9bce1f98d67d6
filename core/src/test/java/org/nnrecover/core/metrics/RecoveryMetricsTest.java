package org.nnrecover.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.Network;
import org.nnrecover.api.numerics.Vectors;

class RecoveryMetricsTest {

  private static Network gaussianNetwork(int k, int d, SplittableRandom rng) {
    double[] w = new double[k * d];
    double[] v = new double[k];
    for (int i = 0; i < w.length; i++) {
      w[i] = gaussian(rng);
    }
    for (int i = 0; i < k; i++) {
      v[i] = rng.nextBoolean() ? 1.0 : -1.0;
    }
    return new Network(w, v, d);
  }

  private static double gaussian(SplittableRandom rng) {
    // Box-Muller; good enough for test data.
    return Math.sqrt(-2.0 * Math.log(1.0 - rng.nextDouble()))
        * Math.cos(2.0 * Math.PI * rng.nextDouble());
  }

  @Test
  void recoversAShuffledPermutationAtK100() {
    int k = 100;
    int d = 120;
    SplittableRandom rng = new SplittableRandom(42);
    Network truth = gaussianNetwork(k, d, rng);
    List<Integer> pi = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      pi.add(j);
    }
    Collections.shuffle(pi, new Random(7));
    // Estimate unit pi(j) = w*_j + noise of size 1e-6 per coordinate.
    double[] w = new double[k * d];
    double[] v = new double[k];
    double expectedUnitError = 0;
    double noiseFrob2 = 0;
    double truthFrob2 = 0;
    for (int j = 0; j < k; j++) {
      double[] noise = new double[d];
      for (int a = 0; a < d; a++) {
        noise[a] = 1e-6 * gaussian(rng);
        w[pi.get(j) * d + a] = truth.weight(j, a) + noise[a];
      }
      v[pi.get(j)] = truth.outputWeight(j);
      expectedUnitError =
          Math.max(expectedUnitError, Vectors.norm(noise) / Vectors.norm(truth.unit(j)));
      noiseFrob2 += Vectors.norm(noise) * Vectors.norm(noise);
      truthFrob2 += Vectors.norm(truth.unit(j)) * Vectors.norm(truth.unit(j));
    }
    RecoveryMetrics m = RecoveryMetrics.compute(truth, new Network(w, v, d), 2.0);
    assertEquals(pi, m.permutation());
    assertEquals(pi, m.frobPermutation());
    assertEquals(pi, m.directionPermutation());
    // The noise is ~1e-5 relative to the units; tolerances allow rounding of w* + noise - w*
    // (|w*| eps ~ 1e-15 per coordinate, i.e. ~1e-10 relative to the noise).
    assertEquals(expectedUnitError, m.unitError(), 1e-9 * expectedUnitError);
    assertEquals(Math.sqrt(noiseFrob2 / truthFrob2), m.frobError(), 1e-9 * m.frobError());
    assertTrue(m.unitError() > 1e-6 && m.unitError() < 1e-4, "unitError " + m.unitError());
    assertTrue(m.success());
    assertTrue(m.signsCorrect());
    // Directions and products move by O(noise / |w|) and O(p noise / |w|) respectively.
    assertTrue(m.directionError() < 2 * expectedUnitError, "directionError " + m.directionError());
    assertTrue(m.productError() < 3 * expectedUnitError, "productError " + m.productError());
  }

  @Test
  void handComputedValuesWithDifferentOptimalPermutations() {
    // d = 1: truth units 1 and 4, estimate units 1 and -0.5.
    // Identity: relative errors 0 and 4.5/4 = 1.125, squared distances 0 + 20.25.
    // Swap:     relative errors 1.5 and 3/4,          squared distances 2.25 + 9 = 11.25.
    // So the min-max keeps the identity, the Frobenius error swaps.
    Network truth = new Network(new double[] {1, 4}, new double[] {1, -1}, 1);
    Network estimate = new Network(new double[] {1, -0.5}, new double[] {1, -1}, 1);
    RecoveryMetrics m = RecoveryMetrics.compute(truth, estimate, Double.NaN);
    assertEquals(1.125, m.unitError(), 0.0);
    assertEquals(List.of(0, 1), m.permutation());
    assertEquals(Math.sqrt(11.25 / 17.0), m.frobError(), 1e-15);
    assertEquals(List.of(1, 0), m.frobPermutation());
    // Directions: +1, +1 vs +1, -1: the identity gives max(0, 2) = 2, the swap max(2, 0) = 2;
    // tie broken by the sum (2 both), first in order wins: identity.
    assertEquals(2.0, m.directionError(), 0.0);
    assertTrue(Double.isNaN(m.productError()));
    assertFalse(m.success());
    assertTrue(m.signsCorrect());
  }

  @Test
  void successNeedsSmallErrorAndMatchingSigns() {
    // d = 2: truth (1, 0), (0, 2); estimate swapped, relative unit errors 0.005 and 0.0075.
    Network truth = new Network(new double[] {1, 0, 0, 2}, new double[] {1, -1}, 2);
    Network good = new Network(new double[] {0, 2.015, 1.005, 0}, new double[] {-1, 1}, 2);
    RecoveryMetrics m = RecoveryMetrics.compute(truth, good, Double.NaN);
    assertEquals(List.of(1, 0), m.permutation());
    assertEquals(0.0075, m.unitError(), 1e-15);
    assertTrue(m.success());
    assertEquals(Math.sqrt((0.005 * 0.005 + 0.015 * 0.015) / 5.0), m.frobError(), 1e-15);

    // Both signs wrong: the sum is still 0 = sum v*, so the Figure-1b check passes; success not.
    Network flipped = new Network(new double[] {0, 2.01, 1.005, 0}, new double[] {1, -1}, 2);
    RecoveryMetrics f = RecoveryMetrics.compute(truth, flipped, Double.NaN);
    assertFalse(f.success());
    assertTrue(f.signsCorrect());

    Network oneWrong = new Network(new double[] {0, 2.01, 1.005, 0}, new double[] {1, 1}, 2);
    RecoveryMetrics o = RecoveryMetrics.compute(truth, oneWrong, Double.NaN);
    assertFalse(o.success());
    assertFalse(o.signsCorrect());

    Network tooFar = new Network(new double[] {0, 2.03, 1.005, 0}, new double[] {-1, 1}, 2);
    RecoveryMetrics t = RecoveryMetrics.compute(truth, tooFar, Double.NaN);
    assertEquals(0.015, t.unitError(), 1e-15);
    assertFalse(t.success());
  }

  @Test
  void scaleInvariantFormIgnoresRescaledUnits() {
    // (c^-p v_i, c w_i) is the same network for a degree-p homogeneous phi: unitError sees the
    // rescaling, the direction and product errors do not (up to rounding, ~1e-15).
    int k = 6;
    int d = 9;
    double p = 2.0;
    Network truth = gaussianNetwork(k, d, new SplittableRandom(3));
    int[] pi = {4, 0, 5, 2, 1, 3};
    double[] w = new double[k * d];
    double[] v = new double[k];
    for (int j = 0; j < k; j++) {
      double c = 0.5 + j * 0.3;
      for (int a = 0; a < d; a++) {
        w[pi[j] * d + a] = c * truth.weight(j, a);
      }
      v[pi[j]] = truth.outputWeight(j) * Math.pow(c, -p);
    }
    RecoveryMetrics m = RecoveryMetrics.compute(truth, new Network(w, v, d), p);
    assertEquals(List.of(4, 0, 5, 2, 1, 3), m.directionPermutation());
    assertEquals(0.0, m.directionError(), 1e-15);
    assertEquals(0.0, m.productError(), 1e-14);
    // Largest rescaling is c = 2 (relative unit error 1) against the smallest 0.5 (0.5).
    assertEquals(1.0, m.unitError(), 1e-12);
    assertFalse(m.success());
  }

  @Test
  void nonFiniteEstimateGivesNaNErrorsNotAnException() {
    Network truth = new Network(new double[] {1, 0, 0, 1}, new double[] {1, -1}, 2);
    Network diverged = new Network(new double[] {Double.NaN, 0, 0, 1}, new double[] {1, -1}, 2);
    RecoveryMetrics m = RecoveryMetrics.compute(truth, diverged, 1.0);
    assertTrue(Double.isNaN(m.unitError()));
    assertTrue(Double.isNaN(m.frobError()));
    assertTrue(Double.isNaN(m.directionError()));
    assertTrue(Double.isNaN(m.productError()));
    assertTrue(m.permutation().isEmpty());
    assertFalse(m.success());
    assertTrue(m.signsCorrect());
  }

  @Test
  void rejectsBadInputWithClearMessages() {
    Network truth = new Network(new double[] {1, 0, 0, 1}, new double[] {1, -1}, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RecoveryMetrics.compute(truth, new Network(new double[3], new double[] {1}, 3),
            Double.NaN));
    assertTrue(e.getMessage().contains("truth has k = 2") && e.getMessage().contains("d = 3"),
        e.getMessage());
    Network zeroUnit = new Network(new double[] {1, 0, 0, 0}, new double[] {1, -1}, 2);
    e = assertThrows(IllegalArgumentException.class,
        () -> RecoveryMetrics.compute(zeroUnit, truth, Double.NaN));
    assertTrue(e.getMessage().contains("w*_1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RecoveryMetrics.compute(truth, truth, -1.0));
    assertTrue(e.getMessage().contains("homogeneity degree"), e.getMessage());
    Network zeroV = new Network(new double[] {1, 0, 0, 1}, new double[] {0, -1}, 2);
    e = assertThrows(IllegalArgumentException.class,
        () -> RecoveryMetrics.compute(zeroV, truth, 1.0));
    assertTrue(e.getMessage().contains("v*_0"), e.getMessage());
  }
}
