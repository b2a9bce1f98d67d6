package org.nnrecover.initializers.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.numerics.Vectors;

/** Joint selection of components shared by several tensors, and the balanced alpha. */
class JointSelectionTest {
  private static final int K = 4;

  private static double[] unit(SplittableRandom random) {
    double[] u = JennrichDecomposerProvider.gaussian(random, K);
    Vectors.normalize(u);
    return u;
  }

  @Test
  void picksTheSharedComponentsOverDecoysAndNearDuplicates() {
    SplittableRandom random = new SplittableRandom(7);
    double[][] truth = new double[K][];
    for (int i = 0; i < K; i++) {
      truth[i] = unit(random);
    }
    // Three tensors with the same components; in each one a different unit has weight 1e-3, as
    // when alpha . wbar_i is small for that draw.
    List<double[]> tensors = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      double[] lambda = {1.0, -0.8, 1.3, -1.1};
      lambda[m] = 1e-3;
      tensors.add(SymmetricTensors.compose(truth, lambda, K));
    }
    // Pool: decoys, the truth, and near-duplicates of truth 0 and 1 (perturbed by 1e-2).
    List<double[]> pool = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pool.add(unit(random));
    }
    int firstTrue = pool.size();
    pool.addAll(List.of(truth));
    for (int i = 0; i < 2; i++) {
      double[] near = truth[i].clone();
      near[0] += 1e-2;
      Vectors.normalize(near);
      pool.add(near);
    }
    JointSelection.Result result = JointSelection.select(tensors, pool.toArray(new double[0][]),
        K, K);
    int[] chosen = result.chosen().clone();
    Arrays.sort(chosen);
    assertArrayEquals(new int[] {firstTrue, firstTrue + 1, firstTrue + 2, firstTrue + 3}, chosen);
    // Exact tensors: the residual is zero up to rounding of the Gram solve (entries O(1)).
    assertEquals(0, result.relativeResidual(), 1e-6);
  }

  @Test
  void residualOfAnIncompletePoolIsTheUnexplainedFraction() {
    SplittableRandom random = new SplittableRandom(3);
    double[][] truth = new double[K][];
    for (int i = 0; i < K; i++) {
      truth[i] = unit(random);
    }
    double[] lambda = {1, 1, 1, 1};
    double[] t = SymmetricTensors.compose(truth, lambda, K);
    // Choose 1 of the 4 true components: the best single one, checked by brute force against the
    // least-squares residual of each candidate alone.
    JointSelection.Result result = JointSelection.select(List.of(t), truth, K, 1);
    double best = Double.POSITIVE_INFINITY;
    for (double[] u : truth) {
      double[] w = SymmetricTensors.fitWeights(t, new double[][] {u}, K);
      double r = SymmetricTensors.residual(t, new double[][] {u}, w, K)
          / Vectors.norm(t);
      best = Math.min(best, r);
    }
    // Same quantity by two routes (Gram formula vs explicit residual): agree to rounding.
    assertEquals(best, result.relativeResidual(), 1e-10);
  }

  @Test
  void refusesTooFewCandidates() {
    double[][] one = {{1, 0, 0, 0}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JointSelection.select(List.of(new double[K * K * K]), one, K, 2));
    assertTrue(e.getMessage().contains("at least 2 candidates"), e.getMessage());
  }

  @Test
  void balancedGammaGivesEveryUnitTheSameFactor() {
    SplittableRandom random = new SplittableRandom(5);
    double[][] u = new double[K][];
    for (int i = 0; i < K; i++) {
      u[i] = unit(random);
    }
    double[] gamma = TensorMethod.balancedGamma(u, K);
    assertEquals(1, Vectors.norm(gamma), 1e-12);
    double a0 = Vectors.dot(gamma, 0, u[0], 0, K);
    assertTrue(a0 > 0);
    for (int i = 1; i < K; i++) {
      assertEquals(a0, Vectors.dot(gamma, 0, u[i], 0, K), 1e-12);
    }
  }
}
