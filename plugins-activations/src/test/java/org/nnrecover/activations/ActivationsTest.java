package org.nnrecover.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.Params;

class ActivationsTest {
  /** Points away from every kink (all kinks of the built-ins sit at 0). */
  private static final double[] POINTS = {-4.1, -2.3, -1.2, -0.4, -0.05, 0.07, 0.3, 0.9, 2.5, 4.2};

  private static Map<String, Activation> all() {
    Map<String, Activation> result = new LinkedHashMap<>();
    for (ActivationProvider p : ServiceLoader.load(ActivationProvider.class)) {
      result.put(p.name(), p.create(Params.defaults(p.name(), p.parameters())));
    }
    return result;
  }

  private static Activation leaky(double slope) {
    LeakyRelu p = new LeakyRelu();
    return p.create(Params.resolve(p.name(), p.parameters(), Map.of("slope", "" + slope)));
  }

  @Test
  void everyBuiltInIsRegistered() {
    assertEquals(List.of("relu", "leaky-relu", "squared-relu", "sigmoid", "tanh", "erf", "linear",
        "quadratic", "softplus"), List.copyOf(all().keySet()));
  }

  @Test
  void derivativesMatchCentralDifferences() {
    Map<String, Activation> cases = all();
    cases.put("leaky-relu(0.3)", leaky(0.3));
    // h = 1e-5: truncation error h^2 |f'''| / 6 < 1e-9 for these functions at |z| < 5, rounding
    // error eps |f| / h < 1e-9 (|f| < 20), so 1e-7 relative leaves a wide margin.
    double h = 1e-5;
    for (var e : cases.entrySet()) {
      Activation a = e.getValue();
      for (double z : POINTS) {
        double d1 = (a.value(z + h) - a.value(z - h)) / (2 * h);
        double d2 = (a.derivative(z + h) - a.derivative(z - h)) / (2 * h);
        assertEquals(d1, a.derivative(z), 1e-7 * Math.max(1, Math.abs(d1)), e.getKey() + " phi' at "
            + z);
        assertEquals(d2, a.secondDerivative(z), 1e-7 * Math.max(1, Math.abs(d2)), e.getKey()
            + " phi'' at " + z);
      }
    }
  }

  /**
   * Every bulk form against the scalar methods on a dense grid over [-12, 12] and special values,
   * writing only [from, to). Where the bulk loop uses the scalar formula the bits must agree
   * exactly; tanh, erf and softplus compute their values by other formulas (exp-based tanh with a
   * continued fraction near 0, a Taylor table for erf, log1p through log), so their values may
   * differ from the scalar ones by 4 ulps; erf by 10, because just below |z| = 3 the scalar series
   * itself is up to 8 ulps off (30-digit arithmetic at z = -2.809: scalar -7.9 ulps, bulk +1.1;
   * see {@link #erfBulkFormIsAccurate}). tanh' in bulk is
   * 4t/(1+t)^2, accurate where the scalar 1 - tanh^2 cancels (that one is only accurate to about
   * 2 ulps of 1 absolutely), so it is compared to 4 ulps of 1.
   */
  @Test
  void bulkFormMatchesScalarForm() {
    java.util.Set<String> exact = java.util.Set.of("relu", "leaky-relu", "squared-relu", "linear",
        "quadratic", "sigmoid");
    int points = 24001;
    double[] z = new double[points + 8];
    for (int i = 0; i < points; i++) {
      z[i] = -12 + 24.0 * i / (points - 1);
    }
    double[] special = {-0.0, 0.0, 1e-300, -1e-300, 1e-9, 0.55, -0.55, 6};
    System.arraycopy(special, 0, z, points, special.length);
    int from = 1;
    int to = z.length - 1;
    for (var e : all().entrySet()) {
      Activation a = e.getValue();
      double[] values = new double[z.length];
      double[] derivatives = new double[z.length];
      a.apply(z, from, to, values, derivatives);
      double[] valuesOnly = new double[z.length];
      a.apply(z, from, to, valuesOnly, null);
      double valueUlps = exact.contains(e.getKey()) ? 0 : e.getKey().equals("erf") ? 10 : 4;
      for (int i = 0; i < z.length; i++) {
        boolean inside = i >= from && i < to;
        String where = e.getKey() + " at z = " + z[i];
        double value = inside ? a.value(z[i]) : 0;
        double derivative = inside ? a.derivative(z[i]) : 0;
        assertEquals(value, values[i], valueUlps * Math.ulp(value), where);
        assertEquals(values[i], valuesOnly[i], 0, where + " (values only)");
        double derivativeTolerance = e.getKey().equals("tanh") ? 4 * Math.ulp(1.0) : 0;
        assertEquals(derivative, derivatives[i], derivativeTolerance, where + " (derivative)");
      }
    }
  }

  /**
   * The erf bulk form against values computed independently with 40-digit arithmetic (mpmath,
   * sqrt(pi)/2 erf(z)): within 2 ulps, including near |z| = 3 where the scalar series is weakest.
   */
  @Test
  void erfBulkFormIsAccurate() {
    double[] z = {0.3, 1.7, -2.809, 2.974, 3.5, 5.2};
    double[] expected = {0.2912378826569655520775701, 0.8718615934066609863011024,
        -0.8861639018662562793712551, 0.8862038766043713187805688, 0.8862262668989721845700731,
        0.8862269254525874232867189};
    double[] values = new double[z.length];
    all().get("erf").apply(z, 0, z.length, values, null);
    for (int i = 0; i < z.length; i++) {
      assertEquals(expected[i], values[i], 2 * Math.ulp(expected[i]), "erf bulk at " + z[i]);
    }
  }

  @Test
  void closedFormValues() {
    Map<String, Activation> a = all();
    assertEquals(3, a.get("relu").value(3));
    assertEquals(0, a.get("relu").value(-2));
    assertEquals(-0.02, a.get("leaky-relu").value(-2), 1e-17);
    assertEquals(0.01, a.get("leaky-relu").derivative(-2));
    assertEquals(9, a.get("squared-relu").value(3));
    assertEquals(0, a.get("squared-relu").value(-3));
    assertEquals(6, a.get("squared-relu").derivative(3));
    assertEquals(0.75, a.get("sigmoid").value(Math.log(3)), 1e-15);
    assertEquals(0.25, a.get("sigmoid").derivative(0));
    assertEquals(0, a.get("sigmoid").value(-800));
    assertEquals(1, a.get("sigmoid").value(800));
    assertEquals(0.5, a.get("tanh").value(0.5 * Math.log(3)), 1e-15);
    assertEquals(-7, a.get("linear").value(-7));
    assertEquals(49, a.get("quadratic").value(-7));
    assertEquals(Math.log(2), a.get("softplus").value(0), 1e-16);
    assertEquals(1000, a.get("softplus").value(1000));
    // log(1 + e^-30) = e^-30 - e^-60 / 2 + ..., kept to full relative precision
    double e30 = Math.exp(-30);
    assertEquals(e30 - e30 * e30 / 2, a.get("softplus").value(-30), 1e-15 * e30);
    assertEquals(0.5, a.get("softplus").derivative(0));
  }

  @Test
  void erfFollowsThePaperConventionToFullPrecision() {
    Activation erf = all().get("erf");
    double[] z = {0.1, 0.5, 1, 2, 3, 4};
    // erf(z) to 19 digits (Abramowitz & Stegun table / any CAS); phi = sqrt(pi)/2 erf.
    double[] erfz = {0.1124629160182848922, 0.5204998778130465377, 0.8427007929497148693,
        0.9953222650189527342, 0.9999779095030014146, 0.9999999845827420997};
    for (int i = 0; i < z.length; i++) {
      double expected = 0.5 * Math.sqrt(Math.PI) * erfz[i];
      assertEquals(expected, erf.value(z[i]), 1e-15 * expected, "erf at " + z[i]);
      assertEquals(-expected, erf.value(-z[i]), 1e-15 * expected, "erf at " + -z[i]);
    }
    assertEquals(Math.exp(-4), erf.derivative(2), 0);
    assertEquals(0.5 * Math.sqrt(Math.PI), erf.value(40), 0);
    assertEquals(0, erf.value(0));
  }

  @Test
  void erfSeriesAndContinuedFractionAgreeWhereBothConverge() {
    // The two branches are independent formulas; at 3 <= z <= 5.5 both are accurate, so their
    // agreement checks each one. Tolerance 3e-16 (1 + z^2) relative: the series multiplies by
    // exp(-z^2), which turns the rounding of z^2 into a relative error of about z^2 ulp.
    for (double z = 3; z <= 5.5; z += 0.125) {
      double viaTail = 0.5 * Math.sqrt(Math.PI) - Erf.tail(z);
      assertEquals(Erf.series(z), viaTail, 3e-16 * (1 + z * z) * viaTail, "z = " + z);
    }
  }

  @Test
  void erfMatchesSimpsonIntegrationOfItsDerivative() {
    // Composite Simpson with h = 1e-3: error <= h^4 max|f''''| z / 180 < 1e-13.
    for (double z : new double[] {0.7, 1.9, 2.99, 3.01, 6}) {
      int m = (int) Math.round(z / 1e-3);
      double h = z / m;
      double sum = 1 + Math.exp(-z * z);
      for (int i = 1; i < m; i++) {
        double t = i * h;
        sum += (i % 2 == 1 ? 4 : 2) * Math.exp(-t * t);
      }
      assertEquals(sum * h / 3, all().get("erf").value(z), 1e-13, "z = " + z);
    }
  }

  @Test
  void declaredHomogeneityHolds() {
    Map<String, Activation> cases = all();
    cases.put("leaky-relu(0.3)", leaky(0.3));
    int homogeneous = 0;
    for (var e : cases.entrySet()) {
      Activation a = e.getValue();
      if (a.homogeneityDegree().isEmpty()) {
        continue;
      }
      homogeneous++;
      double p = a.homogeneityDegree().getAsDouble();
      for (double c : new double[] {0.3, 2, 7.5}) {
        for (double z : POINTS) {
          double expected = Math.pow(c, p) * a.value(z);
          assertEquals(expected, a.value(c * z), 1e-14 * Math.abs(expected), e.getKey());
        }
      }
    }
    assertEquals(6, homogeneous);
    for (String name : List.of("sigmoid", "tanh", "erf", "softplus")) {
      assertFalse(cases.get(name).homogeneityDegree().isPresent(), name);
    }
  }

  @Test
  void leakySlopeOutsideItsRangeIsRefused() {
    LeakyRelu p = new LeakyRelu();
    var error = assertThrows(IllegalArgumentException.class,
        () -> Params.resolve(p.name(), p.parameters(), Map.of("slope", "1.5")));
    assertTrue(error.getMessage().contains("leaky-relu.slope"), error.getMessage());
  }
}
