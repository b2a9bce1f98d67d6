package org.nnrecover.core.report;

import com.google.common.math.Quantiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The sample count at which a given fraction of seeds recovers the network, for every dimension,
 * and how it grows with the dimension: the paper's claim is n ~ d (up to log factors), a log-log
 * slope of 1.
 *
 * <p>For one dimension the evaluated sample counts n_1 < n_2 < ... carry success rates r_i. The
 * threshold for a level L is read from the monotone rule: the smallest n_i from which every larger
 * evaluated count has r >= L; it is interpolated in log n between that count and the one below
 * it (whose rate is below L), linearly in the rate. When even the smallest count reaches L, or the
 * largest does not, there is no threshold inside the evaluated range (NaN).
 *
 * <p>The slope is the least-squares slope of log n_L against log d over the dimensions with a
 * threshold. Its confidence interval is a percentile bootstrap: the seeds of every evaluated cell
 * are resampled with replacement (a fixed stream, so the interval is reproducible), the thresholds
 * and the slope recomputed, and the 2.5 % and 97.5 % quantiles of the slopes reported.
 *
 * @param level the success rate L, in (0, 1]
 * @param dimensions the dimensions, increasing
 * @param thresholds n_L for each dimension (NaN where the evaluated range has none)
 * @param slope least-squares slope of log n_L on log d (NaN below two thresholds)
 * @param low 2.5 % bootstrap quantile of the slope (NaN when undefined)
 * @param high 97.5 % bootstrap quantile of the slope
 * @param resamples bootstrap resamples whose slope was defined
 */
public record ThresholdFit(double level, double[] dimensions, double[] thresholds, double slope,
    double low, double high, int resamples) {

  /** Bootstrap resamples drawn by {@link #of}. */
  public static final int BOOTSTRAP = 2000;

  /**
   * One evaluated cell: sample count and the success (1) or failure (0) of each seed.
   *
   * @param n sample count
   * @param outcomes one entry per seed, 1 for success
   */
  record Point(double n, int[] outcomes) {
    double rate() {
      double sum = 0;
      for (int o : outcomes) {
        sum += o;
      }
      return outcomes.length == 0 ? Double.NaN : sum / outcomes.length;
    }
  }

  /**
   * Fits the thresholds of a report whose cells vary over a dimension axis and a sample-count axis
   * (other axes, if any, must not vary).
   *
   * @param dAxis the dimension axis (numeric)
   * @param nAxis the sample-count axis (numeric)
   * @param level success rate, in (0, 1]
   * @param seed the bootstrap stream's seed
   */
  public static ThresholdFit of(Report report, String dAxis, String nAxis, double level,
      long seed) {
    if (!(level > 0 && level <= 1)) {
      throw new IllegalArgumentException("the success level must be in (0, 1], got " + level);
    }
    Map<Double, List<Point>> byDimension = new TreeMap<>();
    for (Cell cell : report.cells()) {
      String d = cell.coordinates().get(dAxis);
      String n = cell.coordinates().get(nAxis);
      if (d == null || n == null) {
        throw new IllegalArgumentException("cell " + cell.key() + " has no value for axis '"
            + (d == null ? dAxis : nAxis) + "'");
      }
      // in seed order: the store holds runs in the order they finished, which depends on the
      // thread count and timing, and the bootstrap draws positions in this array
      int[] outcomes = cell.runs().stream()
          .sorted(Comparator.comparingLong(r -> r.record().spec().seed()))
          .mapToInt(r -> r.record().succeeded() ? 1 : 0).toArray();
      byDimension.computeIfAbsent(Double.parseDouble(d), k -> new ArrayList<>())
          .add(new Point(Double.parseDouble(n), outcomes));
    }
    double[] dims = byDimension.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    List<List<Point>> points = new ArrayList<>();
    for (List<Point> list : byDimension.values()) {
      List<Point> sorted = new ArrayList<>(list);
      sorted.sort((a, b) -> Double.compare(a.n(), b.n()));
      points.add(sorted);
    }
    double[] thresholds = thresholds(points, level, null);
    double slope = logLogSlope(dims, thresholds);
    SplittableRandom random = new SplittableRandom(seed);
    List<Double> slopes = new ArrayList<>();
    for (int b = 0; b < BOOTSTRAP; b++) {
      double s = logLogSlope(dims, thresholds(points, level, random));
      if (Double.isFinite(s)) {
        slopes.add(s);
      }
    }
    double low = Double.NaN;
    double high = Double.NaN;
    if (!slopes.isEmpty()) {
      // integer indexes on a scale of 1000: 25 and 975 are the 2.5 % and 97.5 % quantiles
      Map<Integer, Double> q = Quantiles.scale(1000).indexes(25, 975).compute(slopes);
      low = q.get(25);
      high = q.get(975);
    }
    return new ThresholdFit(level, dims, thresholds, slope, low, high, slopes.size());
  }

  /**
   * The threshold of each dimension; with a random stream, from the seeds of each cell resampled
   * with replacement.
   */
  static double[] thresholds(List<List<Point>> points, double level, SplittableRandom random) {
    double[] out = new double[points.size()];
    for (int i = 0; i < out.length; i++) {
      List<Point> list = points.get(i);
      double[] n = new double[list.size()];
      double[] rate = new double[list.size()];
      for (int j = 0; j < n.length; j++) {
        Point p = list.get(j);
        n[j] = p.n();
        rate[j] = random == null ? p.rate() : resampledRate(p.outcomes(), random);
      }
      out[i] = threshold(n, rate, level);
    }
    return out;
  }

  private static double resampledRate(int[] outcomes, SplittableRandom random) {
    double sum = 0;
    for (int s = 0; s < outcomes.length; s++) {
      sum += outcomes[random.nextInt(outcomes.length)];
    }
    return sum / outcomes.length;
  }

  /**
   * The interpolated threshold of increasing counts {@code n} with rates {@code rate}; NaN when the
   * largest count is below the level or the smallest already reaches it.
   */
  static double threshold(double[] n, double[] rate, double level) {
    int first = n.length;
    for (int j = n.length - 1; j >= 0 && rate[j] >= level; j--) {
      first = j;
    }
    if (first == n.length || first == 0) {
      return Double.NaN;
    }
    double below = rate[first - 1];
    double above = rate[first];
    double t = (level - below) / (above - below);
    return Math.exp(Math.log(n[first - 1]) + t * (Math.log(n[first]) - Math.log(n[first - 1])));
  }

  /** Least-squares slope of log y on log x over the finite y; NaN below two points. */
  static double logLogSlope(double[] x, double[] y) {
    List<double[]> finite = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(y[i]) && y[i] > 0) {
        finite.add(new double[] {Math.log(x[i]), Math.log(y[i])});
      }
    }
    return RecoveryThreshold.slope(finite.stream().mapToDouble(p -> p[0]).toArray(),
        finite.stream().mapToDouble(p -> p[1]).toArray());
  }
}
