package org.nnrecover.api.numerics;

import java.util.function.DoubleUnaryOperator;

/**
 * Expectations over a standard normal variable, E[f(z)] with z ~ N(0, 1), accurate to about 1e-15
 * relative for integrands that are smooth on each half line (a kink or a jump at 0 is fine).
 *
 * <p>Plain Gauss-Hermite over the whole line converges slowly across a kink, so each half line is
 * integrated separately: [0, 16] is cut into intervals that grow geometrically from 2^-20 to 1/2
 * (so a feature at any scale 1/sigma near 0, as in phi(sigma z) for sigma up to 10^5, falls on an
 * interval of its own size) followed by intervals of width 1/2, each with 20-point
 * Gauss-Legendre. Beyond 16 the Gaussian weight is below e^-128 and is dropped.
 *
 * <p>This is the one quadrature behind every activation profile: the core's (Hermite coefficients,
 * alpha, beta, rho, the local strong convexity analysis) and the test kit's, so that a plugin
 * tested with the kit sees the numbers nnrecover will compute. The nodes and weights are fixed
 * constants and every sum runs in node order, so the results are the same to the bit everywhere.
 *
 * @since 1.2
 */
public final class GaussianQuadrature {
  private static final int POINTS_PER_INTERVAL = 20;
  private static final int GEOMETRIC_LEVELS = 20;
  private static final double UNIFORM_WIDTH = 0.5;
  /** Upper end of the integration range on each half line. */
  public static final double CUTOFF = 16;

  /** Nodes on (0, CUTOFF), increasing. */
  private static final double[] NODES;
  /** Plain Gauss-Legendre weights of the mesh: sum_i PLAIN[i] g(NODES[i]) ~ integral_0^16 g. */
  private static final double[] PLAIN;
  /** PLAIN times the normal density: E[f] ~ sum_i WEIGHTS[i] (f(z_i) + f(-z_i)). */
  private static final double[] WEIGHTS;

  static {
    double[] gaussNodes = new double[POINTS_PER_INTERVAL];
    double[] gaussWeights = new double[POINTS_PER_INTERVAL];
    gaussLegendre(gaussNodes, gaussWeights);
    int uniform = (int) Math.round((CUTOFF - UNIFORM_WIDTH) / UNIFORM_WIDTH);
    int intervals = GEOMETRIC_LEVELS + 1 + uniform;
    double[] ends = new double[intervals + 1];
    for (int level = 0; level <= GEOMETRIC_LEVELS; level++) {
      ends[level + 1] = UNIFORM_WIDTH * Math.scalb(1.0, level - GEOMETRIC_LEVELS);
    }
    for (int u = 1; u <= uniform; u++) {
      ends[GEOMETRIC_LEVELS + 1 + u] = UNIFORM_WIDTH * (1 + u);
    }
    NODES = new double[intervals * POINTS_PER_INTERVAL];
    PLAIN = new double[NODES.length];
    WEIGHTS = new double[NODES.length];
    double density = 1 / Math.sqrt(2 * Math.PI);
    for (int s = 0; s < intervals; s++) {
      double mid = 0.5 * (ends[s] + ends[s + 1]);
      double half = 0.5 * (ends[s + 1] - ends[s]);
      for (int g = 0; g < POINTS_PER_INTERVAL; g++) {
        int i = s * POINTS_PER_INTERVAL + g;
        NODES[i] = mid + half * gaussNodes[g];
        PLAIN[i] = half * gaussWeights[g];
        WEIGHTS[i] = PLAIN[i] * density * Math.exp(-0.5 * NODES[i] * NODES[i]);
      }
    }
  }

  private GaussianQuadrature() {}

  /**
   * E[f(z)] for z ~ N(0, 1).
   *
   * @param f an integrand of at most polynomial growth, smooth on each half line
   */
  public static double expectation(DoubleUnaryOperator f) {
    double sum = 0;
    for (int i = 0; i < NODES.length; i++) {
      double z = NODES[i];
      sum += WEIGHTS[i] * (f.applyAsDouble(z) + f.applyAsDouble(-z));
    }
    return sum;
  }

  /**
   * Number of nodes on one half line: {@code E[f] ~ sum_i weight(i) (f(node(i)) + f(-node(i)))},
   * for callers that integrate several functions of the same evaluations in one pass.
   */
  public static int size() {
    return NODES.length;
  }

  /** The i-th positive node, 0 <= i < size(), increasing in i. */
  public static double node(int i) {
    return NODES[i];
  }

  /** The i-th expectation weight (normal density included), for node(i) and -node(i). */
  public static double weight(int i) {
    return WEIGHTS[i];
  }

  /**
   * The i-th plain weight (no density): {@code sum_i plainWeight(i) g(node(i))} approximates
   * {@code integral_0^CUTOFF g(r) dr}, e.g. a radial integral with a weight of its own.
   */
  public static double plainWeight(int i) {
    return PLAIN[i];
  }

  /**
   * Fills {@code nodes} and {@code weights} (of equal length n) with the n-point Gauss-Legendre
   * rule on [-1, 1], by Newton's method on the Legendre polynomial from the usual Chebyshev-like
   * first guesses.
   */
  public static void gaussLegendre(double[] nodes, double[] weights) {
    int n = nodes.length;
    for (int i = 0; i < n; i++) {
      double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
      double derivative = 0;
      for (int iteration = 0; iteration < 100; iteration++) {
        double p0 = 1;
        double p1 = x;
        for (int m = 2; m <= n; m++) {
          double p2 = ((2 * m - 1) * x * p1 - (m - 1) * p0) / m;
          p0 = p1;
          p1 = p2;
        }
        derivative = n * (x * p1 - p0) / (x * x - 1);
        double step = p1 / derivative;
        x -= step;
        if (Math.abs(step) < 1e-16) {
          break;
        }
      }
      nodes[i] = x;
      weights[i] = 2 / ((1 - x * x) * derivative * derivative);
    }
  }
}
