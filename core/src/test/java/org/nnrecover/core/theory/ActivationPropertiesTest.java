package org.nnrecover.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.Activation;

class ActivationPropertiesTest {

  private static PropertyReport report(String name) {
    return ActivationProperties.analyze(name, ActivationProfiles.of(Activations.named(name)),
        ActivationProperties.PAPER_SIGMAS);
  }

  @Test
  void p1FitsTheExponentAndConstant() {
    // relu: phi' = 1{z>0} <= 1 |z|^0; squared relu: 2 z+ <= 2 |z|^1; sigmoid: <= 1/4; erf, tanh,
    // softplus, leaky, linear: <= 1; quadratic: phi' = 2z < 0 for z < 0 fails.
    assertP1("relu", true, 0, 1);
    assertP1("leaky-relu", true, 0, 1);
    assertP1("squared-relu", true, 1, 2);
    assertP1("sigmoid", true, 0, 0.25);
    assertP1("tanh", true, 0, 1);
    assertP1("erf", true, 0, 1);
    assertP1("softplus", true, 0, 1);
    assertP1("linear", true, 0, 1);
    assertP1("quadratic", false, 1, 2);
  }

  private static void assertP1(String name, boolean holds, double p, double l1) {
    PropertyReport.P1 p1 = report(name).p1();
    assertEquals(holds, p1.holds(), name + ": " + p1.reason());
    assertEquals(p, p1.p(), 1e-9, name);
    // the sup is attained at the grid's end for softplus/sigmoid-like phi': 1e-4 relative
    assertEquals(l1, p1.l1(), 1e-4 * l1, name);
  }

  /** No verdict is computed from NaN: the report names where phi stopped being finite. */
  @Test
  void nonFiniteActivationGetsNoVerdicts() {
    Activation nanBeyondFive = new Activation() {
      public double value(double z) {
        return z > 5 ? Double.NaN : Math.max(z, 0);
      }

      public double derivative(double z) {
        return z > 0 ? 1 : 0;
      }

      public double secondDerivative(double z) {
        return 0;
      }
    };
    ActivationProfiles.Profile profile = ActivationProfiles.of(nanBeyondFive);
    assertTrue(profile.nonFinite().startsWith("phi("), profile.nonFinite());
    PropertyReport report = ActivationProperties.analyze("nan-relu", profile, 0.1, 1, 10);
    assertEquals(profile.nonFinite(), report.nonFinite());
    assertNull(report.p1());
    assertNull(report.p2());
    assertNull(report.p3());
    assertNull(report.tensorOrders());
    assertTrue(report.tensorStatement().startsWith("no verdicts: the activation returns"
        + " non-finite values"), report.tensorStatement());
    // a finite activation is not flagged
    assertNull(report("relu").nonFinite());
  }

  @Test
  void p2FollowsTheSignOfRho() {
    for (String name : new String[] {"relu", "leaky-relu", "squared-relu", "sigmoid", "tanh", "erf",
        "softplus"}) {
      assertTrue(report(name).p2().holds(), name);
    }
    assertFalse(report("linear").p2().holds(), "linear: rho = 0");
    PropertyReport.P2 quadratic = report("quadratic").p2();
    assertFalse(quadratic.holds());
    assertEquals(-400, quadratic.minRho(), 1e-9, "raw rho -4 sigma^2 at sigma = 10");
    assertEquals(10, quadratic.atSigma());
  }

  @Test
  void p3KindsAndBounds() {
    for (String name : new String[] {"relu", "leaky-relu", "linear"}) {
      PropertyReport.P3 p3 = report(name).p3();
      assertEquals("piecewise-linear", p3.kind(), name);
      assertTrue(p3.holds());
    }
    assertFalse(report("relu").p3().continuousDerivative());
    assertTrue(report("linear").p3().continuousDerivative());
    PropertyReport.P3 squared = report("squared-relu").p3();
    assertEquals("bounded-second-derivative", squared.kind());
    assertEquals(2, squared.l2(), 0);
    // max |phi''|: tanh 4/(3 sqrt 3) at atanh(1/sqrt 3); erf sqrt(2/e) at 1/sqrt 2; sigmoid
    // 1/(6 sqrt 3) at log(2 + sqrt 3): a grid of 20 points per decade is within 1% of each.
    assertEquals(4 / (3 * Math.sqrt(3)), report("tanh").p3().l2(), 1e-2);
    assertEquals(Math.sqrt(2 / Math.E), report("erf").p3().l2(), 1e-2);
    assertEquals(1 / (6 * Math.sqrt(3)), report("sigmoid").p3().l2(), 1e-3);
    assertEquals(2, report("quadratic").p3().l2(), 0);
    Activation cubic = new Activation() {
      public double value(double z) {
        return z * z * z;
      }

      public double derivative(double z) {
        return 3 * z * z;
      }

      public double secondDerivative(double z) {
        return 6 * z;
      }
    };
    PropertyReport.P3 p3 = ActivationProperties.p3(cubic);
    assertFalse(p3.holds());
    assertEquals("unbounded-second-derivative", p3.kind());
  }

  @Test
  void homogeneityDeclaredAndDetected() {
    for (String name : new String[] {"relu", "leaky-relu", "linear"}) {
      PropertyReport.Homogeneity h = report(name).homogeneity();
      assertEquals(1.0, h.declaredDegree(), name);
      assertTrue(h.declaredHolds(), name);
      assertEquals(1.0, h.detectedDegree(), name);
    }
    assertEquals(2.0, report("squared-relu").homogeneity().detectedDegree());
    assertEquals(2.0, report("quadratic").homogeneity().detectedDegree());
    for (String name : new String[] {"sigmoid", "tanh", "erf", "softplus"}) {
      PropertyReport.Homogeneity h = report(name).homogeneity();
      assertNull(h.declaredDegree(), name);
      assertNull(h.detectedDegree(), name);
    }
    // an undeclared homogeneous phi (|z|^1.5) is detected; a wrong declaration is caught
    Activation undeclared = new Activation() {
      public double value(double z) {
        return Math.pow(Math.abs(z), 1.5);
      }

      public double derivative(double z) {
        return 1.5 * Math.signum(z) * Math.sqrt(Math.abs(z));
      }

      public double secondDerivative(double z) {
        return 0.75 / Math.sqrt(Math.abs(z));
      }
    };
    assertEquals(1.5, ActivationProperties.homogeneity(undeclared).detectedDegree(), 1e-9);
    Activation wrong = new Activation() {
      public double value(double z) {
        return Math.tanh(z);
      }

      public double derivative(double z) {
        return 1 - Math.tanh(z) * Math.tanh(z);
      }

      public double secondDerivative(double z) {
        return 0;
      }

      @Override
      public OptionalDouble homogeneityDegree() {
        return OptionalDouble.of(1);
      }
    };
    assertFalse(ActivationProperties.homogeneity(wrong).declaredHolds());
  }

  @Test
  void tensorStatementsForTheCounterexamples() {
    assertFalse(report("linear").tensorOrders().usable());
    assertTrue(report("linear").tensorStatement().contains("no usable order"));
    assertFalse(report("quadratic").tensorOrders().usable());
    assertTrue(report("quadratic").tensorStatement().contains("third-order"));
    assertTrue(report("relu").tensorOrders().usable());
  }

  /** Prints the table of every built-in (rho at the paper's sigmas and the verdicts). */
  @Test
  void printTable() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%-13s %11s %11s %11s  %-3s %-3s %-3s  %-6s %-12s %s%n", "activation", "rho(0.1)",
        "rho(1)", "rho(10)", "P1", "P2", "P3", "degree", "p,L1", "j2,j3,l1,l2"));
    for (String name : Activations.all().keySet()) {
      PropertyReport r = report(name);
      TensorOrders o = r.tensorOrders();
      out.append(String.format(Locale.ROOT, "%-13s %11.4e %11.4e %11.4e  %-3s %-3s %-3s  %-6s %-12s %s,%s,%s,%s%n",
          name, r.rho().get(0).rho(), r.rho().get(1).rho(), r.rho().get(2).rho(),
          yes(r.p1().holds()), yes(r.p2().holds()), yes(r.p3().holds()),
          r.homogeneity().detectedDegree() == null ? "-" : r.homogeneity().detectedDegree(),
          String.format(Locale.ROOT, "%.0f,%.4g", r.p1().p(), r.p1().l1()),
          o.j2(), o.j3(), o.l1(), o.l2()));
    }
    System.out.print(out);
    assertEquals(Activations.all().size() + 1, out.toString().lines().count());
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }
}
