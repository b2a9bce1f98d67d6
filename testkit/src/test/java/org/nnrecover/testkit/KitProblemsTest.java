package org.nnrecover.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.Activation;
import org.nnrecover.api.Network;

class KitProblemsTest {
  static final Activation RELU = new Activation() {
    public double value(double z) {
      return Math.max(z, 0);
    }

    public double derivative(double z) {
      return z > 0 ? 1 : 0;
    }

    public double secondDerivative(double z) {
      return 0;
    }

    @Override
    public java.util.OptionalDouble homogeneityDegree() {
      return java.util.OptionalDouble.of(1);
    }
  };

  @Test
  void profileMatchesReluClosedForms() {
    GaussianProfile profile = new GaussianProfile(RELU);
    double s = 1 / Math.sqrt(2 * Math.PI);
    // m_0 = m_2 = 1/sqrt(2 pi), m_1 = 1/2, m_3 = 0; rho(1) = 1/4 - 1/(2 pi) (METHOD.md: 0.091).
    // The shared quadrature is accurate to about 1e-15 here.
    assertEquals(s, profile.hermite(0, 1), 1e-14);
    assertEquals(0.5, profile.hermite(1, 1), 1e-14);
    assertEquals(s, profile.hermite(2, 1), 1e-14);
    assertEquals(0, profile.hermite(3, 1), 1e-14);
    assertEquals(2 * s, profile.hermite(2, 2), 1e-14);
    assertEquals(0.25 - 1 / (2 * Math.PI), profile.rho(1), 1e-14);
    // ReLU's tensor orders (METHOD.md section 4): j2 = 2, j3 = 4, l1 = 1, l2 = 2
    assertEquals(OptionalInt.of(2), profile.j2());
    assertEquals(OptionalInt.of(4), profile.j3());
    assertEquals(OptionalInt.of(1), profile.l1());
    assertEquals(OptionalInt.of(2), profile.l2());
  }

  @Test
  void contextTeacherIsOrthogonalWithNormsFromOneToKappaAndLabelsTheSamples() {
    TestInitContext context = TestInitContext.builder(RELU).d(6).k(3).n(50).kappa(3).seed(9)
        .build();
    Network t = context.truth();
    double[] norms = new double[3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double dot = 0;
        for (int a = 0; a < 6; a++) {
          dot += t.weight(i, a) * t.weight(j, a);
        }
        if (i == j) {
          norms[i] = Math.sqrt(dot);
        } else {
          assertEquals(0, dot, 1e-12, "w_" + i + " . w_" + j);
        }
      }
      assertEquals(1.0, Math.abs(t.outputWeight(i)));
    }
    assertArrayEquals(new double[] {1, 2, 3}, norms, 1e-12);
    double[] x = context.samples().x();
    double y7 = 0;
    for (int i = 0; i < 3; i++) {
      double z = 0;
      for (int a = 0; a < 6; a++) {
        z += t.weight(i, a) * x[7 * 6 + a];
      }
      y7 += t.outputWeight(i) * Math.max(z, 0);
    }
    assertEquals(y7, context.samples().y()[7], 1e-14);
    assertTrue(context.teacher().isEmpty(), "no oracle access unless asked for");
  }

  @Test
  void contextWithMoreUnitsThanDimensionsCanBeBuiltForRefusalTests() {
    TestInitContext context = TestInitContext.builder(RELU).d(3).k(5).n(40).kappa(3).teacherVisible(true)
        .build();
    Network t = context.teacher().orElseThrow();
    assertEquals(3, t.d());
    assertEquals(5, t.k());
    assertEquals(5, context.k());
    // norms still spread evenly from 1 to kappa = 3
    for (int i = 0; i < 5; i++) {
      double norm = 0;
      for (int a = 0; a < 3; a++) {
        norm += t.weights()[i * 3 + a] * t.weights()[i * 3 + a];
      }
      assertEquals(1 + 2 * i / 4.0, Math.sqrt(norm), 1e-12);
    }
    assertThrows(IllegalArgumentException.class,
        () -> TestInitContext.builder(RELU).d(0).k(1).build());
  }

  @Test
  void contextsAreReproducibleAndReducerSumsInOrder() {
    TestInitContext a = TestInitContext.builder(RELU).seed(4).n(600).build();
    TestInitContext b = TestInitContext.builder(RELU).seed(4).n(600).build();
    assertArrayEquals(a.samples().x(), b.samples().x(), 0);
    assertEquals(a.random().nextLong(), b.random().nextLong());
    double direct = 0;
    for (double y : a.samples().y()) {
      direct += y;
    }
    double[] sum = a.reducer().sum(600, 1, (from, to, acc) -> {
      for (int j = from; j < to; j++) {
        acc[0] += a.samples().y()[j];
      }
    });
    assertEquals(direct, sum[0], 1e-12 * Math.max(1, Math.abs(direct)));
  }

  @Test
  void quadraticCountsAndEndsRunsByTheBook() {
    QuadraticProblem problem = QuadraticProblem.standard(3, Long.MAX_VALUE, 0);
    // a gradient step of 1/4 (1/L for L = 4) from the origin, three times
    problem.run(p -> {
      double[] x = p.start();
      double[] g = new double[x.length];
      p.evaluate(x, g);
      do {
        for (int i = 0; i < x.length; i++) {
          x[i] -= 0.25 * g[i];
        }
        p.project(x);
      } while (p.report(x, p.evaluate(x, g), 0, 0.25));
    });
    assertEquals(QuadraticProblem.Ending.MAX_ITERATIONS, problem.ending());
    assertEquals(3, problem.iterations());
    assertEquals(4, problem.evaluations());
    assertEquals(java.util.List.of(), problem.violations());
    // coordinate 0: a = 1, c = 1; x_t = 1 - (3/4)^t, so x_3 = 1 - 27/64
    assertEquals(1 - 27.0 / 64, problem.lastPoint()[0], 1e-15);
  }
}
