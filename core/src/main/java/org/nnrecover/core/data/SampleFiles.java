package org.nnrecover.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.Samples;

/**
 * Samples from and to files, so that data made by other tools can be used and results checked
 * against other implementations. The format follows the file extension (case-insensitive):
 *
 * <ul>
 *   <li>{@code .csv}: one sample per line, columns x1..xd then y, separated by commas with optional
 *       spaces. An optional header is recognized on the first line when none of its fields is a
 *       number; a first line mixing numbers and words is refused rather than guessed at. Blank lines
 *       are skipped (they hold no sample).
 *   <li>{@code .npy}: NumPy format versions 1.0, 2.0 and 3.0, dtype {@code '<f8'} (float64,
 *       little-endian), shape (n, d+1), C or Fortran order. A C-order file (numpy's default) is
 *       memory-mapped and read block by block, so it may be larger than the Java heap and n d may
 *       exceed 2^31 (the file must not change while the samples are in use); a Fortran-order file
 *       is read onto the heap.
 *   <li>a folder: its {@code .npy} files (not subfolders) in file-name order, read as one set
 *       (parts of any number of rows, the same d), for data written in pieces.
 * </ul>
 *
 * <p>Every value must be a finite number. Malformed files throw {@link DataFileException}.
 */
public final class SampleFiles {
  private SampleFiles() {}

  /**
   * Reads a sample set.
   *
   * @param file a {@code .csv} or {@code .npy} file, or a folder of {@code .npy} parts
   * @param expectedD the input dimension the caller expects, or -1 to take it from the file
   * @return the samples, X n x d row-major and y
   * @throws DataFileException when the file is malformed or its d contradicts {@code expectedD}
   * @throws IllegalArgumentException for an unsupported extension or an invalid {@code expectedD}
   * @throws IOException when the file cannot be read
   */
  public static Samples read(Path file, int expectedD) throws IOException {
    return read(file, expectedD, true);
  }

  /**
   * Reads a sample set that was read with {@link #read} before, elsewhere (the driver of a
   * distributed run read and checked the file that its executors read again): the same, except
   * that the values of a memory-mapped file are not scanned for NaN and infinity again, so that
   * opening it costs its header, not a pass over all of it.
   *
   * @throws IOException when the file cannot be read
   */
  public static Samples readAgain(Path file, int expectedD) throws IOException {
    return read(file, expectedD, false);
  }

  private static Samples read(Path file, int expectedD, boolean checkValues) throws IOException {
    if (expectedD != -1 && expectedD < 1) {
      throw new IllegalArgumentException("expected dimension must be >= 1, or -1 when not known; "
          + "got " + expectedD);
    }
    if (Files.isDirectory(file)) {
      return NpyParts.read(file, expectedD, checkValues);
    }
    return switch (format(file)) {
      case CSV -> CsvSamples.read(file, expectedD);
      case NPY -> NpySamples.read(file, expectedD, checkValues);
    };
  }

  /**
   * Writes samples as CSV with a header line {@code x1,...,xd,y}; values are written so that they
   * read back exactly.
   *
   * @throws IllegalArgumentException when a value is not finite (nothing is written)
   * @throws IOException when the file cannot be written
   */
  public static void writeCsv(Path file, Samples samples) throws IOException {
    checkFinite(samples);
    CsvSamples.write(file, samples);
  }

  /**
   * Writes samples as a NumPy {@code .npy} file (version 1.0, {@code '<f8'}, C order, shape
   * (n, d+1)).
   *
   * @throws IllegalArgumentException when a value is not finite (nothing is written)
   * @throws IOException when the file cannot be written
   */
  public static void writeNpy(Path file, Samples samples) throws IOException {
    checkFinite(samples);
    NpySamples.write(file, samples);
  }

  private enum Format { CSV, NPY }

  private static Format format(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return Format.CSV;
    }
    if (name.endsWith(".npy")) {
      return Format.NPY;
    }
    throw new IllegalArgumentException("unsupported sample file '" + file.getFileName()
        + "': the name must end in .csv or .npy");
  }

  private static void checkFinite(Samples samples) {
    int d = samples.d();
    SampleBlock view = new SampleBlock();
    for (int b = 0; b < samples.blocks(); b++) {
      SampleBlock block = samples.block(b, view);
      for (int r = 0; r < block.rows(); r++) {
        long sample = block.firstRow() + r;
        for (int a = 0; a < d; a++) {
          double value = block.x()[block.xOffset() + r * d + a];
          if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("sample " + sample + " has a non-finite x"
                + (a + 1) + " = " + value + "; readers refuse NaN and infinity");
          }
        }
        double label = block.y()[block.yOffset() + r];
        if (!Double.isFinite(label)) {
          throw new IllegalArgumentException("sample " + sample + " has a non-finite y = " + label
              + "; readers refuse NaN and infinity");
        }
      }
    }
  }
}
