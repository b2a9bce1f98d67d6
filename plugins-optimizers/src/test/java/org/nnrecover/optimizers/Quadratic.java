package org.nnrecover.optimizers;

import java.util.SplittableRandom;
import org.nnrecover.api.Objective;
import org.nnrecover.core.data.Teachers;

/**
 * f(x) = 1/2 (x - c)^T A (x - c) with A = Q diag(lambda) Q^T, Q a random rotation and lambda evenly
 * spaced from 1 to kappa: a strongly convex quadratic with mu = 1, L = kappa, minimum 0 at c.
 */
final class Quadratic implements Objective {
  private final int n;
  private final double[] a;
  private final double[] center;
  private final double[] shifted;

  Quadratic(int n, double kappa, SplittableRandom random) {
    this.n = n;
    double[] q = Teachers.orthonormalColumns(n, n, random); // rotation: vector l at l * n
    this.a = new double[n * n];
    for (int l = 0; l < n; l++) {
      double lambda = 1 + (kappa - 1) * l / (n - 1);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          a[i * n + j] += lambda * q[l * n + i] * q[l * n + j];
        }
      }
    }
    this.center = new double[n];
    for (int i = 0; i < n; i++) {
      center[i] = random.nextGaussian();
    }
    this.shifted = new double[n];
  }

  /** The minimizer c. */
  double[] minimizer() {
    return center.clone();
  }

  @Override
  public int dimension() {
    return n;
  }

  @Override
  public double evaluate(double[] point, double[] gradient) {
    for (int i = 0; i < n; i++) {
      shifted[i] = point[i] - center[i];
    }
    double value = 0;
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += a[i * n + j] * shifted[j];
      }
      gradient[i] = s;
      value += shifted[i] * s;
    }
    return value / 2;
  }

  /** {@code out = A u}: the Gauss-Newton matrix of f, seen as 1/2 |A^(1/2) (x - c)|^2 (n = 1). */
  void multiply(double[] u, double[] out) {
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += a[i * n + j] * u[j];
      }
      out[i] = s;
    }
  }
}
