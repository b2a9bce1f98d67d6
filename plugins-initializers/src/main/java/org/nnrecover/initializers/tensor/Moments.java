package org.nnrecover.initializers.tensor;

import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.SampleKernels;
import org.nnrecover.api.SampleReducer;
import org.nnrecover.api.Samples;
import org.nnrecover.api.numerics.Hermite;
import org.nnrecover.api.numerics.Vectors;

/**
 * Empirical Hermite-moment contractions (METHOD.md section 4), computed straight from the samples
 * with the core's deterministic block sums; no d^j tensor is ever formed.
 *
 * <p>All methods work on a subset of the samples given by their row indices ({@code rows}, strictly
 * increasing); the per-sample arrays they take or return (labels, projections) are indexed by
 * position in that subset. Every sum is over the subset and divided by its size. Every pass over
 * the samples goes through {@link SampleReducer#sum(Samples, int, SampleReducer.SampleBlockTask)}:
 * a block's subset rows are a contiguous run of positions, found by binary search in {@code rows}.
 * The products with X in those passes ({@code X U}, {@code C^T X}) are {@link SampleKernels} calls
 * on whole runs of rows (the core's SIMD tiles in a real run).
 *
 * <p>The contractions use the Wick form of the Hermite tensor: for a unit vector alpha and vectors
 * b_1..b_s, {@code He_{s+m}(x)[b_1..b_s, alpha^m] = sum_{A subset of [s]} (-1)^|A| m!/(m-|A|)!
 * He_{m-|A|}(alpha . x) prod_{a in A} (b_a . alpha) He_{s-|A|}(x)[b_{not A}]}, which follows from
 * the recurrence of METHOD.md section 4 by pairing each alpha slot either with another alpha slot
 * (giving the scalar Hermite polynomial of alpha . x) or with one of the b's.
 */
public final class Moments {
  /**
   * Subset rows copied together into one kernel call when a block's subset rows are not
   * contiguous (split samples): fixed, so the calls, and the bits, depend on the subset alone.
   */
  private static final int GATHER_ROWS = 256;

  private final Samples samples;
  private final SampleReducer reducer;
  private final SampleKernels kernels;

  /**
   * @param samples the sample set
   * @param reducer deterministic block sums
   * @param kernels the block products ({@code X U}, {@code C^T X}) every pass runs on
   */
  public Moments(Samples samples, SampleReducer reducer, SampleKernels kernels) {
    this.samples = samples;
    this.reducer = reducer;
    this.kernels = kernels;
  }

  /** The sample set. */
  public Samples samples() {
    return samples;
  }

  /**
   * Labels {@code y - mean - x . m1} ({@code m1} null: {@code y - mean}), described rather than
   * stored: a pass computes them from each block's own rows, so it writes no per-sample array.
   */
  public record Labels(double mean, double[] m1) implements java.io.Serializable {
    /** The labels y themselves. */
    public static final Labels PLAIN = new Labels(0, null);
  }

  /**
   * Work on a run of {@code count} subset rows at positions {@code position..}: inputs at
   * {@code x[xo + r * d]}, labels at {@code y[yo + r]} (r < count).
   */
  @FunctionalInterface
  private interface RunTask extends java.io.Serializable {
    void accept(double[] x, int xo, double[] y, int yo, int count, int position, double[] acc);
  }

  /**
   * Sums {@code task} over the subset's rows block by block: a block's subset rows are one run
   * when they are contiguous (all samples: the default), else they are copied {@link
   * #GATHER_ROWS} at a time into runs of their own. A {@code portable} pass (its task writes only
   * its accumulator and captures no {@code this}) may run where the blocks are, in another JVM.
   */
  private double[] sumRuns(int[] rows, int width, boolean portable, RunTask task) {
    int d = samples.d();
    // every sample: no subset to search (nor to ship with a portable pass)
    int[] subset = everySample(rows) ? null : rows;
    return reducer.sum(samples, width, portable
        ? (SampleReducer.PortableTask) (block, acc) -> runs(subset, d, task, block, acc)
        : (block, acc) -> runs(subset, d, task, block, acc));
  }

  /**
   * {@code task} over the runs of subset rows in one block (see {@link #sumRuns}); a null subset
   * is every sample, one run per block.
   */
  private static void runs(int[] rows, int d, RunTask task, SampleBlock block, double[] acc) {
    long first = block.firstRow();
    if (rows == null) {
      task.accept(block.x(), block.xOffset(), block.y(), block.yOffset(), block.rows(),
          (int) first, acc);
      return;
    }
    int lo = lowerBound(rows, first);
    int hi = lowerBound(rows, first + block.rows());
    if (lo == hi) {
      return;
    }
    int r0 = (int) (rows[lo] - first);
    if (rows[hi - 1] - rows[lo] == hi - 1 - lo) {
      task.accept(block.x(), block.xOffset() + r0 * d, block.y(), block.yOffset() + r0,
          hi - lo, lo, acc);
      return;
    }
    int size = Math.min(GATHER_ROWS, hi - lo);
    double[] gx = new double[size * d];
    double[] gy = new double[size];
    for (int p = lo; p < hi; p += GATHER_ROWS) {
      int count = Math.min(GATHER_ROWS, hi - p);
      for (int j = 0; j < count; j++) {
        int r = (int) (rows[p + j] - first);
        System.arraycopy(block.x(), block.xOffset() + r * d, gx, j * d, d);
        gy[j] = block.y()[block.yOffset() + r];
      }
      task.accept(gx, 0, gy, 0, count, p, acc);
    }
  }

  /** mean(y) over the subset: the zeroth moment M_0. */
  public double meanLabel(int[] rows) {
    checkRows(rows);
    return sumRuns(rows, 1, true, (x, xo, y, yo, count, position, acc) -> {
      for (int r = 0; r < count; r++) {
        acc[0] += y[yo + r];
      }
    })[0] / rows.length;
  }

  /** {@code [mean(y), mean(y x) (d entries)]} over the subset. */
  public double[] firstMoments(int[] rows) {
    int d = samples.d();
    checkRows(rows);
    SampleKernels kernels = this.kernels;
    double[] sum = sumRuns(rows, d + 1, true, (x, xo, y, yo, count, position, acc) -> {
      double[] yx = new double[d];
      kernels.scatter(x, xo, count, d, y, yo, 1, yx);
      for (int r = 0; r < count; r++) {
        acc[0] += y[yo + r];
      }
      for (int a = 0; a < d; a++) {
        acc[1 + a] += yx[a];
      }
    });
    Vectors.scale(1.0 / rows.length, sum);
    return sum;
  }

  /**
   * Labels of the subset minus a fitted affine part: {@code y - mean - x . m1} (variance reduction
   * for P2); with {@code m1 == null} only the mean is removed, and with {@code mean == 0} as well
   * this is a plain copy of the labels.
   */
  public double[] affineResiduals(int[] rows, double mean, double[] m1) {
    checkRows(rows);
    Labels labels = new Labels(mean, m1);
    double[] u = columns(null, 0, labels, null);
    int mm = u.length / samples.d();
    SampleKernels kernels = this.kernels;
    int d = samples.d();
    if (everySample(rows)) { // a per-row pass, which may run where the blocks are
      return reducer.rows(samples, 1, (block, out) -> {
        double[] z = project(kernels, d, block.x(), block.xOffset(), block.rows(), u);
        for (int r = 0; r < block.rows(); r++) {
          out[r] = label(labels, block.y()[block.yOffset() + r], z, r * mm);
        }
      });
    }
    double[] out = new double[rows.length];
    sumRuns(rows, 0, false, (x, xo, y, yo, count, position, acc) -> {
      double[] z = project(kernels, d, x, xo, count, u);
      for (int r = 0; r < count; r++) {
        out[position + r] = label(labels, y[yo + r], z, r * mm);
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
    checkRows(rows);
    double[] u = columns(basis, k, Labels.PLAIN, alpha);
    int mm = k + (alpha == null ? 0 : 1);
    int d = samples.d();
    SampleKernels kernels = this.kernels;
    if (everySample(rows)) { // a per-row pass, which may run where the blocks are
      double[] z = reducer.rows(samples, mm, (block, out) ->
          kernels.project(block.x(), block.xOffset(), block.rows(), d, u, mm, out, 0));
      if (alpha == null) {
        return new double[][] {z, null};
      }
      double[] t = new double[rows.length * k];
      double[] h = new double[rows.length];
      for (int j = 0; j < rows.length; j++) {
        System.arraycopy(z, j * mm, t, j * k, k);
        h[j] = z[j * mm + k];
      }
      return new double[][] {t, h};
    }
    double[] t = new double[rows.length * k];
    double[] h = alpha == null ? null : new double[rows.length];
    sumRuns(rows, 0, false, (x, xo, y, yo, count, position, acc) -> {
      if (h == null) {
        kernels.project(x, xo, count, d, u, k, t, position * k);
        return;
      }
      double[] z = project(kernels, d, x, xo, count, u);
      for (int r = 0; r < count; r++) {
        System.arraycopy(z, r * mm, t, (position + r) * k, k);
        h[position + r] = z[r * mm + k];
      }
    });
    return new double[][] {t, h};
  }

  /**
   * The d x mm row-major matrix whose columns are the b columns of {@code u} (d x b column-major;
   * none when null), then {@code labels.m1()} when present, then {@code alpha} when not null: one
   * projection gives a run's block products, its labels and its alpha . x together.
   */
  private double[] columns(double[] u, int b, Labels labels, double[] alpha) {
    int d = samples.d();
    int mm = b + (labels.m1() == null ? 0 : 1) + (alpha == null ? 0 : 1);
    double[] out = new double[d * mm];
    for (int a = 0; a < d; a++) {
      int c = 0;
      for (; c < b; c++) {
        out[a * mm + c] = u[c * d + a];
      }
      if (labels.m1() != null) {
        out[a * mm + c++] = labels.m1()[a];
      }
      if (alpha != null) {
        out[a * mm + c] = alpha[a];
      }
    }
    return out;
  }

  /** {@code X U} of a run for the d x mm matrix {@code u} (nothing to do when mm = 0). */
  private static double[] project(SampleKernels kernels, int d, double[] x, int xo, int count,
      double[] u) {
    int mm = u.length / d;
    double[] z = new double[count * mm];
    if (mm > 0) {
      kernels.project(x, xo, count, d, u, mm, z, 0);
    }
    return z;
  }

  /** A row's label {@code y - mean - x . m1}, with x . m1 at {@code z[at]} (see {@link #columns}). */
  private static double label(Labels labels, double y, double[] z, int at) {
    return labels.m1() == null ? y - labels.mean() : y - labels.mean() - z[at];
  }

  /**
   * The operator {@code U -> P2_hat U} with {@code P2_hat = mean of labels_j He_{2+m}(x_j)[I, I,
   * alpha^m]}, applied in O(n d b) per product of a d x b block without forming P2_hat: per run
   * of rows one projection {@code X [U, m1, alpha]} and one scatter {@code G += F^T X}, a pure
   * block reduction into d b + b sums (no per-sample array is read or written).
   */
  public final class SecondMomentOperator {
    private final int[] rows;
    private final Labels labels;
    private final int m;
    private final double[] alpha;
    private final double mean0;
    private final double mean2;

    private SecondMomentOperator(int[] rows, Labels labels, int m, double[] alpha) {
      this.rows = rows;
      this.labels = labels;
      this.m = m;
      this.alpha = alpha;
      double[] u = columns(null, 0, labels, alpha);
      int d = samples.d();
      int mm = u.length / d;
      SampleKernels kernels = Moments.this.kernels;
      double[] sums = sumRuns(rows, 2, true, (x, xo, y, yo, count, position, acc) -> {
        double[] z = project(kernels, d, x, xo, count, u);
        double[] he = new double[m + 1];
        for (int r = 0; r < count; r++) {
          double label = label(labels, y[yo + r], z, r * mm);
          Hermite.values(m > 0 ? z[r * mm + mm - 1] : 0, m, he);
          acc[0] += label * he[m];
          if (m >= 2) {
            acc[1] += label * he[m - 2];
          }
        }
      });
      mean0 = sums[0] / rows.length;
      mean2 = sums[1] / rows.length;
    }

    /** The dimension d. */
    public int dimension() {
      return samples.d();
    }

    /** {@code P2_hat U} for the d x b column-major block {@code u}. */
    public double[] apply(double[] u, int b) {
      int d = samples.d();
      // locals, not fields: the pass must not capture this operator (see sumRuns)
      Labels labels = this.labels;
      int m = this.m;
      SampleKernels kernels = Moments.this.kernels;
      double[] ua = new double[b]; // u_c . alpha
      if (m > 0) {
        for (int c = 0; c < b; c++) {
          ua[c] = Vectors.dot(u, c * d, alpha, 0, d);
        }
      }
      double[] design = columns(u, b, labels, alpha);
      int mm = design.length / d;
      int labelAt = labels.m1() == null ? -1 : b;
      double[] sum = sumRuns(rows, d * b + b, true, (x, xo, y, yo, count, position, acc) -> {
        double[] z = project(kernels, d, x, xo, count, design);
        double[] f = new double[count * b];
        double[] he = new double[m + 1];
        for (int r = 0; r < count; r++) {
          int zr = r * mm;
          double label = label(labels, y[yo + r], z, zr + labelAt);
          Hermite.values(m > 0 ? z[zr + mm - 1] : 0, m, he);
          double g0 = label * he[m];
          double g1 = m > 0 ? label * he[m - 1] : 0;
          for (int c = 0; c < b; c++) {
            f[r * b + c] = g0 * z[zr + c] - (m > 0 ? m * ua[c] * g1 : 0);
            if (m > 0) {
              acc[d * b + c] += g1 * z[zr + c];
            }
          }
        }
        kernels.scatter(x, xo, count, d, f, 0, b, acc); // G (d x b, row-major) at acc[0..d b)
      });
      double inv = 1.0 / rows.length;
      double[] out = new double[d * b];
      for (int c = 0; c < b; c++) {
        double alphaCoefficient = m > 0
            ? m * (sum[d * b + c] * inv - (m - 1) * ua[c] * mean2) : 0;
        for (int a = 0; a < d; a++) {
          out[c * d + a] = sum[a * b + c] * inv - mean0 * u[c * d + a]
              - (m > 0 ? alphaCoefficient * alpha[a] : 0);
        }
      }
      return out;
    }
  }

  /**
   * The P2_hat operator of order {@code 2 + m} with weights {@code labels} on the subset
   * {@code rows}; {@code alpha} is a unit vector of R^d, unused when m = 0.
   */
  public SecondMomentOperator secondMoment(int[] rows, Labels labels, int m, double[] alpha) {
    checkRows(rows);
    if (m > 0 && alpha == null) {
      throw new IllegalArgumentException("a second moment of order " + (2 + m) + " needs alpha");
    }
    return new SecondMomentOperator(rows, labels, m, m > 0 ? alpha : null);
  }

  /**
   * Mean over positions of {@code weights[r]_j He_r(t_j)} for each order r with non-null weights,
   * as full k^r tensors (r = 0..3); {@code t} holds k coordinates per position. A reduction over
   * the per-sample arrays t and weights (not over the samples).
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
          acc[l2] += weights[2][j];
        }
        if (weights[3] != null) {
          double w = weights[3][j];
          for (int a = 0; a < k; a++) {
            acc[l3 + a] += w * t[tb + a];
          }
        }
      }
      // The outer products as block scatters with T (positions x k) as the inputs: order 2 is
      // T^T diag(w) T; order 3 is, for each a, T^T C_a with C_a[j][b - a] = w_j t_ja t_jb (b >= a),
      // of which the entries c >= b are kept (about half the k^3 products, all in SIMD tiles).
      int rows = to - from;
      int tf = from * k;
      double[] c = new double[rows * k];
      double[] g = new double[k * k];
      if (weights[2] != null) {
        for (int r = 0; r < rows; r++) {
          double w = weights[2][from + r];
          for (int a = 0; a < k; a++) {
            c[r * k + a] = w * t[tf + r * k + a];
          }
        }
        kernels.scatter(t, tf, rows, k, c, 0, k, g);
        for (int a = 0; a < k; a++) {
          for (int b = a; b < k; b++) {
            acc[o2 + a * k + b] += g[b * k + a];
          }
        }
      }
      if (weights[3] != null) {
        for (int a = 0; a < k; a++) {
          int m = k - a;
          for (int r = 0; r < rows; r++) {
            int tr = tf + r * k;
            double wa = weights[3][from + r] * t[tr + a];
            for (int b = 0; b < m; b++) {
              c[r * m + b] = wa * t[tr + a + b];
            }
          }
          java.util.Arrays.fill(g, 0);
          kernels.scatter(t, tf, rows, k, c, 0, m, g);
          for (int b = a; b < k; b++) {
            int base = o3 + (a * k + b) * k;
            for (int cc = b; cc < k; cc++) {
              acc[base + cc] += g[cc * m + b - a];
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
  /** Whether the subset is every sample (its rows strictly increase, so then rows[j] = j). */
  private boolean everySample(int[] rows) {
    return rows.length == samples.n();
  }

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
    double[] one = new double[m + 1];
    for (int j = 0; j < h.length; j++) {
      Hermite.values(h[j], m, one);
      for (int q = 0; q <= m; q++) {
        he[q][j] = one[q];
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
}
