package org.nnrecover.initializers.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.activations.Linear;
import org.nnrecover.activations.Quadratic;
import org.nnrecover.activations.Relu;
import org.nnrecover.activations.SquaredRelu;
import org.nnrecover.activations.Tanh;
import org.nnrecover.api.Activation;
import org.nnrecover.api.Network;
import org.nnrecover.api.RefusedException;
import org.nnrecover.core.data.SampleFiles;
import org.nnrecover.core.data.Seeds;
import org.nnrecover.core.data.TeacherKind;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.theory.ActivationProfiles;

/** The tensor and spectral initializers end to end on sampled teachers. */
class InitializerTest {
  @TempDir
  Path dir;

  private static final Activation RELU = TestActivations.plugin(new Relu());
  private static final Activation SQUARED_RELU = TestActivations.plugin(new SquaredRelu());
  private static final Activation TANH = TestActivations.plugin(new Tanh());
  private static final Activation LINEAR = TestActivations.plugin(new Linear());
  private static final Activation QUADRATIC = TestActivations.plugin(new Quadratic());

  @Test
  void squaredReluMatchesTheMeasuredAccuracy() {
    // METHOD.md section 5: d = 10, k = 5, kappa = 2, n = 10^4 gave 0.12 [0.09, 0.18] over 10
    // seeds. Over seeds 1..5 here: median below 0.16 and every run below 0.25 with v right,
    // bounds with room for seed-to-seed spread (this implementation measured 0.122 [0.087, 0.201]
    // over seeds 1..10).
    double[] errors = new double[5];
    try (BlockExecutor executor = new BlockExecutor(2)) {
      for (int seed = 1; seed <= 5; seed++) {
        Problems p = Problems.make(TeacherKind.RANDOM, SQUARED_RELU, 10, 5, 2, 10000, seed,
            executor);
        Network w0 = Problems.tensor(p.context(), Map.of());
        errors[seed - 1] = Recovery.unitError(p.teacher(), w0);
        assertTrue(Recovery.sameV(p.teacher(), w0), "seed " + seed + ": v wrong");
        assertEquals(2, p.context().recorded().get("orders.j2"));
        assertEquals(3, p.context().recorded().get("orders.j3"));
      }
    }
    Arrays.sort(errors);
    assertTrue(errors[2] < 0.16, "median " + errors[2]);
    assertTrue(errors[4] < 0.25, "max " + errors[4]);
  }

  @Test
  void controlVariateRoundsRemoveTheTensorsSamplingError() {
    // docs/results.md 4a2: with k = d the subspace is exact, so the error left after the first
    // estimate is the tensor's sampling error, which the control-variate rounds remove (noiseless
    // labels). Squared ReLU, d = k = 10, n = 5000 (11 samples per free tensor entry), seeds 1..3:
    // measured 0.246-0.255 with control-rounds=0 and 0.021-0.024 with the default 2 rounds.
    try (BlockExecutor executor = new BlockExecutor(2)) {
      for (int seed = 1; seed <= 3; seed++) {
        Problems plain = Problems.make(TeacherKind.RANDOM, SQUARED_RELU, 10, 10, 2, 5000, seed,
            executor);
        double before = Recovery.unitError(plain.teacher(),
            Problems.tensor(plain.context(), Map.of("control-rounds", "0")));
        Problems p = Problems.make(TeacherKind.RANDOM, SQUARED_RELU, 10, 10, 2, 5000, seed,
            executor);
        Network w0 = Problems.tensor(p.context(), Map.of());
        double after = Recovery.unitError(p.teacher(), w0);
        assertTrue(before > 0.2 && after < 0.05, "seed " + seed + ": unitError " + before
            + " without the rounds, " + after + " with them");
        assertTrue(Recovery.sameV(p.teacher(), w0), "seed " + seed + ": v wrong");
        assertEquals(2, p.context().recorded().get("control.rounds-kept"));
      }
    }
  }

  @Test
  void reluWithSeveralAlphaDrawsMatchesTheMeasuredAccuracy() {
    // METHOD.md section 5 / issue 4: ReLU at d = 10, k = 5, kappa = 2, n = 10^4, init median 0.42.
    // With one alpha, the unit with the smallest |alpha . wbar_i| was lost (0.871 [0.239, 1.520]
    // over seeds 1..10); with 5 draws pooled this implementation measured 0.192 [0.111, 0.291].
    // Seeds 1..4 here: every run below 0.4 (above the measured max, below the reference median).
    try (BlockExecutor executor = new BlockExecutor(2)) {
      for (int seed = 1; seed <= 4; seed++) {
        Problems p = Problems.make(TeacherKind.RANDOM, RELU, 10, 5, 2, 10000, seed, executor);
        Network w0 = Problems.tensor(p.context(), Map.of());
        double error = Recovery.unitError(p.teacher(), w0);
        assertTrue(error < 0.4, "seed " + seed + ": unitError " + error);
        assertEquals(5, p.context().recorded().get("alpha.draws"));
        assertEquals(4, p.context().recorded().get("orders.j3"));
      }
    }
  }

  @Test
  void cubicReluDefinedOnlyInThisTestWorks() {
    // Degree 3: orders (2, 3, 1, 2) come from the profile alone; magnitudes use p = 3.
    try (BlockExecutor executor = new BlockExecutor(2)) {
      Problems p = Problems.make(TeacherKind.RANDOM, TestActivations.CUBIC_RELU, 8, 3, 2, 20000,
          11, executor);
      Network w0 = Problems.tensor(p.context(), Map.of());
      double error = Recovery.unitError(p.teacher(), w0);
      // Measured 0.18 median at d = 10, k = 5, n = 10^4; this smaller problem must do as well.
      assertTrue(error < 0.25, "unitError " + error);
      assertTrue(Recovery.sameV(p.teacher(), w0));
      assertEquals(3.0, p.context().recorded().get("homogeneity-degree"));
    }
  }

  @Test
  void tanhDirectionsAndMomentRatioMagnitudes() {
    // tanh is odd, so (v, w) and (-v, -w) are the same network: compare the products v_i w_i,
    // which are invariant. Magnitudes come from the ratio |m_3(sigma) / m_1(sigma)| (no
    // homogeneity). The error varies much with the seed at n = 10^5: measured over seeds 1..8,
    // 0.07-1.27 (median 0.25) with the sample streams before per-block generation and 0.12-0.98
    // (median 0.23) after; the median of seeds 1..4 was 0.17 and 0.20. So the median of four
    // seeds is asserted, not one seed's error.
    double[] errors = new double[4];
    try (BlockExecutor executor = new BlockExecutor(2)) {
      for (int seed = 1; seed <= errors.length; seed++) {
        Problems p = Problems.make(TeacherKind.RANDOM, TANH, 10, 5, 2, 100000, seed, executor);
        Network w0 = Problems.tensor(p.context(), Map.of());
        assertEquals(java.util.List.of(), p.context().recorded().get("magnitudes.unrecoverable"));
        errors[seed - 1] = Recovery.unitError(signed(p.teacher()), signed(w0));
      }
    }
    double[] sorted = errors.clone();
    java.util.Arrays.sort(sorted);
    double median = (sorted[1] + sorted[2]) / 2;
    assertTrue(median < 0.25, "median unitError of v_i w_i over seeds 1..4: "
        + java.util.Arrays.toString(errors));
  }

  @Test
  void nonHomogeneousActivationsAtThePapersSampleSize() {
    // Issue 12: at n = 10^4 (d = 10, k = 5, kappa = 2) one alpha for P2_hat buried a unit and the
    // moment-ratio magnitudes had heavy tails: tanh seeds 1..3 gave unitError 0.74, 0.39, 1.11.
    // With several alphas combined and the magnitude fit this implementation measured (seeds
    // 1..10) medians and maxima in docs/results.md; here seeds 1..3 must each stay below 0.4.
    try (BlockExecutor executor = new BlockExecutor(2)) {
      for (Activation phi : java.util.List.of(TANH, TestActivations.plugin(
          new org.nnrecover.activations.Erf()), TestActivations.plugin(
              new org.nnrecover.activations.Sigmoid()))) {
        for (int seed = 1; seed <= 3; seed++) {
          Problems p = Problems.make(TeacherKind.RANDOM, phi, 10, 5, 2, 10000, seed, executor);
          Network w0 = Problems.tensor(p.context(), Map.of());
          double error = Math.min(Recovery.unitError(p.teacher(), w0),
              Recovery.unitError(signed(p.teacher()), signed(w0)));
          assertTrue(error < 0.4, phi + " seed " + seed + ": unitError " + error);
        }
      }
    }
  }

  /** The network with w_i replaced by v_i w_i and v by ones. */
  private static Network signed(Network network) {
    int d = network.d();
    double[] w = network.weights();
    double[] ones = new double[network.k()];
    for (int i = 0; i < network.k(); i++) {
      ones[i] = 1;
      for (int a = 0; a < d; a++) {
        w[i * d + a] *= network.outputWeight(i);
      }
    }
    return new Network(w, ones, d);
  }

  @Test
  void sameWeightsBitForBitOnOneToThreeThreadsAndFromAMappedFile() throws IOException {
    Network[] results = new Network[4];
    Problems p = null;
    for (int threads = 1; threads <= 3; threads++) {
      try (BlockExecutor executor = new BlockExecutor(threads)) {
        // n spans three blocks of 2048 so that the combine order matters.
        p = Problems.make(TeacherKind.RANDOM, SQUARED_RELU, 10, 5, 2, 6000, 3, executor);
        results[threads - 1] = Problems.tensor(p.context(), Map.of("samples", "split"));
      }
    }
    // the same samples memory-mapped from a .npy file (blocks copied into per-worker arrays)
    Path file = dir.resolve("samples.npy");
    SampleFiles.writeNpy(file, p.samples());
    try (BlockExecutor executor = new BlockExecutor(2)) {
      TestContext mapped = new TestContext(SampleFiles.read(file, 10), 5,
          ActivationProfiles.of(SQUARED_RELU), Seeds.mix(3, Seeds.INITIALIZER), executor);
      results[3] = Problems.tensor(mapped, Map.of("samples", "split"));
    }
    for (int r = 1; r < results.length; r++) {
      String what = r < 3 ? (r + 1) + " threads" : "mapped file";
      assertArrayEquals(results[0].weights(), results[r].weights(), 0.0, what);
      assertArrayEquals(results[0].outputWeights(), results[r].outputWeights(), 0.0, what);
    }
  }

  @Test
  void spectralIsAccurateOnOrthogonalTeacher() {
    // METHOD.md section 6: spectral is exact with exact moments on the orthogonal teacher and
    // measured 0.09 sampled at n = 10^5 (d = 10, k = 5); we allow 0.15 for a different seed.
    try (BlockExecutor executor = new BlockExecutor(2)) {
      Problems p = Problems.make(TeacherKind.ORTHOGONAL, SQUARED_RELU, 10, 5, 2, 100000, 4,
          executor);
      Network w0 = Problems.spectral(p.context());
      double error = Recovery.unitError(p.teacher(), w0);
      assertTrue(error < 0.15, "unitError " + error);
      assertTrue(Recovery.sameV(p.teacher(), w0));
    }
  }

  @Test
  void refusesActivationsWithoutThirdOrderMoment() {
    try (BlockExecutor executor = new BlockExecutor(1)) {
      // linear has no second-order moment (j2), quadratic no third-order one (j3).
      Map<Activation, String> missing = Map.of(LINEAR, "j2", QUADRATIC, "j3");
      for (Map.Entry<Activation, String> entry : missing.entrySet()) {
        Problems p = Problems.make(TeacherKind.RANDOM, entry.getKey(), 6, 2, 2, 500, 1, executor);
        RefusedException e = assertThrows(RefusedException.class,
            () -> Problems.tensor(p.context(), Map.of()));
        assertTrue(e.getMessage().contains(entry.getValue()), e.getMessage());
      }
      Problems linear = Problems.make(TeacherKind.RANDOM, LINEAR, 6, 2, 2, 500, 1, executor);
      assertThrows(RefusedException.class, () -> Problems.spectral(linear.context()));
    }
  }

  /** An activation that is NaN far out (|z| > 3): its moments are NaN, and both methods say so. */
  @Test
  void refusesAnActivationWhoseMomentsAreNotFinite() {
    Activation nanFarOut = new Activation() {
      public double value(double z) {
        return Math.abs(z) > 3 ? Double.NaN : z * z * z;
      }

      public double derivative(double z) {
        return 3 * z * z;
      }

      public double secondDerivative(double z) {
        return 6 * z;
      }
    };
    try (BlockExecutor executor = new BlockExecutor(1)) {
      Problems p = Problems.make(TeacherKind.RANDOM, nanFarOut, 6, 2, 2, 500, 1, executor);
      RefusedException tensor = assertThrows(RefusedException.class,
          () -> Problems.tensor(p.context(), Map.of()));
      assertTrue(tensor.getMessage().contains("is not finite"), tensor.getMessage());
      RefusedException spectral = assertThrows(RefusedException.class,
          () -> Problems.spectral(p.context()));
      assertTrue(spectral.getMessage().contains("is not finite"), spectral.getMessage());
    }
  }

  @Test
  void refusesTooManyUnitsAndTooFewSamples() {
    try (BlockExecutor executor = new BlockExecutor(1)) {
      Problems p = Problems.make(TeacherKind.RANDOM, SQUARED_RELU, 4, 4, 2, 100, 1, executor);
      TestContext tooMany = new TestContext(p.samples(), 5, p.context().profile(), 1, executor);
      assertTrue(assertThrows(RefusedException.class, () -> Problems.tensor(tooMany, Map.of()))
          .getMessage().contains("k = 5 > d = 4"));
      // k = 4: 4 C(6, 3) = 80 samples per part; split needs 240, reuse 80 (n = 70 here).
      Problems few = Problems.make(TeacherKind.RANDOM, SQUARED_RELU, 4, 4, 2, 70, 1, executor);
      RefusedException e = assertThrows(RefusedException.class,
          () -> Problems.tensor(few.context(), Map.of("samples", "split")));
      assertTrue(e.getMessage().contains("at least 240 samples"), e.getMessage());
      RefusedException reuse = assertThrows(RefusedException.class,
          () -> Problems.tensor(few.context(), Map.of()));
      // 4 C(k + 2, 3) <= 70 holds for k = 3 (40) and not for k = 4 (80).
      assertTrue(reuse.getMessage().contains("at least 80 samples")
          && reuse.getMessage().contains("C(k + 2, 3) = 20")
          && reuse.getMessage().contains("at most k = 3 units"), reuse.getMessage());
    }
  }
}
