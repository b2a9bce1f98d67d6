package org.nnrecover.initializers.tensor;

import org.nnrecover.api.Network;

/** Brute-force recovery metrics for tests (k <= 6): unitError and the v check of METHOD.md 8. */
final class Recovery {
  private Recovery() {}

  /** min over permutations pi of max_j |w*_j - w_pi(j)| / |w*_j|. */
  static double unitError(Network truth, Network estimate) {
    double[] value = {Double.POSITIVE_INFINITY};
    bestPermutation(truth, estimate, new int[truth.k()], new boolean[truth.k()], 0,
        new int[truth.k()], value);
    return value[0];
  }

  /** The best permutation's v agreement: whether v_pi(j) = v*_j for the unitError permutation. */
  static boolean sameV(Network truth, Network estimate) {
    int k = truth.k();
    int[] best = new int[k];
    bestPermutation(truth, estimate, new int[k], new boolean[k], 0, best, new double[] {
        Double.POSITIVE_INFINITY});
    for (int j = 0; j < k; j++) {
      if (truth.outputWeight(j) != estimate.outputWeight(best[j])) {
        return false;
      }
    }
    return true;
  }

  private static void bestPermutation(Network truth, Network estimate, int[] perm, boolean[] used,
      int j, int[] best, double[] value) {
    int k = truth.k();
    if (j == k) {
      double worst = 0;
      for (int i = 0; i < k; i++) {
        worst = Math.max(worst, relative(truth.unit(i), estimate.unit(perm[i])));
      }
      if (worst < value[0]) {
        value[0] = worst;
        System.arraycopy(perm, 0, best, 0, k);
      }
      return;
    }
    for (int c = 0; c < k; c++) {
      if (!used[c]) {
        used[c] = true;
        perm[j] = c;
        bestPermutation(truth, estimate, perm, used, j + 1, best, value);
        used[c] = false;
      }
    }
  }

  private static double relative(double[] a, double[] b) {
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < a.length; i++) {
      diff += (a[i] - b[i]) * (a[i] - b[i]);
      norm += a[i] * a[i];
    }
    return Math.sqrt(diff / norm);
  }
}
