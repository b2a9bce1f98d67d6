package org.nnrecover.core.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.Params;

class ActivationProfilesTest {
  private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

  /** He_n(0): 0 for odd n, (-1)^(n/2) (n-1)!! for even n (from He_{n+1} = z He_n - n He_{n-1}). */
  private static double hermiteAtZero(int n) {
    double previous = 0;
    double current = 1;
    for (int m = 0; m < n; m++) {
      double next = -m * previous;
      previous = current;
      current = next;
    }
    return current;
  }

  /**
   * I_n = integral_0^inf He_n(z) phi(z) dz: 1/2 for n = 0, He_{n-1}(0) / sqrt(2 pi) otherwise
   * (He_n phi = (-1)^n phi^(n), integrate once, phi^(n-1)(0) = (-1)^(n-1) He_{n-1}(0) phi(0)).
   */
  private static double halfLine(int n) {
    return n == 0 ? 0.5 : hermiteAtZero(n - 1) / SQRT_2PI;
  }

  @Test
  void reluHermiteCoefficientsMatchClosedForm() {
    // z He_j = He_{j+1} + j He_{j-1}, so m_j = I_{j+1} + j I_{j-1}:
    // m0 = 1/sqrt(2pi), m1 = 1/2, m2 = 1/sqrt(2pi), m3 = 0, m4 = -1/sqrt(2pi), m6 = 3/sqrt(2pi).
    ActivationProfiles.Profile relu = ActivationProfiles.of(Activations.named("relu"));
    double[] literal = {1 / SQRT_2PI, 0.5, 1 / SQRT_2PI, 0, -1 / SQRT_2PI, 0, 3 / SQRT_2PI, 0,
        -15 / SQRT_2PI};
    for (double sigma : new double[] {0.1, 1, 10}) {
      for (int j = 0; j <= 8; j++) {
        double expected = sigma * (halfLine(j + 1) + (j == 0 ? 0 : j * halfLine(j - 1)));
        assertEquals(sigma * literal[j], expected, 1e-14 * Math.abs(expected),
            "derivation check j = " + j);
        // 8 significant digits asked; the quadrature gives ~1e-14, so 1e-12 relative to m_j scale
        assertEquals(expected, relu.hermite(j, sigma), 1e-12 * sigma, "relu m_" + j + "(" + sigma
            + ")");
      }
    }
  }

  @Test
  void squaredReluHermiteCoefficientsMatchClosedForm() {
    // z^2 He_j = He_{j+2} + (2j + 1) He_j + j (j - 1) He_{j-2}; m_j(sigma) = sigma^2 m_j(1):
    // m0 = 1/2, m1 = 2/sqrt(2pi), m2 = 1, m3 = 2/sqrt(2pi), m4 = 0, m5 = -2/sqrt(2pi).
    ActivationProfiles.Profile squared = ActivationProfiles.of(Activations.named("squared-relu"));
    double[] literal = {0.5, 2 / SQRT_2PI, 1, 2 / SQRT_2PI, 0, -2 / SQRT_2PI};
    for (double sigma : new double[] {0.1, 1, 10}) {
      for (int j = 0; j <= 8; j++) {
        double expected = sigma * sigma * (halfLine(j + 2) + (2 * j + 1) * halfLine(j)
            + (j >= 2 ? j * (j - 1) * halfLine(j - 2) : 0));
        if (j < literal.length) {
          assertEquals(sigma * sigma * literal[j], expected, 1e-14 * sigma * sigma);
        }
        assertEquals(expected, squared.hermite(j, sigma), 1e-12 * sigma * sigma,
            "squared-relu m_" + j + "(" + sigma + ")");
      }
    }
  }

  @Test
  void reluRhoIsAQuarterMinusOneOverTwoPiAtEverySigma() {
    // phi' = 1{z>0}: alpha_0 = alpha_2 = beta_0 = beta_2 = 1/2, alpha_1 = 1/sqrt(2 pi): all three
    // terms equal 1/4 - 1/(2 pi).
    ActivationProfiles.Profile relu = ActivationProfiles.of(Activations.named("relu"));
    double expected = 0.25 - 1 / (2 * Math.PI);
    for (double sigma : new double[] {0.01, 0.1, 1, 3.3, 10, 1000}) {
      GaussianMoments m = relu.moments(sigma);
      for (double term : m.rhoTerms()) {
        assertEquals(expected, term, 1e-14, "sigma = " + sigma);
      }
      assertEquals(expected, relu.rho(sigma), 1e-14);
    }
  }

  @Test
  void squaredReluRhoScalesAsSigmaSquared() {
    // phi'(sigma z) = 2 sigma z+: alpha = (2, sqrt(2 pi)/... ) gives the three terms
    // (1 - 2/pi) sigma^2, (5 - 8/pi) sigma^2, (4/pi - 1) sigma^2; the third is the minimum.
    ActivationProfiles.Profile squared = ActivationProfiles.of(Activations.named("squared-relu"));
    for (double sigma : new double[] {0.1, 1, 10}) {
      GaussianMoments m = squared.moments(sigma);
      double s2 = sigma * sigma;
      assertArrayEquals(new double[] {(1 - 2 / Math.PI) * s2, (5 - 8 / Math.PI) * s2,
          (4 / Math.PI - 1) * s2}, m.rhoTerms(), 1e-13 * s2);
      assertEquals(3, m.minimumTerm());
    }
  }

  @Test
  void leakyReluRhoMatchesClosedForm() {
    // slope s: rho = (1 - s)^2 (1/4 - 1/(2 pi)), the first term.
    ActivationProvider provider = java.util.ServiceLoader.load(ActivationProvider.class).stream()
        .map(java.util.ServiceLoader.Provider::get).filter(p -> p.name().equals("leaky-relu"))
        .findFirst().orElseThrow();
    for (double s : new double[] {0.01, 0.3}) {
      Params params = Params.resolve("leaky-relu", provider.parameters(), Map.of("slope", "" + s));
      Activation leaky = provider.create(params);
      ActivationProfiles.Profile profile = ActivationProfiles.of(params, leaky);
      assertSame(profile, ActivationProfiles.of(params, provider.create(params)), "cached");
      assertEquals((1 - s) * (1 - s) * (0.25 - 1 / (2 * Math.PI)), profile.rho(1.7), 1e-14);
    }
  }

  @Test
  void paperRhoTableToItsPrintedDigits() {
    // The slides' table: value rounded to the printed digits must equal the printed value.
    assertPrinted(0.091, "relu", 0.1, 1, 10);
    assertPrinted(0.089, "leaky-relu", 0.1, 1, 10);
    ActivationProfiles.Profile squared = ActivationProfiles.of(Activations.named("squared-relu"));
    for (double sigma : new double[] {0.1, 1, 10}) {
      assertEquals(0.27, round(squared.rho(sigma) / (sigma * sigma), 2), 0, "squared-relu");
    }
    assertPrinted(1.9e-4, "erf", 0.1);
    assertPrinted(5.2e-2, "erf", 1);
    assertPrinted(2.5e-5, "erf", 10);
    assertPrinted(1.8e-4, "tanh", 0.1);
    assertPrinted(4.9e-2, "tanh", 1);
    assertPrinted(5.1e-5, "tanh", 10);
    ActivationProfiles.Profile linear = ActivationProfiles.of(Activations.named("linear"));
    ActivationProfiles.Profile quadratic = ActivationProfiles.of(Activations.named("quadratic"));
    for (double sigma : new double[] {0.1, 1, 10}) {
      assertEquals(0, linear.rho(sigma), 1e-14, "linear");
      // raw formula: alpha_0 alpha_2 - alpha_1^2 = -4 sigma^2
      assertEquals(-4 * sigma * sigma, quadratic.rho(sigma), 1e-13 * sigma * sigma, "quadratic");
    }
  }

  /**
   * The computed value agrees with the printed one within one unit of its last printed digit: the
   * slides round some entries and truncate others (tanh at 0.1 is 1.8503e-4, printed 1.8E-4).
   */
  private static void assertPrinted(double printed, String name, double... sigmas) {
    ActivationProfiles.Profile profile = ActivationProfiles.of(Activations.named(name));
    double unit = Math.pow(10, Math.floor(Math.log10(printed)) - 1);
    for (double sigma : sigmas) {
      assertEquals(printed, profile.rho(sigma), unit, name + " at " + sigma);
    }
  }

  @Test
  void smoothActivationsRhoToEightSignificantDigits() {
    // Reference: mpmath 1.3, 30 digits, adaptive tanh-sinh quadrature on [-40, 40] split at the
    // integers (an independent method); 8 significant digits is what the issue asks.
    double[] sigmas = {0.1, 1, 10};
    Map<String, double[]> reference = Map.of(
        "tanh", new double[] {1.85033758531e-4, 4.91930360193e-2, 5.12629005483e-5},
        "erf", new double[] {1.88518828175e-4, 5.2405682063e-2, 2.47518625777e-5},
        "sigmoid", new double[] {7.65890485946e-7, 2.14401852726e-3, 4.82212977025e-5});
    for (var e : reference.entrySet()) {
      ActivationProfiles.Profile profile = ActivationProfiles.of(Activations.named(e.getKey()));
      for (int s = 0; s < sigmas.length; s++) {
        double expected = e.getValue()[s];
        assertEquals(expected, profile.rho(sigmas[s]), 1e-8 * expected, e.getKey() + " at "
            + sigmas[s]);
      }
    }
  }

  private static double round(double x, int decimals) {
    return new java.math.BigDecimal(x).setScale(decimals, java.math.RoundingMode.HALF_EVEN)
        .doubleValue();
  }

  @Test
  void tensorOrdersOfEveryBuiltIn() {
    assertOrders("relu", 2, 4, 1, 2);
    assertOrders("leaky-relu", 2, 4, 1, 2);
    assertOrders("squared-relu", 2, 3, 1, 2);
    assertOrders("erf", 3, 3, 1, 3);
    assertOrders("tanh", 3, 3, 1, 3);
    assertOrders("sigmoid", 3, 3, 1, 3);
    // softplus(z) - z/2 = log(2 cosh(z/2)) is even, so its odd coefficients beyond m_1 vanish
    assertOrders("softplus", 2, 4, 1, 2);
    TensorOrders linear = ActivationProfiles.of(Activations.named("linear")).orders();
    assertNull(linear.j2());
    assertNull(linear.j3());
    assertNull(linear.l2());
    assertEquals(1, linear.l1());
    TensorOrders quadratic = ActivationProfiles.of(Activations.named("quadratic")).orders();
    assertEquals(2, quadratic.j2());
    assertNull(quadratic.j3());
    assertEquals(2, quadratic.l1());
  }

  private static void assertOrders(String name, int j2, int j3, int l1, int l2) {
    ActivationProfiles.Profile p = ActivationProfiles.of(Activations.named(name));
    assertEquals(j2, p.j2().getAsInt(), name + " j2");
    assertEquals(j3, p.j3().getAsInt(), name + " j3");
    assertEquals(l1, p.l1().getAsInt(), name + " l1");
    assertEquals(l2, p.l2().getAsInt(), name + " l2");
  }

  @Test
  void erfHermiteCoefficientsMatchClosedForm() {
    // phi' = exp(-z^2): m_1(sigma) = E[phi(sigma z) z] = sigma E[phi'(sigma z)]
    //   = sigma / sqrt(1 + 2 sigma^2) (Stein's lemma and a Gaussian integral).
    ActivationProfiles.Profile erf = ActivationProfiles.of(Activations.named("erf"));
    for (double sigma : new double[] {0.1, 1, 10}) {
      double expected = sigma / Math.sqrt(1 + 2 * sigma * sigma);
      assertEquals(expected, erf.hermite(1, sigma), 1e-13 * expected);
      assertEquals(0, erf.hermite(2, sigma), 1e-15);
    }
  }

  @Test
  void badArgumentsAreRefused() {
    ActivationProfiles.Profile relu = ActivationProfiles.of(Activations.named("relu"));
    assertThrows(IllegalArgumentException.class, () -> relu.rho(0));
    assertThrows(IllegalArgumentException.class, () -> relu.rho(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> relu.hermite(9, 1));
    assertThrows(IllegalArgumentException.class, () -> relu.alpha(3, 1));
  }
}
