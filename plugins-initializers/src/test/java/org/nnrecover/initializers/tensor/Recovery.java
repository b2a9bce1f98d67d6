package org.nnrecover.initializers.tensor;

import java.util.List;
import org.nnrecover.api.Network;
import org.nnrecover.core.metrics.RecoveryMetrics;

/** Recovery checks for tests, from core's metrics (METHOD.md section 8). */
final class Recovery {
  private Recovery() {}

  /** min over permutations pi of max_j |w*_j - w_pi(j)| / |w*_j|. */
  static double unitError(Network truth, Network estimate) {
    return RecoveryMetrics.compute(truth, estimate, Double.NaN).unitError();
  }

  /** The best permutation's v agreement: whether v_pi(j) = v*_j for the unitError permutation. */
  static boolean sameV(Network truth, Network estimate) {
    List<Integer> best = RecoveryMetrics.compute(truth, estimate, Double.NaN).permutation();
    for (int j = 0; j < truth.k(); j++) {
      if (truth.outputWeight(j) != estimate.outputWeight(best.get(j))) {
        return false;
      }
    }
    return true;
  }
}
