package org.nnrecover.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.Decomposition;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.Params;
import org.nnrecover.api.TensorDecomposer;
import org.nnrecover.api.TensorDecomposerProvider;
import org.nnrecover.api.numerics.Vectors;

/**
 * The contract of a tensor-decomposer plugin. Extend it with the provider under test:
 *
 * <pre>{@code
 * class MyDecomposerContractTest extends TensorDecomposerContract {
 *   protected TensorDecomposerProvider provider() { return new MyDecomposerProvider(); }
 * }
 * }</pre>
 *
 * <p>On exact symmetric tensors {@code T = sum_i lambda_i u_i (x) u_i (x) u_i} (k = 5, ranks 1, 3
 * and 5, weights of both signs, seeded) it checks: the result has {@code rank} rows of length k,
 * unit vectors and finite numbers; the reported residual is |T - sum lambda_i u_i^(3)|_F; the
 * relative residual is below {@link #tolerance()}; every true component is found, up to the order
 * and the sign convention ({@code (u, lambda)} and {@code (-u, -lambda)} are the same term, since
 * u^(3) is odd); the same random stream gives the same result; a rank above k is refused with an
 * {@link IllegalArgumentException}.
 */
public abstract class TensorDecomposerContract {
  private static final int K = 5;

  /** The provider under test. */
  protected abstract TensorDecomposerProvider provider();

  /** The parameters the decomposer is made with; all defaults unless overridden. */
  protected Params params() {
    return Params.defaults(provider().name(), provider().parameters());
  }

  /**
   * Whether the decomposer is claimed exact only for orthogonal components (a tensor power method
   * with deflation, for example); then the exact tensors have orthonormal u_i. Default: false, the
   * components are in general position (random unit vectors), as the tensor initializer needs.
   */
  protected boolean orthogonalComponentsOnly() {
    return false;
  }

  /**
   * Relative residual |T - sum lambda_i u_i^(3)|_F / |T|_F allowed on an exact tensor, and 1 minus
   * the smallest |cos| between a true and a found component. 1e-6 leaves room for iterative
   * methods that stop at a relative improvement of 1e-12 per sweep.
   */
  protected double tolerance() {
    return 1e-6;
  }

  private TensorDecomposer decomposer() {
    return provider().create(params());
  }

  @Test
  void providerDescribesItselfAndItsParameterDefaultsAreValid() {
    ProviderChecks.describesItself(provider());
  }

  @Test
  void recoversExactTensorsUpToOrderAndSign() {
    for (int rank : new int[] {1, 3, K}) {
      ExactTensor exact = ExactTensor.draw(K, rank, orthogonalComponentsOnly(),
          new SplittableRandom(40 + rank));
      Decomposition found = decomposer().decompose(exact.entries.clone(), K, rank,
          new SplittableRandom(7), new DroppingDiagnostics());
      checkShape(found, rank);
      double reconstructed = ExactTensor.residual(exact.entries, found, K);
      double norm = Vectors.norm(exact.entries);
      assertEquals(reconstructed, found.residual(), 1e-8 * norm + 1e-12,
          "rank " + rank + ": the reported residual must be |T - sum_i lambda_i u_i^(3)|_F");
      if (!(reconstructed <= tolerance() * norm)) {
        fail("rank " + rank + ": relative residual " + reconstructed / norm + " on an exact"
            + " tensor, allowed " + tolerance());
      }
      for (int i = 0; i < rank; i++) {
        matchComponent(exact, i, found, rank);
      }
    }
  }

  @Test
  void sameRandomStreamGivesTheSameResult() {
    ExactTensor exact = ExactTensor.draw(K, 3, orthogonalComponentsOnly(), new SplittableRandom(3));
    Decomposition a = decomposer().decompose(exact.entries.clone(), K, 3, new SplittableRandom(11),
        new DroppingDiagnostics());
    Decomposition b = decomposer().decompose(exact.entries.clone(), K, 3, new SplittableRandom(11),
        new DroppingDiagnostics());
    assertArrayEquals(a.weights(), b.weights(), 0, "weights differ between two equal calls");
    for (int i = 0; i < a.vectors().length; i++) {
      assertArrayEquals(a.vectors()[i], b.vectors()[i], 0, "vector " + i + " differs");
    }
  }

  @Test
  void refusesARankAboveTheSideLength() {
    ExactTensor exact = ExactTensor.draw(K, 2, orthogonalComponentsOnly(), new SplittableRandom(5));
    assertThrows(IllegalArgumentException.class, () -> decomposer().decompose(exact.entries, K,
        K + 1, new SplittableRandom(1), new DroppingDiagnostics()),
        "rank k + 1 must be refused with an IllegalArgumentException");
  }

  private static void checkShape(Decomposition found, int rank) {
    assertEquals(rank, found.vectors().length, "one vector per component");
    for (int i = 0; i < rank; i++) {
      double[] u = found.vectors()[i];
      assertEquals(K, u.length, "vector " + i + " must have k entries");
      double norm = 0;
      for (double value : u) {
        assertTrue(Double.isFinite(value), "vector " + i + " has a non-finite entry");
        norm += value * value;
      }
      assertEquals(1, Math.sqrt(norm), 1e-10, "vector " + i + " must be a unit vector");
      assertTrue(Double.isFinite(found.weights()[i]), "weight " + i + " is not finite");
    }
  }

  /** True component i must match some found component up to sign, with the weight to match. */
  private void matchComponent(ExactTensor exact, int i, Decomposition found, int rank) {
    double best = 0;
    int at = -1;
    for (int j = 0; j < rank; j++) {
      double cos = Vectors.dot(exact.vectors[i], 0, found.vectors()[j], 0, K);
      if (Math.abs(cos) > Math.abs(best)) {
        best = cos;
        at = j;
      }
    }
    if (!(Math.abs(best) >= 1 - tolerance())) {
      fail("rank " + rank + ": true component " + i + " not found (best |cos| = "
          + Math.abs(best) + ")");
    }
    double signedWeight = Math.signum(best) * found.weights()[at];
    assertEquals(exact.weights[i], signedWeight, 1e-4 * Math.abs(exact.weights[i]),
        "rank " + rank + ": the weight of component " + i + " (after aligning the sign of u)");
  }

  /** Diagnostics that keep nothing: the contract does not prescribe what a decomposer records. */
  private static final class DroppingDiagnostics implements Diagnostics {
    @Override
    public void put(String key, Object value) {
      // accepted and dropped
    }
  }

  /** A symmetric tensor built from known components. */
  private static final class ExactTensor {
    final double[][] vectors;
    final double[] weights;
    final double[] entries;

    private ExactTensor(double[][] vectors, double[] weights, int k) {
      this.vectors = vectors;
      this.weights = weights;
      this.entries = build(vectors, weights, k);
    }

    /** Unit components (orthonormal when asked), weights +-(1 + i/2), alternating signs. */
    static ExactTensor draw(int k, int rank, boolean orthogonal, SplittableRandom random) {
      double[][] u = new double[rank][k];
      for (int i = 0; i < rank; i++) {
        double norm;
        do {
          for (int a = 0; a < k; a++) {
            u[i][a] = random.nextGaussian();
          }
          for (int j = 0; orthogonal && j < i; j++) {
            Vectors.axpy(-Vectors.dot(u[i], u[j]), u[j], u[i]);
          }
          norm = Vectors.normalize(u[i]);
        } while (norm < 1e-3);
      }
      double[] lambda = new double[rank];
      for (int i = 0; i < rank; i++) {
        lambda[i] = (i % 2 == 0 ? 1 : -1) * (1 + i / 2.0);
      }
      return new ExactTensor(u, lambda, k);
    }

    static double[] build(double[][] u, double[] lambda, int k) {
      double[] t = new double[k * k * k];
      for (int i = 0; i < u.length; i++) {
        for (int a = 0; a < k; a++) {
          for (int b = 0; b < k; b++) {
            for (int c = 0; c < k; c++) {
              t[(a * k + b) * k + c] += lambda[i] * u[i][a] * u[i][b] * u[i][c];
            }
          }
        }
      }
      return t;
    }

    static double residual(double[] t, Decomposition found, int k) {
      double[] model = build(found.vectors(), found.weights(), k);
      double sum = 0;
      for (int e = 0; e < t.length; e++) {
        sum += (t[e] - model[e]) * (t[e] - model[e]);
      }
      return Math.sqrt(sum);
    }
  }
}
