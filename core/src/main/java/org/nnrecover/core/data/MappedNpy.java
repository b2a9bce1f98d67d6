package org.nnrecover.core.data;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.Samples;

/**
 * The samples of a C-order {@code '<f8'} {@code .npy} file, memory-mapped and read block by block:
 * the file may be larger than the Java heap, and n d may exceed 2^31.
 *
 * <p>The file is mapped in chunks of whole blocks, each at most {@link #CHUNK_BYTES} (a mapping is
 * limited to 2 GB). A file row is {@code x_1..x_d, y}, so a block's inputs are not one stride-d
 * slice of the file, and the passes take (array, offset) slices: {@link #load} therefore copies the
 * block into the view's own arrays (allocated once per view), one bulk get per row.
 */
final class MappedNpy implements Samples.BlockSource {
  /** Largest mapping: 1 GB, a whole number of blocks. */
  static final long CHUNK_BYTES = 1L << 30;

  private final DoubleBuffer[] chunks;
  private final int blocksPerChunk;
  private final int d;

  private MappedNpy(DoubleBuffer[] chunks, int blocksPerChunk, int d) {
    this.chunks = chunks;
    this.blocksPerChunk = blocksPerChunk;
    this.d = d;
  }

  /**
   * Maps the data of {@code rows} rows of {@code columns} values starting at {@code dataStart}
   * (the caller has checked the file's size against the header), and, when {@code checkValues},
   * refuses NaN and infinity with one pass over the data.
   */
  static Samples map(Path file, FileChannel channel, long dataStart, int rows, int columns,
      boolean checkValues) throws IOException {
    long rowBytes = (long) columns * Double.BYTES;
    long blockBytes = rowBytes * Samples.BLOCK_ROWS;
    if (blockBytes > CHUNK_BYTES) {
      throw new DataFileException(file, "byte offset " + dataStart, "rows of " + columns
          + " values are too long to memory-map in blocks of " + Samples.BLOCK_ROWS + " samples ("
          + blockBytes + " bytes per block, at most " + CHUNK_BYTES + "): d must be at most "
          + (CHUNK_BYTES / Samples.BLOCK_ROWS / Double.BYTES - 1));
    }
    int blocksPerChunk = (int) (CHUNK_BYTES / blockBytes);
    int blocks = Samples.blockCount(rows);
    int chunkCount = (blocks + blocksPerChunk - 1) / blocksPerChunk;
    DoubleBuffer[] chunks = new DoubleBuffer[chunkCount];
    long rowsPerChunk = (long) blocksPerChunk * Samples.BLOCK_ROWS;
    for (int c = 0; c < chunkCount; c++) {
      long firstRow = c * rowsPerChunk;
      long chunkRows = Math.min(rowsPerChunk, rows - firstRow);
      chunks[c] = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + firstRow * rowBytes,
          chunkRows * rowBytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
      for (int i = 0, count = checkValues ? chunks[c].limit() : 0; i < count; i++) {
        double value = chunks[c].get(i);
        if (!Double.isFinite(value)) {
          long index = firstRow * columns + i;
          throw NpySamples.nonFinite(file, dataStart, index, index / columns,
              (int) (index % columns), value);
        }
      }
    }
    return new Samples(rows, columns - 1, new MappedNpy(chunks, blocksPerChunk, columns - 1));
  }

  @Override
  public void load(int block, SampleBlock view) {
    DoubleBuffer chunk = chunks[block / blocksPerChunk];
    int stride = d + 1;
    int base = (block % blocksPerChunk) * Samples.BLOCK_ROWS * stride;
    double[] x = view.ownX();
    double[] y = view.ownY();
    // absolute gets: the shared buffer's position is never touched, so threads do not interfere
    for (int r = 0, rows = view.rows(); r < rows; r++) {
      int at = base + r * stride;
      chunk.get(at, x, r * d, d);
      y[r] = chunk.get(at + d);
    }
    view.point(x, 0, y, 0);
  }
}
