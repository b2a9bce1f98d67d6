package org.nnrecover.core.run;

import java.util.Locale;

/**
 * The limits of a run spec's numbers (declared on its fields, see {@link SpecSchema}), the one
 * check of a thread count, a sweep's default size limit, and the memory estimate of a spec. Every
 * front end checks through here and {@link SpecSchema}, so that a limit is stated once and every
 * front end reports it alike.
 *
 * <p>The upper bounds of kappa and noise keep every generated label finite for the built-in
 * activations (squared ReLU at kappa = 1e6 gives labels of order 1e12, far from overflow); values
 * beyond them are syntactically numbers but make no meaningful experiment.
 */
public final class SpecLimits {
  /** Largest condition number of the teacher. */
  public static final double MAX_KAPPA = 1e6;
  /** Largest label-noise standard deviation. */
  public static final double MAX_NOISE = 1e6;
  /** Most worker threads a command starts (results never depend on the count). */
  public static final int MAX_THREADS = 256;
  /** Default most runs a sweep may expand to (overridable with {@code --max-runs}). */
  public static final long DEFAULT_MAX_RUNS = 100_000;
  /** Java arrays hold at most this many elements; the samples X are one n x d array. */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;

  private SpecLimits() {}

  /**
   * Checks a requested thread count.
   *
   * @param option how the user gave it, for the message (e.g. {@code --threads})
   */
  public static int checkThreads(String option, int threads) {
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException(option + " must be in 1.." + MAX_THREADS + ", got "
          + threads + " (this machine has " + Runtime.getRuntime().availableProcessors()
          + " processors; results do not depend on the thread count)");
    }
    return threads;
  }

  /**
   * The bytes a run of this size needs at its peak, roughly: the samples (n (d + 1) doubles),
   * n-long work vectors of the objective and the initializer (about 2 k + 8 of them), and a few
   * d x d matrices of the tensor method.
   */
  public static long estimateBytes(long d, long k, long n) {
    double doubles = n * (d + 1.0) + n * (2.0 * k + 8) + 8.0 * d * d;
    return (long) Math.min(Long.MAX_VALUE, 8 * doubles);
  }

  /**
   * Refuses a run whose samples do not fit one Java array, or whose estimated memory exceeds the
   * heap limit.
   *
   * @param concurrent how many such runs execute at the same time (a sweep's threads)
   */
  public static void checkMemory(long d, long k, long n, int concurrent) {
    if (n * d > MAX_ARRAY) {
      throw new IllegalArgumentException("n d = " + n * d + " samples values exceed the "
          + MAX_ARRAY + " a Java array holds (d = " + d + ", n = " + n + "); reduce d or n");
    }
    long need = estimateBytes(d, k, n) * concurrent;
    long limit = Runtime.getRuntime().maxMemory();
    if (need > limit) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "d = %d, n = %d needs about "
          + "%s of memory%s but the Java heap limit is %s; reduce n or d%s, or raise the limit "
          + "(NNRECOVER_JAVA_OPTS=-Xmx%dg for ./nnrecover, -Xmx for java -jar)", d, n,
          bytes(need), concurrent > 1 ? " (" + concurrent + " runs at once)" : "", bytes(limit),
          concurrent > 1 ? " or --threads" : "", Math.max(1, (need >> 30) + 2)));
    }
  }

  /** A byte count as "3.2 GiB" or "512 MiB". */
  public static String bytes(long bytes) {
    return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
        : String.format(Locale.ROOT, "%d MiB", Math.max(1, bytes >> 20));
  }
}
