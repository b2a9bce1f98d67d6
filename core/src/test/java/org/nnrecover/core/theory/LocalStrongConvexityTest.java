package org.nnrecover.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.Activation;
import org.nnrecover.api.Samples;

class LocalStrongConvexityTest {

  /** n standard Gaussian inputs in R^d from a fixed seed; labels are not needed at r = 0. */
  private static Samples gaussian(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
    }
    return new Samples(x, new double[n], d);
  }

  private static double[] identity(int d) {
    double[] w = new double[d * d];
    for (int i = 0; i < d; i++) {
      w[i * d + i] = 1;
    }
    return w;
  }

  private static double[] ones(int k) {
    double[] v = new double[k];
    java.util.Arrays.fill(v, 1);
    return v;
  }

  @Test
  void blockedKernelMatchesNaiveSum() {
    // 130 samples = two full blocks of 64 and a partial one; dk = 8 x 5 = 40 spans two tiles.
    int d = 8;
    int k = 5;
    Samples s = gaussian(130, d, 7);
    SplittableRandom random = new SplittableRandom(8);
    double[] w = new double[k * d];
    double[] v = new double[k];
    for (int i = 0; i < w.length; i++) {
      w[i] = random.nextGaussian();
    }
    for (int i = 0; i < k; i++) {
      v[i] = random.nextBoolean() ? 1 : -1;
    }
    Activation tanh = Activations.named("tanh");
    double[] h = LocalStrongConvexity.empiricalHessian(tanh, w, v, s);
    int m = d * k;
    for (int p = 0; p < m; p++) {
      for (int q = 0; q < m; q++) {
        int i = p / d;
        int a = p % d;
        int l = q / d;
        int b = q % d;
        double sum = 0;
        for (int j = 0; j < s.n(); j++) {
          double zi = 0;
          double zl = 0;
          for (int c = 0; c < d; c++) {
            zi += w[i * d + c] * s.x()[j * d + c];
            zl += w[l * d + c] * s.x()[j * d + c];
          }
          sum += v[i] * tanh.derivative(zi) * v[l] * tanh.derivative(zl) * s.x()[j * d + a]
              * s.x()[j * d + b];
        }
        assertEquals(sum / s.n(), h[p * m + q], 1e-13, "entry " + p + "," + q);
      }
    }
  }

  @Test
  void linearAndQuadraticCounterexamplesHaveAFlatDirection() {
    // Linear, W* = I, v* = 1: H = (1 1^T) (x) Sigma_hat has rank d < dk, so lambdaMin = 0 exactly
    // for every n (not only up to sampling error): the test allows 1e-12 lambdaMax of rounding.
    // Quadratic: g_j = 2 x_j, so u_j = g_j (x) x_j is symmetric and every antisymmetric
    // e_a (x) e_b - e_b (x) e_a is in the kernel, again exactly.
    int d = 6;
    Samples s = gaussian(2000, d, 11);
    for (String name : new String[] {"linear", "quadratic"}) {
      LocalStrongConvexity.Result r =
          LocalStrongConvexity.empirical(Activations.named(name), identity(d), ones(d), s);
      assertEquals(0, r.lambdaMin(), 1e-12 * r.lambdaMax(), name);
      LocalStrongConvexity.Result p =
          LocalStrongConvexity.population(Activations.named(name), identity(d), ones(d), d);
      assertEquals(0, p.lambdaMin(), 1e-12 * p.lambdaMax(), name + " population");
    }
  }

  @Test
  void reluFamilyAndSmoothActivationsArePositive() {
    // W* = I (d = k = 6), v* = 1, n = 2000: every lambdaMin must be clearly positive; the
    // population value is the reference, and the empirical one is within 35% of it (sampling
    // error of an extreme eigenvalue at n / dk = 55).
    int d = 6;
    Samples s = gaussian(2000, d, 12);
    for (String name : new String[] {"relu", "leaky-relu", "squared-relu", "sigmoid", "tanh",
        "erf", "softplus"}) {
      Activation a = Activations.named(name);
      double population = LocalStrongConvexity.population(a, identity(d), ones(d), d).lambdaMin();
      double empirical = LocalStrongConvexity.empirical(a, identity(d), ones(d), s).lambdaMin();
      assertTrue(population > 1e-4, name + " population " + population);
      assertEquals(population, empirical, 0.35 * population, name);
    }
  }

  @Test
  void reluPopulationHessianMatchesClosedForm() {
    // W* = I: block (i, i) = E[1{x_i > 0} x x^T] = I / 2; block (i, l != i) = I / 4 +
    // (e_i e_l^T + e_l e_i^T) / (2 pi) (E[x_i+]^2 = 1 / (2 pi), E[x_i^2 1{x_i > 0}] / 2 = 1 / 4).
    int d = 3;
    double[] h = LocalStrongConvexity.populationHessian(Activations.named("relu"), identity(d),
        ones(d), d);
    int m = d * d;
    for (int i = 0; i < d; i++) {
      for (int l = 0; l < d; l++) {
        for (int a = 0; a < d; a++) {
          for (int b = 0; b < d; b++) {
            double expected;
            if (i == l) {
              expected = a == b ? 0.5 : 0;
            } else {
              expected = (a == b ? 0.25 : 0)
                  + ((a == i && b == l) || (a == l && b == i) ? 1 / (2 * Math.PI) : 0);
            }
            assertEquals(expected, h[(i * d + a) * m + l * d + b], 1e-12,
                "block " + i + "," + l + " entry " + a + "," + b);
          }
        }
      }
    }
  }

  @Test
  void empiricalConvergesToPopulationForARandomTeacher() {
    // d = 3, k = 2, correlated units, mixed signs; n = 100000: entries of H have standard error
    // about 3e-3 relative, so lambdaMin agrees to 3%.
    int d = 3;
    double[] w = {1.0, 0.2, -0.3, 0.6, 1.4, 0.5};
    double[] v = {1, -1};
    Samples s = gaussian(100_000, d, 13);
    for (String name : new String[] {"relu", "squared-relu", "tanh"}) {
      Activation a = Activations.named(name);
      double population = LocalStrongConvexity.population(a, w, v, d).lambdaMin();
      double empirical = LocalStrongConvexity.empirical(a, w, v, s).lambdaMin();
      assertEquals(population, empirical, 0.03 * population, name);
    }
  }

  @Test
  void resultDoesNotDependOnThreadCount() {
    int d = 20;
    Samples s = gaussian(500, d, 14);
    Activation relu = Activations.named("relu");
    double[] parallel = LocalStrongConvexity.empiricalHessian(relu, identity(d), ones(d), s);
    java.util.concurrent.ForkJoinPool single = new java.util.concurrent.ForkJoinPool(1);
    try {
      double[] sequential = single.submit(() -> LocalStrongConvexity.empiricalHessian(relu,
          identity(d), ones(d), s)).join();
      assertTrue(java.util.Arrays.equals(parallel, sequential));
    } finally {
      single.shutdown();
    }
  }

  @Test
  void badInputIsRefused() {
    Activation relu = Activations.named("relu");
    var tooFew = assertThrows(IllegalArgumentException.class,
        () -> LocalStrongConvexity.empirical(relu, identity(5), ones(5), gaussian(10, 5, 1)));
    assertTrue(tooFew.getMessage().contains("n >= dk"), tooFew.getMessage());
    var tooLarge = assertThrows(IllegalArgumentException.class,
        () -> LocalStrongConvexity.population(relu, new double[60 * 60], ones(60), 60));
    assertTrue(tooLarge.getMessage().contains("3000"), tooLarge.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> LocalStrongConvexity.population(relu, new double[5], ones(2), 3));
  }
}
