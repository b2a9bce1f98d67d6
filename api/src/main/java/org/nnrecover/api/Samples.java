package org.nnrecover.api;

import java.util.Objects;

/**
 * A sample set S = {(x_j, y_j)}, j = 0..n-1, x_j in R^d, stored as fixed-size row blocks.
 *
 * <p>Block b holds the samples {@code b * BLOCK_ROWS .. min(n, (b + 1) * BLOCK_ROWS) - 1}; every
 * pass over the samples visits blocks, through {@link #block(int, SampleBlock)} or, for sums, a
 * {@link SampleReducer}. Because the unit is a block and not one array, n d may exceed 2^31 and the
 * samples need not sit on the Java heap (a memory-mapped file). Sample indices are {@code int} (n <
 * 2^31); entry indices are {@code long}.
 *
 * <p>The data are shared, not copied, because they are the largest objects of a run; nobody may
 * write to them. Instances are thread-safe for reading (each thread uses its own {@link
 * SampleBlock} view).
 *
 * @since 1.0 (blocks since 1.1)
 */
public final class Samples {
  /**
   * Samples per block: the unit of every parallel or distributed sum, of generation from a seed and
   * of reading a file. Fixed (never derived from the thread count), so that results are
   * bit-identical for any number of threads.
   *
   * @since 1.1
   */
  public static final int BLOCK_ROWS = 2048;

  /** The largest Java array the JVM reliably allocates. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  /**
   * Storage of blocks that does not hand out one array (samples beyond one array, a memory-mapped
   * file, a synthetic test store).
   *
   * @since 1.1
   */
  @FunctionalInterface
  public interface BlockSource {
    /**
     * Makes {@code view} show block {@code block}: its index, first row, row count and d are
     * already set; call {@link SampleBlock#point} with arrays that hold the block (the source's
     * own, or the view's {@link SampleBlock#ownX()}/{@link SampleBlock#ownY()} after copying).
     * Called concurrently from several threads, each with its own view.
     */
    void load(int block, SampleBlock view);
  }

  private final int n;
  private final int d;
  private final BlockSource source;
  /** One contiguous array each (the 1.0 constructor), or null for a block source. */
  private final double[] x;
  private final double[] y;
  private volatile double[][] materialized;

  /**
   * Samples held in one array each (n d must fit one Java array); the blocks are slices of them.
   *
   * @param x n x d inputs, row-major (x_j starts at {@code j * d}); not copied
   * @param y n labels; not copied
   * @param d input dimension
   */
  public Samples(double[] x, double[] y, int d) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    checkShape(y.length, d);
    if (x.length != (long) y.length * d) {
      throw new IllegalArgumentException("x has " + x.length + " entries, expected n * d = "
          + y.length + " * " + d);
    }
    this.x = x;
    this.y = y;
    this.n = y.length;
    this.d = d;
    this.source = null;
  }

  /**
   * Samples whose blocks come from {@code source}.
   *
   * @param n number of samples, at least 1
   * @param d input dimension
   * @param source storage of the blocks
   * @since 1.1
   */
  public Samples(int n, int d, BlockSource source) {
    checkShape(n, d);
    this.source = Objects.requireNonNull(source, "source");
    this.n = n;
    this.d = d;
    this.x = null;
    this.y = null;
  }

  private static void checkShape(int n, int d) {
    if (d < 1) {
      throw new IllegalArgumentException("dimension d must be >= 1, got " + d);
    }
    if ((long) BLOCK_ROWS * d > MAX_ARRAY) {
      throw new IllegalArgumentException("dimension d = " + d + " is too large: one block of "
          + BLOCK_ROWS + " samples must fit a Java array (d <= " + MAX_ARRAY / BLOCK_ROWS + ")");
    }
    if (n < 1) {
      throw new IllegalArgumentException("a sample set needs n >= 1 samples, got " + n);
    }
  }

  /** Number of samples. */
  public int n() {
    return n;
  }

  /** Input dimension. */
  public int d() {
    return d;
  }

  /** Number of entries of X, n d (may exceed 2^31). @since 1.1 */
  public long size() {
    return (long) n * d;
  }

  /** Number of blocks. @since 1.1 */
  public int blocks() {
    return blockCount(n);
  }

  /** Number of samples in block {@code b}. @since 1.1 */
  public int blockRows(int b) {
    checkBlock(b);
    return (int) Math.min(BLOCK_ROWS, n - (long) b * BLOCK_ROWS);
  }

  /** Number of blocks that {@code n} samples are cut into. @since 1.1 */
  public static int blockCount(int n) {
    return (int) (((long) n + BLOCK_ROWS - 1) / BLOCK_ROWS);
  }

  /** The block that holds sample {@code row}. @since 1.1 */
  public static int blockOf(long row) {
    return (int) (row / BLOCK_ROWS);
  }

  /**
   * Points {@code view} at block {@code b} and returns it. Allocates nothing for samples held on
   * the heap.
   *
   * @since 1.1
   */
  public SampleBlock block(int b, SampleBlock view) {
    checkBlock(b);
    long first = (long) b * BLOCK_ROWS;
    int rows = (int) Math.min(BLOCK_ROWS, n - first);
    view.locate(b, first, rows, d);
    if (source == null) {
      view.point(x, (int) (first * d), y, (int) first);
    } else {
      source.load(b, view);
      if (view.x() == null) {
        throw new IllegalStateException("the sample storage did not fill block " + b);
      }
    }
    return view;
  }

  private void checkBlock(int b) {
    if (b < 0 || b >= blocks()) {
      throw new IndexOutOfBoundsException("block " + b + " is outside [0, " + blocks() + ")");
    }
  }

  /**
   * The input matrix as one n x d row-major array. Shared: do not modify. For samples held in
   * blocks this copies them into one array on first use (and keeps it).
   *
   * @throws IllegalStateException when n d entries do not fit one Java array
   * @deprecated since 1.1: one array caps n d at 2^31 and needs the whole set on the heap; read
   *     blocks with {@link #block(int, SampleBlock)} or {@link SampleReducer#sum(Samples, int,
   *     SampleReducer.SampleBlockTask)}.
   */
  @Deprecated
  public double[] x() {
    return x != null ? x : materialize()[0];
  }

  /**
   * The labels as one array. Shared: do not modify. For samples held in blocks this copies them
   * (and the inputs, see {@link #x()}) on first use.
   *
   * @deprecated since 1.1: read blocks with {@link #block(int, SampleBlock)}.
   */
  @Deprecated
  public double[] y() {
    return y != null ? y : materialize()[1];
  }

  private double[][] materialize() {
    double[][] arrays = materialized;
    if (arrays != null) {
      return arrays;
    }
    synchronized (this) {
      if (materialized == null) {
        if (size() > MAX_ARRAY) {
          throw new IllegalStateException("the samples have n d = " + n + " * " + d + " = "
              + size() + " entries, more than one Java array holds (" + MAX_ARRAY + "); read them "
              + "block by block (Samples.block, SampleReducer.sum(Samples, ...)) instead of x()");
        }
        double[] xs = new double[(int) size()];
        double[] ys = new double[n];
        SampleBlock view = new SampleBlock();
        for (int b = 0; b < blocks(); b++) {
          block(b, view);
          System.arraycopy(view.x(), view.xOffset(), xs, (int) (view.firstRow() * d),
              view.rows() * d);
          System.arraycopy(view.y(), view.yOffset(), ys, (int) view.firstRow(), view.rows());
        }
        materialized = new double[][] {xs, ys};
      }
      return materialized;
    }
  }
}
