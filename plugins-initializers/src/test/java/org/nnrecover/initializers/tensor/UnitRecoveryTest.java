package org.nnrecover.initializers.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitRecoveryTest {

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
