package org.nnrecover.core.metrics;

import java.util.Arrays;

/**
 * Optimal assignments on a square cost matrix: row j is assigned column {@code perm[j]}.
 *
 * <p>Two objectives. {@code minSum}: the smallest sum of costs (linear assignment).
 * {@code minMax}: the smallest maximal cost (bottleneck assignment); because many permutations
 * usually share the optimal maximum, ties are broken by the smallest sum, so that the result is
 * the lexicographic (max, sum) optimum and the non-bottleneck rows are matched sensibly too.
 *
 * <p>Costs must be finite and non-negative. Up to {@link #EXHAUSTIVE_MAX_K} rows every permutation
 * is tried; beyond, the polynomial algorithms are used (both O(k^3), up to a log factor).
 */
final class Assignments {
  /** Largest size solved by trying every permutation (8! = 40320 permutations). */
  static final int EXHAUSTIVE_MAX_K = 8;

  private Assignments() {}

  /** The permutation with the smallest sum of costs. */
  static int[] minSum(double[][] cost) {
    checkCosts(cost);
    return cost.length <= EXHAUSTIVE_MAX_K ? exhaustive(cost, false) : hungarian(cost);
  }

  /** The permutation with the smallest maximal cost, ties broken by the smallest sum. */
  static int[] minMax(double[][] cost) {
    checkCosts(cost);
    return cost.length <= EXHAUSTIVE_MAX_K ? exhaustive(cost, true) : bottleneck(cost);
  }

  /**
   * Tries every permutation. Minimizes the sum, or (max, sum) lexicographically when
   * {@code maxFirst}. The first optimum in lexicographic order of permutations wins ties.
   */
  static int[] exhaustive(double[][] cost, boolean maxFirst) {
    int k = cost.length;
    Search search = new Search(cost, maxFirst);
    search.extend(0, new int[k], new boolean[k], 0.0, 0.0);
    return search.best;
  }

  /** Depth-first enumeration of permutations, carrying the partial max and sum. */
  private static final class Search {
    private final double[][] cost;
    private final boolean maxFirst;
    private int[] best;
    private double bestMax = Double.POSITIVE_INFINITY;
    private double bestSum = Double.POSITIVE_INFINITY;

    Search(double[][] cost, boolean maxFirst) {
      this.cost = cost;
      this.maxFirst = maxFirst;
    }

    void extend(int row, int[] perm, boolean[] usedColumn, double max, double sum) {
      int k = cost.length;
      if (row == k) {
        boolean better = maxFirst
            ? max < bestMax || (max == bestMax && sum < bestSum)
            : sum < bestSum;
        if (better) {
          best = perm.clone();
          bestMax = max;
          bestSum = sum;
        }
        return;
      }
      for (int col = 0; col < k; col++) {
        if (!usedColumn[col]) {
          usedColumn[col] = true;
          perm[row] = col;
          double c = cost[row][col];
          extend(row + 1, perm, usedColumn, Math.max(max, c), sum + c);
          usedColumn[col] = false;
        }
      }
    }
  }

  /**
   * Bottleneck assignment: binary search over the sorted distinct cost values for the smallest
   * threshold t that admits a perfect matching using only entries {@code <= t}, then the
   * smallest-sum permutation among those (Hungarian with the entries above t forbidden).
   */
  static int[] bottleneck(double[][] cost) {
    int k = cost.length;
    double[] values = new double[k * k];
    for (int j = 0; j < k; j++) {
      System.arraycopy(cost[j], 0, values, j * k, k);
    }
    Arrays.sort(values);
    int distinct = 0;
    for (int i = 0; i < values.length; i++) {
      if (i == 0 || values[i] != values[distinct - 1]) {
        values[distinct++] = values[i];
      }
    }
    // The largest value always admits a matching (every entry allowed).
    int lo = 0;
    int hi = distinct - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (hasPerfectMatching(cost, values[mid])) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    double threshold = values[lo];
    double[][] restricted = new double[k][k];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < k; i++) {
        restricted[j][i] = cost[j][i] <= threshold ? cost[j][i] : Double.POSITIVE_INFINITY;
      }
    }
    return hungarian(restricted);
  }

  /** Whether the bipartite graph of entries {@code <= threshold} has a perfect matching (Kuhn). */
  private static boolean hasPerfectMatching(double[][] cost, double threshold) {
    int k = cost.length;
    int[] rowOfColumn = new int[k];
    Arrays.fill(rowOfColumn, -1);
    boolean[] visited = new boolean[k];
    for (int row = 0; row < k; row++) {
      Arrays.fill(visited, false);
      if (!augment(row, cost, threshold, rowOfColumn, visited)) {
        return false;
      }
    }
    return true;
  }

  /** Tries to match {@code row} along an augmenting path; depth at most k. */
  private static boolean augment(int row, double[][] cost, double threshold, int[] rowOfColumn,
      boolean[] visited) {
    for (int col = 0; col < cost.length; col++) {
      if (!visited[col] && cost[row][col] <= threshold) {
        visited[col] = true;
        if (rowOfColumn[col] < 0
            || augment(rowOfColumn[col], cost, threshold, rowOfColumn, visited)) {
          rowOfColumn[col] = row;
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Hungarian algorithm (shortest augmenting paths with row and column potentials), O(k^3).
   * Entries may be +infinity (forbidden) as long as a finite perfect matching exists: by Hall's
   * condition every augmentation step then finds a finite slack, so the potentials stay finite.
   */
  static int[] hungarian(double[][] cost) {
    int k = cost.length;
    // 1-based internally; index 0 is the virtual start column of each augmentation.
    double[] rowPotential = new double[k + 1];
    double[] colPotential = new double[k + 1];
    int[] rowOfColumn = new int[k + 1];
    int[] previousColumn = new int[k + 1];
    double[] minSlack = new double[k + 1];
    boolean[] used = new boolean[k + 1];
    for (int row = 1; row <= k; row++) {
      rowOfColumn[0] = row;
      int col0 = 0;
      Arrays.fill(minSlack, Double.POSITIVE_INFINITY);
      Arrays.fill(used, false);
      do {
        used[col0] = true;
        int row0 = rowOfColumn[col0];
        double delta = Double.POSITIVE_INFINITY;
        int col1 = 0;
        for (int col = 1; col <= k; col++) {
          if (!used[col]) {
            double slack = cost[row0 - 1][col - 1] - rowPotential[row0] - colPotential[col];
            if (slack < minSlack[col]) {
              minSlack[col] = slack;
              previousColumn[col] = col0;
            }
            if (minSlack[col] < delta) {
              delta = minSlack[col];
              col1 = col;
            }
          }
        }
        if (col1 == 0) {
          throw new IllegalArgumentException("no finite assignment exists");
        }
        for (int col = 0; col <= k; col++) {
          if (used[col]) {
            rowPotential[rowOfColumn[col]] += delta;
            colPotential[col] -= delta;
          } else {
            minSlack[col] -= delta;
          }
        }
        col0 = col1;
      } while (rowOfColumn[col0] != 0);
      do {
        int col1 = previousColumn[col0];
        rowOfColumn[col0] = rowOfColumn[col1];
        col0 = col1;
      } while (col0 != 0);
    }
    int[] perm = new int[k];
    for (int col = 1; col <= k; col++) {
      perm[rowOfColumn[col] - 1] = col - 1;
    }
    return perm;
  }

  /** Maximal cost along a permutation. */
  static double maxCost(double[][] cost, int[] perm) {
    double max = 0.0;
    for (int j = 0; j < perm.length; j++) {
      max = Math.max(max, cost[j][perm[j]]);
    }
    return max;
  }

  /** Sum of costs along a permutation, in row order. */
  static double sumCost(double[][] cost, int[] perm) {
    double sum = 0.0;
    for (int j = 0; j < perm.length; j++) {
      sum += cost[j][perm[j]];
    }
    return sum;
  }

  private static void checkCosts(double[][] cost) {
    int k = cost.length;
    if (k == 0) {
      throw new IllegalArgumentException("cost matrix is empty");
    }
    for (int j = 0; j < k; j++) {
      if (cost[j].length != k) {
        throw new IllegalArgumentException("cost matrix is not square: row " + j + " has "
            + cost[j].length + " entries, expected " + k);
      }
      for (double c : cost[j]) {
        if (!(c >= 0.0 && c < Double.POSITIVE_INFINITY)) {
          throw new IllegalArgumentException("costs must be finite and >= 0, got " + c);
        }
      }
    }
  }
}
