package org.nnrecover.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AssignmentsTest {
  private static final int SEEDS = 200;

  /** Optimum found by enumerating permutations in lexicographic order (next-permutation). */
  private static final class BruteForce {
    int[] minSumPerm;
    double minSum = Double.POSITIVE_INFINITY;
    int[] minMaxPerm;
    double minMaxMax = Double.POSITIVE_INFINITY;
    double minMaxSum = Double.POSITIVE_INFINITY;

    BruteForce(double[][] cost) {
      int k = cost.length;
      int[] p = new int[k];
      for (int i = 0; i < k; i++) {
        p[i] = i;
      }
      do {
        double max = 0;
        double sum = 0;
        for (int j = 0; j < k; j++) {
          max = Math.max(max, cost[j][p[j]]);
          sum += cost[j][p[j]];
        }
        if (sum < minSum) {
          minSum = sum;
          minSumPerm = p.clone();
        }
        if (max < minMaxMax || (max == minMaxMax && sum < minMaxSum)) {
          minMaxMax = max;
          minMaxSum = sum;
          minMaxPerm = p.clone();
        }
      } while (nextPermutation(p));
    }

    private static boolean nextPermutation(int[] p) {
      int i = p.length - 2;
      while (i >= 0 && p[i] >= p[i + 1]) {
        i--;
      }
      if (i < 0) {
        return false;
      }
      int j = p.length - 1;
      while (p[j] <= p[i]) {
        j--;
      }
      swap(p, i, j);
      for (int a = i + 1, b = p.length - 1; a < b; a++, b--) {
        swap(p, a, b);
      }
      return true;
    }

    private static void swap(int[] p, int i, int j) {
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
  }

  private static double[][] randomCosts(int k, SplittableRandom rng, boolean integer) {
    double[][] c = new double[k][k];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < k; i++) {
        c[j][i] = integer ? rng.nextInt(4) : rng.nextDouble();
      }
    }
    return c;
  }

  @Test
  void continuousCostsMatchBruteForceExactly() {
    // Continuous random costs have a unique optimum with probability 1, so the permutations
    // themselves must agree, and then the values agree bit for bit (same row-order sum).
    for (int k = 2; k <= 7; k++) {
      for (int seed = 0; seed < SEEDS; seed++) {
        double[][] c = randomCosts(k, new SplittableRandom(1000L * k + seed), false);
        BruteForce bf = new BruteForce(c);
        String where = "k = " + k + ", seed = " + seed;
        int[] hungarian = Assignments.hungarian(c);
        assertArrayEquals(bf.minSumPerm, hungarian, where);
        assertEquals(bf.minSum, Assignments.sumCost(c, hungarian), 0.0, where);
        assertArrayEquals(bf.minSumPerm, Assignments.exhaustive(c, false), where);

        int[] bottleneck = Assignments.bottleneck(c);
        assertArrayEquals(bf.minMaxPerm, bottleneck, where);
        assertEquals(bf.minMaxMax, Assignments.maxCost(c, bottleneck), 0.0, where);
        assertArrayEquals(bf.minMaxPerm, Assignments.exhaustive(c, true), where);
      }
    }
  }

  @Test
  void tiedIntegerCostsReachTheBruteForceOptimumValues() {
    // Costs in {0,1,2,3}: many optimal permutations, so only the optimal values are unique
    // (sums of small integers are exact, so exact equality is the right check).
    for (int k = 2; k <= 7; k++) {
      for (int seed = 0; seed < SEEDS; seed++) {
        double[][] c = randomCosts(k, new SplittableRandom(7000L * k + seed), true);
        BruteForce bf = new BruteForce(c);
        String where = "k = " + k + ", seed = " + seed;
        assertEquals(bf.minSum, Assignments.sumCost(c, Assignments.hungarian(c)), 0.0, where);
        assertEquals(bf.minSum, Assignments.sumCost(c, Assignments.exhaustive(c, false)), 0.0,
            where);
        for (int[] perm : new int[][] {Assignments.bottleneck(c), Assignments.exhaustive(c, true)}) {
          assertEquals(bf.minMaxMax, Assignments.maxCost(c, perm), 0.0, where);
          // Tie-break: the smallest sum among the min-max permutations.
          assertEquals(bf.minMaxSum, Assignments.sumCost(c, perm), 0.0, where);
        }
      }
    }
  }

  @Test
  void minMaxAndMinSumCanDisagree() {
    // Hand-checked: the diagonal has max 4 and sum 8, the anti-diagonal max 5 and sum 5.
    double[][] c = {{4, 5}, {0, 4}};
    assertArrayEquals(new int[] {0, 1}, Assignments.minMax(c));
    assertArrayEquals(new int[] {1, 0}, Assignments.minSum(c));
    assertArrayEquals(new int[] {0, 1}, Assignments.bottleneck(c));
    assertArrayEquals(new int[] {1, 0}, Assignments.hungarian(c));
  }

  @Test
  void rejectsMalformedCosts() {
    assertThrows(IllegalArgumentException.class, () -> Assignments.minSum(new double[0][0]));
    assertThrows(IllegalArgumentException.class,
        () -> Assignments.minMax(new double[][] {{1, 2}, {3}}));
    assertThrows(IllegalArgumentException.class,
        () -> Assignments.minSum(new double[][] {{1, Double.NaN}, {3, 4}}));
    assertThrows(IllegalArgumentException.class,
        () -> Assignments.minSum(new double[][] {{1, -1}, {3, 4}}));
  }
}
