package org.nnrecover.initializers.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnrecover.activations.Sigmoid;
import org.nnrecover.activations.Tanh;
import org.nnrecover.api.ActivationProfile;
import org.nnrecover.api.Params;
import org.nnrecover.core.theory.ActivationProfiles;

class UnitRecoveryTest {

  /**
   * sigmoid(z) + sigmoid(-z) = 1, so m_0(sigma) = 1/2 for every sigma and mean(y) = sum_i v_i / 2.
   * The odd orders fix only v_i s_i; starting from v = (+1, +1, +1, +1) with a teacher whose
   * sum v* = 0 (mean(y) = 0), exactly two units must flip, v and s together.
   */
  @Test
  void theZerothMomentFixesTheCountOfPositiveOutputWeightsForSigmoid() {
    ActivationProfile sigmoid = ActivationProfiles.of(new Sigmoid().create(
        Params.defaults("sigmoid", List.of())));
    double[] sigma = {1, 1.5, 2, 1.2};
    double[] v = {1, 1, 1, 1};
    double[] s = {1, 1, 1, 1};
    Map<String, Object> diagnostics = new HashMap<>();
    UnitRecovery.zerothMomentCheck(sigmoid, sigma, v, s, 0, diagnostics::put);
    assertEquals(0, v[0] + v[1] + v[2] + v[3], 0);
    for (int i = 0; i < 4; i++) {
      assertEquals(v[i], s[i], 0, "a unit flips v and s together");
    }
    assertEquals(2, ((List<?>) diagnostics.get("zeroth-moment.flipped")).size());
    assertEquals(0, (double) diagnostics.get("zeroth-moment.residual"), 1e-9);
  }

  /** For an odd phi (tanh: m_0 = 0) the signs are a convention and nothing is flipped. */
  @Test
  void anOddActivationKeepsItsSignConvention() {
    ActivationProfile tanh = ActivationProfiles.of(new Tanh().create(
        Params.defaults("tanh", List.of())));
    double[] v = {1, 1};
    double[] s = {1, 1};
    Map<String, Object> diagnostics = new HashMap<>();
    UnitRecovery.zerothMomentCheck(tanh, new double[] {1, 2}, v, s, 0.3, diagnostics::put);
    assertArrayEquals(new double[] {1, 1}, v, 0);
    assertTrue(String.valueOf(diagnostics.get("zeroth-moment.check")).startsWith("not applicable"));
  }

  /**
   * Regression: at n = 500 a fitted weight r_i of exactly 0 gave sigma_i = 0, and the sign step
   * then asked the profile for m_j(0), which is refused ("sigma must be a finite number > 0");
   * 11 of 140 Figure-1a runs failed that way. Now such a unit takes the median of the others.
   */
  @Test
  void zeroOrNonFiniteMagnitudesTakeTheMedianOfTheOthers() {
    double[] sigma = {0, 1.5, Double.NaN, 2.0, 1.0};
    Map<String, Object> diagnostics = new HashMap<>();
    UnitRecovery.replaceDegenerateMagnitudes(sigma, diagnostics::put);
    assertArrayEquals(new double[] {1.5, 1.5, 1.5, 2.0, 1.0}, sigma, 0);
    assertEquals(List.of(0, 2), diagnostics.get("magnitudes.degenerate-units"));

    double[] none = {0, Double.POSITIVE_INFINITY};
    UnitRecovery.replaceDegenerateMagnitudes(none, diagnostics::put);
    assertArrayEquals(new double[] {1, 1}, none, 0);
  }
}
