package org.nnrecover.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.Samples;

/**
 * The samples of a folder of {@code .npy} part files, read as one set: the parts in the order of
 * their file names (so {@code part-00000.npy, part-00001.npy, ...}, as Spark and numpy scripts
 * write them), each one a sample file as {@link SampleFiles} reads it, with the same d. A part may
 * hold any number of rows: a block of {@link Samples#BLOCK_ROWS} samples that straddles two parts
 * is copied together from both.
 *
 * <p>This is how a data set too large for one file, written in pieces by another tool, reaches a
 * run, and how the executors of a distributed run read their blocks (each from the same folder on a
 * shared file system).
 */
final class NpyParts implements Samples.BlockSource {
  private final Samples[] parts;
  /** {@code starts[p]}: index of part p's first sample in the whole set; last entry n. */
  private final long[] starts;
  private final int d;
  /** A view per thread into the parts (a part's block is copied out of it). */
  private final ThreadLocal<SampleBlock> partView = ThreadLocal.withInitial(SampleBlock::new);

  private NpyParts(Samples[] parts, long[] starts, int d) {
    this.parts = parts;
    this.starts = starts;
    this.d = d;
  }

  /**
   * Reads every {@code .npy} file of {@code folder} (not its subfolders).
   *
   * @param expectedD the input dimension the caller expects, or -1 to take it from the first part
   * @param checkValues scan memory-mapped parts for NaN and infinity (see {@link SampleFiles})
   * @throws DataFileException when a part is malformed, the parts disagree on d, or the folder
   *     holds no part
   */
  static Samples read(Path folder, int expectedD, boolean checkValues) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".npy")
          && Files.isRegularFile(p)).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new DataFileException(folder, "the folder", "holds no .npy part files (a sample "
          + "folder is read as its *.npy files in name order, each of shape (rows, d+1))");
    }
    Samples[] parts = new Samples[files.size()];
    long[] starts = new long[files.size() + 1];
    for (int p = 0; p < parts.length; p++) {
      parts[p] = NpySamples.read(files.get(p), p == 0 ? expectedD : -1, checkValues);
      if (parts[p].d() != parts[0].d()) {
        throw new DataFileException(files.get(p), "its shape", "has d = " + parts[p].d()
            + " (x1..xd, then y), but the first part, " + files.get(0).getFileName()
            + ", has d = " + parts[0].d() + ": every part of a sample folder has the same d");
      }
      starts[p + 1] = starts[p] + parts[p].n();
    }
    int d = parts[0].d();
    if (starts[parts.length] > Integer.MAX_VALUE) {
      throw new DataFileException(folder, "the folder", "its parts hold " + starts[parts.length]
          + " samples together; a sample set holds at most " + Integer.MAX_VALUE);
    }
    if (parts.length == 1) {
      return parts[0];
    }
    return new Samples((int) starts[parts.length], d, new NpyParts(parts, starts, d));
  }

  @Override
  public void load(int block, SampleBlock view) {
    double[] x = view.ownX();
    double[] y = view.ownY();
    long first = view.firstRow();
    long end = first + view.rows();
    SampleBlock part = partView.get();
    // from the last part starting at or before first; a block may run on into the next part
    int p = Arrays.binarySearch(starts, first);
    p = p >= 0 ? p : -p - 2;
    for (long row = first; row < end; ) {
      while (row >= starts[p + 1]) {
        p++;
      }
      long local = row - starts[p];
      parts[p].block(Samples.blockOf(local), part);
      int from = (int) (local - part.firstRow());
      int count = (int) Math.min(part.rows() - from, end - row);
      int at = (int) (row - first);
      System.arraycopy(part.x(), part.xOffset() + from * d, x, at * d, count * d);
      System.arraycopy(part.y(), part.yOffset() + from, y, at, count);
      row += count;
    }
    view.point(x, 0, y, 0);
  }
}
