package org.nnrecover.api;

/**
 * A view of one block of samples: rows {@code firstRow() .. firstRow() + rows() - 1} of a
 * {@link Samples}, as slices of two arrays. Row r of the block (0 <= r < rows()) has its input at
 * {@code x()[xOffset() + r * d() .. + d() - 1]} and its label at {@code y()[yOffset() + r]}.
 *
 * <p>A view is a reusable cursor: {@link Samples#block(int, SampleBlock)} repoints it at another
 * block without allocating, so a pass keeps one view per worker thread. For samples held on the
 * heap the slices are the stored arrays themselves (shared: never write to them); storage that
 * cannot hand out arrays (a memory-mapped file) copies the block into the view's own arrays, which
 * are allocated once per view. A view is not thread-safe; the arrays it points at stay valid until
 * the view is repointed.
 *
 * @since 1.1
 */
public final class SampleBlock {
  private int index = -1;
  private long firstRow;
  private int rows;
  private int d;
  private double[] x;
  private int xOffset;
  private double[] y;
  private int yOffset;
  private double[] ownX;
  private double[] ownY;

  /** An empty view, to be filled by {@link Samples#block(int, SampleBlock)}. */
  public SampleBlock() {}

  /** The block index b. */
  public int index() {
    return index;
  }

  /** Index of the block's first sample in the whole set ({@code b * Samples.BLOCK_ROWS}). */
  public long firstRow() {
    return firstRow;
  }

  /** Number of samples in the block: {@link Samples#BLOCK_ROWS}, or fewer in the last block. */
  public int rows() {
    return rows;
  }

  /** Input dimension d (the row stride of {@link #x()}). */
  public int d() {
    return d;
  }

  /** The array holding the block's inputs, row-major with stride d from {@link #xOffset()}. */
  public double[] x() {
    return x;
  }

  /** Index in {@link #x()} of the block's first input entry. */
  public int xOffset() {
    return xOffset;
  }

  /** The array holding the block's labels, from {@link #yOffset()}. */
  public double[] y() {
    return y;
  }

  /** Index in {@link #y()} of the block's first label. */
  public int yOffset() {
    return yOffset;
  }

  /** Sets which rows the view covers; called by {@link Samples} before the storage fills it. */
  void locate(int index, long firstRow, int rows, int d) {
    this.index = index;
    this.firstRow = firstRow;
    this.rows = rows;
    this.d = d;
    this.x = null;
    this.y = null;
  }

  /**
   * For storage implementations: points the view at arrays that hold the block.
   *
   * @param x array holding {@code rows() * d()} inputs from {@code xOffset}
   * @param y array holding {@code rows()} labels from {@code yOffset}
   */
  public void point(double[] x, int xOffset, double[] y, int yOffset) {
    if (xOffset < 0 || (long) xOffset + (long) rows * d > x.length || yOffset < 0
        || (long) yOffset + rows > y.length) {
      throw new IllegalArgumentException("block " + index + " needs " + rows + " rows of d = " + d
          + ", but the arrays hold " + x.length + " inputs from " + xOffset + " and " + y.length
          + " labels from " + yOffset);
    }
    this.x = x;
    this.xOffset = xOffset;
    this.y = y;
    this.yOffset = yOffset;
  }

  /**
   * For storage implementations that copy: this view's own input array ({@link
   * Samples#BLOCK_ROWS} {@code * d()} entries), allocated on first use and reused; fill it and
   * {@link #point} the view at it.
   */
  public double[] ownX() {
    int length = Samples.BLOCK_ROWS * d;
    if (ownX == null || ownX.length != length) {
      ownX = new double[length];
    }
    return ownX;
  }

  /** This view's own label array ({@link Samples#BLOCK_ROWS} entries); see {@link #ownX()}. */
  public double[] ownY() {
    if (ownY == null) {
      ownY = new double[Samples.BLOCK_ROWS];
    }
    return ownY;
  }
}
