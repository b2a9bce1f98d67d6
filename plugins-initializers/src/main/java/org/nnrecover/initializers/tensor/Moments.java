package org.nnrecover.initializers.tensor;

import org.nnrecover.api.SampleReducer;
import org.nnrecover.api.Samples;

/**
 * Empirical Hermite-moment contractions (METHOD.md section 4), computed straight from the samples
 * with the core's deterministic block sums; no d^j tensor is ever formed.
 *
 * <p>All methods work on a subset of the samples given by their row indices ({@code rows}, strictly
 * increasing); the per-sample arrays they take or return (labels, projections) are indexed by
 * position in that subset. Every sum is over the subset and divided by its size. Every pass over
 * the samples goes through {@link SampleReducer#sum(Samples, int, SampleReducer.SampleBlockTask)}:
 * a block's subset rows are a contiguous run of positions, found by binary search in {@code rows}.
 *
 * <p>The contractions use the Wick form of the Hermite tensor: for a unit vector alpha and vectors
 * b_1..b_s, {@code He_{s+m}(x)[b_1..b_s, alpha^m] = sum_{A subset of [s]} (-1)^|A| m!/(m-|A|)!
 * He_{m-|A|}(alpha . x) prod_{a in A} (b_a . alpha) He_{s-|A|}(x)[b_{not A}]}, which follows from
 * the recurrence of METHOD.md section 4 by pairing each alpha slot either with another alpha slot
 * (giving the scalar Hermite polynomial of alpha . x) or with one of the b's.
 */
public final class Moments {
  private final Samples samples;
  private final SampleReducer reducer;

  /** @param samples the sample set; @param reducer deterministic block sums */
  public Moments(Samples samples, SampleReducer reducer) {
    this.samples = samples;
    this.reducer = reducer;
  }

  /** The sample set. */
  public Samples samples() {
    return samples;
  }

  /** mean(y) over the subset: the zeroth moment M_0. */
  public double meanLabel(int[] rows) {
    checkRows(rows);
    return reducer.sum(samples, 1, (block, acc) -> {
      long first = block.firstRow();
      double[] y = block.y();
      for (int j = lowerBound(rows, first), end = lowerBound(rows, first + block.rows()); j < end;
          j++) {
        acc[0] += y[block.yOffset() + (int) (rows[j] - first)];
      }
    })[0] / rows.length;
  }

  /** {@code [mean(y), mean(y x) (d entries)]} over the subset. */
  public double[] firstMoments(int[] rows) {
    int d = samples.d();
    checkRows(rows);
    double[] sum = reducer.sum(samples, d + 1, (block, acc) -> {
      long first = block.firstRow();
      double[] x = block.x();
      for (int j = lowerBound(rows, first), end = lowerBound(rows, first + block.rows()); j < end;
          j++) {
        int r = (int) (rows[j] - first);
        double yj = block.y()[block.yOffset() + r];
        acc[0] += yj;
        int base = block.xOffset() + r * d;
        for (int a = 0; a < d; a++) {
          acc[1 + a] += yj * x[base + a];
        }
      }
    });
    scale(sum, 1.0 / rows.length);
    return sum;
  }

  /**
   * Labels of the subset minus a fitted affine part: {@code y - mean - x . m1} (variance reduction
   * for P2); with {@code m1 == null} only the mean is removed, and with {@code mean == 0} as well
   * this is a plain copy of the labels.
   */
  public double[] affineResiduals(int[] rows, double mean, double[] m1) {
    int d = samples.d();
    checkRows(rows);
    double[] out = new double[rows.length];
    reducer.sum(samples, 0, (block, acc) -> {
      long first = block.firstRow();
      double[] x = block.x();
      for (int j = lowerBound(rows, first), end = lowerBound(rows, first + block.rows()); j < end;
          j++) {
        int row = (int) (rows[j] - first);
        double r = block.y()[block.yOffset() + row] - mean;
        if (m1 != null) {
          int base = block.xOffset() + row * d;
          double dot = 0;
          for (int a = 0; a < d; a++) {
            dot += x[base + a] * m1[a];
          }
          r -= dot;
        }
        out[j] = r;
      }
    });
    return out;
  }

  /**
   * Projections of the subset onto an orthonormal basis and a direction: {@code t_j = V^T x_j}
   * (positions j, k entries each, row-major) and, when {@code alpha} is not null,
   * {@code h_j = alpha . x_j}, returned as {@code {t, h}}.
   *
   * @param basis d x k column-major
   */
  public double[][] project(int[] rows, double[] basis, int k, double[] alpha) {
    int d = samples.d();
    checkRows(rows);
    double[] t = new double[rows.length * k];
    double[] h = alpha == null ? null : new double[rows.length];
    reducer.sum(samples, 0, (block, acc) -> {
      long first = block.firstRow();
      double[] x = block.x();
      for (int j = lowerBound(rows, first), end = lowerBound(rows, first + block.rows()); j < end;
          j++) {
        int base = block.xOffset() + (int) (rows[j] - first) * d;
        for (int c = 0; c < k; c++) {
          double s = 0;
          int col = c * d;
          for (int a = 0; a < d; a++) {
            s += x[base + a] * basis[col + a];
          }
          t[j * k + c] = s;
        }
        if (h != null) {
          double s = 0;
          for (int a = 0; a < d; a++) {
            s += x[base + a] * alpha[a];
          }
          h[j] = s;
        }
      }
    });
    return new double[][] {t, h};
  }

  /**
   * The operator {@code U -> P2_hat U} with {@code P2_hat = mean of labels_j He_{2+m}(x_j)[I, I,
   * alpha^m]}, applied in O(n d b) per product of a d x b block without forming P2_hat.
   */
  public final class SecondMomentOperator {
    private final int[] rows;
    private final int m;
    private final double[] alpha;
    private final double[] g0;
    private final double[] g1;
    private final double mean0;
    private final double mean2;

    private SecondMomentOperator(int[] rows, double[] labels, int m, double[] alpha) {
      this.rows = rows;
      this.m = m;
      this.alpha = alpha;
      double[][] he = m == 0 ? null : scalarHermite(project(rows, alpha, 1, null)[0], m);
      g0 = weighted(labels, he, m);
      g1 = m >= 1 ? weighted(labels, he, m - 1) : null;
      double[] g2 = m >= 2 ? weighted(labels, he, m - 2) : null;
      mean0 = mean(g0);
      mean2 = g2 == null ? 0 : mean(g2);
    }

    /** The dimension d. */
    public int dimension() {
      return samples.d();
    }

    /** {@code P2_hat U} for the d x b column-major block {@code u}. */
    public double[] apply(double[] u, int b) {
      int d = samples.d();
      double[] ua = new double[b]; // u_c . alpha
      if (m > 0) {
        for (int c = 0; c < b; c++) {
          ua[c] = dot(u, c * d, alpha, 0, d);
        }
      }
      int width = d * b + b;
      double[] sum = reducer.sum(samples, width, (block, acc) -> {
        double[] z = new double[b];
        long first = block.firstRow();
        double[] x = block.x();
        for (int j = lowerBound(rows, first), end = lowerBound(rows, first + block.rows());
            j < end; j++) {
          int base = block.xOffset() + (int) (rows[j] - first) * d;
          for (int c = 0; c < b; c++) {
            z[c] = dot(x, base, u, c * d, d);
          }
          for (int c = 0; c < b; c++) {
            double f = g0[j] * z[c] - (m > 0 ? m * ua[c] * g1[j] : 0);
            int col = c * d;
            for (int a = 0; a < d; a++) {
              acc[col + a] += f * x[base + a];
            }
            if (m > 0) {
              acc[d * b + c] += g1[j] * z[c];
            }
          }
        }
      });
      double inv = 1.0 / rows.length;
      double[] out = new double[d * b];
      for (int c = 0; c < b; c++) {
        double alphaCoefficient = m > 0
            ? m * (sum[d * b + c] * inv - (m - 1) * ua[c] * mean2) : 0;
        for (int a = 0; a < d; a++) {
          out[c * d + a] = sum[c * d + a] * inv - mean0 * u[c * d + a]
              - (m > 0 ? alphaCoefficient * alpha[a] : 0);
        }
      }
      return out;
    }
  }

  /**
   * The P2_hat operator of order {@code 2 + m} with weights {@code labels} (positions of
   * {@code rows}); {@code alpha} is a unit vector of R^d, unused when m = 0.
   */
  public SecondMomentOperator secondMoment(int[] rows, double[] labels, int m, double[] alpha) {
    checkRows(rows);
    if (m > 0 && alpha == null) {
      throw new IllegalArgumentException("a second moment of order " + (2 + m) + " needs alpha");
    }
    return new SecondMomentOperator(rows, labels, m, alpha);
  }

  /**
   * Mean over positions of {@code weights[r]_j He_r(t_j)} for each order r with non-null weights,
   * as full k^r tensors (r = 0..3); {@code t} holds k coordinates per position.
   */
  public double[][] hermiteOfProjection(double[] t, int k, double[][] weights) {
    int n = weights[0] != null ? weights[0].length
        : weights[1] != null ? weights[1].length
            : weights[2] != null ? weights[2].length : weights[3].length;
    int o0 = 0;
    int o1 = 1;
    int o2 = o1 + k;
    int l2 = o2 + k * k;
    int o3 = l2 + 1;
    int l3 = o3 + k * k * k;
    int width = l3 + k;
    double[] sum = reducer.sum(n, width, (from, to, acc) -> {
      for (int j = from; j < to; j++) {
        int tb = j * k;
        if (weights[0] != null) {
          acc[o0] += weights[0][j];
        }
        if (weights[1] != null) {
          double w = weights[1][j];
          for (int a = 0; a < k; a++) {
            acc[o1 + a] += w * t[tb + a];
          }
        }
        if (weights[2] != null) {
          double w = weights[2][j];
          acc[l2] += w;
          for (int a = 0; a < k; a++) {
            double wa = w * t[tb + a];
            for (int b = a; b < k; b++) {
              acc[o2 + a * k + b] += wa * t[tb + b];
            }
          }
        }
        if (weights[3] != null) {
          double w = weights[3][j];
          for (int a = 0; a < k; a++) {
            double wa = w * t[tb + a];
            acc[l3 + a] += wa;
            for (int b = a; b < k; b++) {
              double wab = wa * t[tb + b];
              int base = o3 + (a * k + b) * k;
              for (int c = b; c < k; c++) {
                acc[base + c] += wab * t[tb + c];
              }
            }
          }
        }
      }
    });
    double inv = 1.0 / n;
    double[][] e = new double[4][];
    if (weights[0] != null) {
      e[0] = new double[] {sum[o0] * inv};
    }
    if (weights[1] != null) {
      e[1] = new double[k];
      for (int a = 0; a < k; a++) {
        e[1][a] = sum[o1 + a] * inv;
      }
    }
    if (weights[2] != null) {
      e[2] = new double[k * k];
      for (int a = 0; a < k; a++) {
        for (int b = a; b < k; b++) {
          double v = sum[o2 + a * k + b] * inv - (a == b ? sum[l2] * inv : 0);
          e[2][a * k + b] = v;
          e[2][b * k + a] = v;
        }
      }
    }
    if (weights[3] != null) {
      e[3] = new double[k * k * k];
      for (int a = 0; a < k; a++) {
        for (int b = a; b < k; b++) {
          for (int c = b; c < k; c++) {
            double v = sum[o3 + (a * k + b) * k + c] * inv;
            if (b == c) {
              v -= sum[l3 + a] * inv;
            }
            if (a == c) {
              v -= sum[l3 + b] * inv;
            }
            if (a == b) {
              v -= sum[l3 + c] * inv;
            }
            e[3][(a * k + b) * k + c] = v;
            e[3][(a * k + c) * k + b] = v;
            e[3][(b * k + a) * k + c] = v;
            e[3][(b * k + c) * k + a] = v;
            e[3][(c * k + a) * k + b] = v;
            e[3][(c * k + b) * k + a] = v;
          }
        }
      }
    }
    return e;
  }

  /**
   * {@code mean_j labels_j He_{s+m}(x_j)[V e_a1, .., V e_as, alpha^m]} as a k^s tensor (s = 1, 2
   * or 3), from the projections {@code t = V^T x}, {@code h = alpha . x} and {@code gamma =
   * V^T alpha}; alpha must be a unit vector ({@code h}, {@code gamma} unused when m = 0).
   */
  public double[] projectedContraction(int s, int m, double[] t, int k, double[] labels,
      double[] h, double[] gamma) {
    if (s < 1 || s > 3 || m < 0) {
      throw new IllegalArgumentException("contraction needs 1 <= s <= 3 and m >= 0, got s = " + s
          + ", m = " + m);
    }
    double[][] he = m == 0 ? null : scalarHermite(h, m);
    double[][] weights = new double[4][];
    for (int r = 0; r <= s; r++) {
      int q = m - (s - r);
      if (q >= 0) {
        weights[r] = weighted(labels, he, q);
      }
    }
    double[][] e = hermiteOfProjection(t, k, weights);
    int size = (int) Math.pow(k, s);
    double[] out = new double[size];
    int[] idx = new int[s];
    for (int flat = 0; flat < size; flat++) {
      int rest = flat;
      for (int p = s - 1; p >= 0; p--) {
        idx[p] = rest % k;
        rest /= k;
      }
      double total = 0;
      for (int mask = 0; mask < (1 << s); mask++) {
        int a = Integer.bitCount(mask);
        if (a > m) {
          continue;
        }
        double coefficient = ((a & 1) == 0 ? 1 : -1) * fallingFactorial(m, a);
        int sub = 0;
        for (int p = 0; p < s; p++) {
          if ((mask & (1 << p)) != 0) {
            coefficient *= gamma[idx[p]];
          } else {
            sub = sub * k + idx[p];
          }
        }
        total += coefficient * e[s - a][sub];
      }
      out[flat] = total;
    }
    return out;
  }

  /** Refuses a row subset that is not strictly increasing within [0, n). */
  private void checkRows(int[] rows) {
    for (int j = 0; j < rows.length; j++) {
      if (rows[j] < 0 || rows[j] >= samples.n() || (j > 0 && rows[j] <= rows[j - 1])) {
        throw new IllegalArgumentException("row subsets must be strictly increasing sample indices"
            + " in [0, " + samples.n() + "); position " + j + " holds " + rows[j]);
      }
    }
  }

  /** The first position whose row is >= {@code row} ({@code rows} increasing). */
  private static int lowerBound(int[] rows, long row) {
    int lo = 0;
    int hi = rows.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (rows[mid] < row) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** He_0..He_m of each entry of {@code h}: result[q][j] = He_q(h_j). */
  static double[][] scalarHermite(double[] h, int m) {
    double[][] he = new double[m + 1][h.length];
    for (int j = 0; j < h.length; j++) {
      double previous = 1;
      double current = h[j];
      he[0][j] = 1;
      if (m >= 1) {
        he[1][j] = current;
      }
      for (int q = 1; q < m; q++) {
        double next = h[j] * current - q * previous;
        previous = current;
        current = next;
        he[q + 1][j] = next;
      }
    }
    return he;
  }

  private static double[] weighted(double[] labels, double[][] he, int q) {
    if (he == null || q == 0) {
      return labels;
    }
    double[] w = new double[labels.length];
    for (int j = 0; j < w.length; j++) {
      w[j] = labels[j] * he[q][j];
    }
    return w;
  }

  private static double fallingFactorial(int m, int a) {
    double f = 1;
    for (int i = 0; i < a; i++) {
      f *= m - i;
    }
    return f;
  }

  private static double mean(double[] a) {
    double s = 0;
    for (double x : a) {
      s += x;
    }
    return s / a.length;
  }

  private static void scale(double[] a, double f) {
    for (int i = 0; i < a.length; i++) {
      a[i] *= f;
    }
  }

  static double dot(double[] x, int xo, double[] y, int yo, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[xo + i] * y[yo + i];
    }
    return s;
  }
}
