package org.nnrecover.api.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The quadrature against closed forms. */
class GaussianQuadratureTest {

  @Test
  void integratesGaussianMomentsExactly() {
    // E[z^(2m)] = (2m - 1)!!, E[|z|] = sqrt(2/pi), E[1{z>0}] = 1/2: to 1e-14 relative.
    double doubleFactorial = 1;
    for (int m = 0; m <= 6; m++) {
      int power = 2 * m;
      double value = GaussianQuadrature.expectation(z -> Math.pow(z, power));
      assertEquals(doubleFactorial, value, 1e-14 * doubleFactorial, "E[z^" + power + "]");
      doubleFactorial *= 2 * m + 1;
    }
    assertEquals(Math.sqrt(2 / Math.PI), GaussianQuadrature.expectation(Math::abs), 1e-15);
    assertEquals(0.5, GaussianQuadrature.expectation(z -> z > 0 ? 1 : 0), 1e-15);
    // a feature at scale 1e-4: E[exp(-(z/eps)^2)] = eps / sqrt(eps^2 + 2) (closed form)
    double eps = 1e-4;
    assertEquals(eps / Math.sqrt(eps * eps + 2),
        GaussianQuadrature.expectation(z -> Math.exp(-(z / eps) * (z / eps))), 1e-13 * eps);
  }

  @Test
  void nodesAndWeightsReproduceTheExpectation() {
    // the one-pass form sum_i w_i (f(z_i) + f(-z_i)) is the expectation, bit for bit
    double sum = 0;
    for (int i = 0; i < GaussianQuadrature.size(); i++) {
      double z = GaussianQuadrature.node(i);
      sum += GaussianQuadrature.weight(i) * (Math.cos(z) + Math.cos(-z));
    }
    assertEquals(GaussianQuadrature.expectation(Math::cos), sum, 0);
    assertEquals(Math.exp(-0.5), sum, 1e-15); // E[cos z] = e^{-1/2}
  }

  @Test
  void plainWeightsIntegrateOverTheHalfLine() {
    // integral_0^16 r exp(-r^2 / 2) dr = 1 - exp(-128) = 1 in doubles
    double sum = 0;
    for (int i = 0; i < GaussianQuadrature.size(); i++) {
      double r = GaussianQuadrature.node(i);
      sum += GaussianQuadrature.plainWeight(i) * r * Math.exp(-0.5 * r * r);
    }
    assertEquals(1, sum, 1e-15);
  }

  @Test
  void gaussLegendreIsExactForPolynomialsOfDegreeBelowTwiceItsSize() {
    // n = 20 points: integral_-1^1 x^38 dx = 2/39 exactly, and the weights sum to 2
    double[] nodes = new double[20];
    double[] weights = new double[20];
    GaussianQuadrature.gaussLegendre(nodes, weights);
    double moment = 0;
    double total = 0;
    for (int i = 0; i < nodes.length; i++) {
      moment += weights[i] * Math.pow(nodes[i], 38);
      total += weights[i];
    }
    assertEquals(2.0 / 39, moment, 1e-15);
    assertEquals(2, total, 1e-14);
  }
}
