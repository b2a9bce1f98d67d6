package org.nnrecover.core.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.Samples;

/**
 * The NumPy side of {@link SampleFiles}. Layout of a {@code .npy} file: the magic string
 * {@code \x93NUMPY}, a major and a minor version byte, the header length (2 bytes little-endian in
 * version 1, 4 bytes in versions 2 and 3), then the header, a Python dict literal with the keys
 * {@code descr}, {@code fortran_order} and {@code shape}, then the raw data.
 */
final class NpySamples {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final String DTYPE = "<f8";
  /** numpy aligns the start of the data to this many bytes. */
  private static final int ALIGNMENT = 64;
  private static final int CHUNK_VALUES = 8192;
  /** Largest header read: numpy's are a few hundred bytes. */
  private static final long MAX_HEADER = 1 << 20;
  private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*");
  private static final Pattern QUOTED = Pattern.compile("\\G['\"]([^'\"]*)['\"]");
  private static final Pattern FORTRAN =
      Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

  private NpySamples() {}

  static Samples read(Path file, int expectedD, boolean checkValues) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        throw new DataFileException(file, "byte offset 0", "empty file");
      }
      // Check the magic on what is there first: a short text file is "not npy", not "truncated".
      int available = (int) Math.min(size, MAGIC.length);
      ByteBuffer magic = readFully(file, channel, 0, available, "the magic string");
      for (int i = 0; i < available; i++) {
        if (magic.get(i) != MAGIC[i]) {
          throw new DataFileException(file, "byte offset " + i, "not a NumPy .npy file (the "
              + "file must start with the magic string \\x93NUMPY)");
        }
      }
      ByteBuffer prefix = readFully(file, channel, 0, 8, "the magic string and version");
      int major = prefix.get(6) & 0xff;
      int minor = prefix.get(7) & 0xff;
      if (major < 1 || major > 3 || minor != 0) {
        throw new DataFileException(file, "byte offset 6", "unsupported .npy format version "
            + major + "." + minor + "; versions 1.0, 2.0 and 3.0 are read");
      }
      int lengthBytes = major == 1 ? 2 : 4;
      ByteBuffer lengthField = readFully(file, channel, 8, lengthBytes, "the header length");
      long headerLength = major == 1 ? lengthField.getShort(0) & 0xffff
          : lengthField.getInt(0) & 0xffffffffL;
      long headerStart = 8L + lengthBytes;
      // checked against the file's size before anything of that length is allocated
      if (headerStart + headerLength > size) {
        throw new DataFileException(file, "byte offset " + size, "file ends inside the header "
            + "(truncated .npy file): the header length field at byte offset 8 says "
            + headerLength + " bytes, only " + (size - headerStart) + " follow it");
      }
      if (headerLength > MAX_HEADER) {
        throw new DataFileException(file, "byte offset 8", "header length " + headerLength
            + " is not plausible (numpy writes a few hundred bytes; at most " + MAX_HEADER
            + " are read)");
      }
      ByteBuffer headerBytes = readFully(file, channel, headerStart, (int) headerLength,
          "the header");
      String header = new String(headerBytes.array(), major == 3 ? StandardCharsets.UTF_8
          : StandardCharsets.ISO_8859_1);
      Header h = parseHeader(file, header, headerStart);
      int columns = h.columns;
      long dataStart = headerStart + headerLength;
      if (h.rows == 0) {
        throw new DataFileException(file, "byte offset " + dataStart,
            "empty file: shape (0, " + columns + ") has no samples");
      }
      if (columns < 2) {
        throw new DataFileException(file, "byte offset " + h.shapeOffset, "shape (" + h.rows
            + ", " + columns + ") has " + columns + " column; samples need at least 2 (x1..xd, y)");
      }
      if (expectedD != -1 && columns - 1 != expectedD) {
        throw new DataFileException(file, "byte offset " + h.shapeOffset, "shape (" + h.rows
            + ", " + columns + ") means d = " + (columns - 1) + " (x1..xd, then y), but d = "
            + expectedD + " was given");
      }
      // the shape is checked against the file's size before any sample storage is allocated
      long values = h.rows * columns; // both below 2^31: no overflow
      boolean huge = values > Long.MAX_VALUE / Double.BYTES;
      long needed = huge ? Long.MAX_VALUE : values * Double.BYTES;
      if (size - dataStart != needed) {
        throw new DataFileException(file, "byte offset " + dataStart, "shape (" + h.rows + ", "
            + columns + ") needs " + (huge ? "more than 2^63" : String.valueOf(needed))
            + " data bytes, the file has " + (size - dataStart)
            + (size - dataStart < needed ? " (truncated)" : " (trailing bytes)"));
      }
      if (!h.fortranOrder) {
        return MappedNpy.map(file, channel, dataStart, (int) h.rows, columns, checkValues);
      }
      if (values > Integer.MAX_VALUE - 8L) {
        throw new DataFileException(file, "byte offset " + h.shapeOffset, "too many values for "
            + "a Fortran-order file: n (d+1) must stay below 2^31 (C-order files are "
            + "memory-mapped and have no such limit): save with numpy.ascontiguousarray");
      }
      return readData(file, channel, dataStart, (int) h.rows, columns);
    }
  }

  /** What the header says; {@code shapeOffset} points at the shape entry, for messages. */
  private record Header(long rows, int columns, boolean fortranOrder, long shapeOffset) {}

  private static Header parseHeader(Path file, String header, long headerStart) {
    String where = "byte offset " + headerStart;
    if (!header.strip().startsWith("{")) {
      throw new DataFileException(file, where, "the header is not a dict literal");
    }
    Matcher descrKey = DESCR.matcher(header);
    if (!descrKey.find()) {
      throw new DataFileException(file, where, "the header has no 'descr' entry");
    }
    Matcher descr = QUOTED.matcher(header);
    descr.region(descrKey.end(), header.length());
    if (!descr.lookingAt()) {
      throw new DataFileException(file, "byte offset " + (headerStart + descrKey.end()),
          "unsupported dtype (a structured or non-string descr); only '" + DTYPE + "' (float64, "
          + "little-endian) is read: convert with array.astype('<f8')");
    }
    if (!descr.group(1).equals(DTYPE)) {
      throw new DataFileException(file, "byte offset " + (headerStart + descrKey.end()),
          "unsupported dtype '" + descr.group(1) + "'; only '" + DTYPE + "' (float64, "
          + "little-endian) is read: convert with array.astype('<f8')");
    }
    Matcher fortran = FORTRAN.matcher(header);
    if (!fortran.find()) {
      throw new DataFileException(file, where, "the header has no 'fortran_order' entry set "
          + "to True or False");
    }
    Matcher shape = SHAPE.matcher(header);
    if (!shape.find()) {
      throw new DataFileException(file, where, "the header has no 'shape' tuple");
    }
    long shapeOffset = headerStart + shape.start();
    String[] dims = shape.group(1).split(",");
    int count = dims.length;
    if (count > 0 && dims[count - 1].isBlank()) {
      count--; // Python's one-element tuple "(n,)" ends in a comma.
    }
    if (count != 2) {
      throw new DataFileException(file, "byte offset " + shapeOffset, "shape (" + shape.group(1)
          + ") is not 2-dimensional; expected (n, d+1)");
    }
    long[] parsed = new long[2];
    for (int i = 0; i < 2; i++) {
      try {
        parsed[i] = Long.parseLong(dims[i].strip());
      } catch (NumberFormatException e) {
        parsed[i] = -1;
      }
      if (parsed[i] < 0 || parsed[i] > Integer.MAX_VALUE) {
        throw new DataFileException(file, "byte offset " + shapeOffset, "shape ("
            + shape.group(1) + ") does not hold two non-negative integers below 2^31");
      }
    }
    return new Header(parsed[0], (int) parsed[1], fortran.group(1).equals("True"), shapeOffset);
  }

  /** Reads a Fortran-order file onto the heap (column by column, as it is stored). */
  private static Samples readData(Path file, FileChannel channel, long dataStart, int rows,
      int columns) throws IOException {
    int d = columns - 1;
    double[] x = new double[rows * d];
    double[] y = new double[rows];
    int total = rows * columns;
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK_VALUES * Double.BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
    for (int start = 0; start < total; start += CHUNK_VALUES) {
      int count = Math.min(CHUNK_VALUES, total - start);
      chunk.clear().limit(count * Double.BYTES);
      long position = dataStart + (long) start * Double.BYTES;
      while (chunk.hasRemaining()) {
        if (channel.read(chunk, position + chunk.position()) < 0) {
          throw new DataFileException(file, "byte offset " + (position + chunk.position()),
              "unexpected end of file in the data");
        }
      }
      for (int i = 0; i < count; i++) {
        int index = start + i;
        int row = index % rows;
        int column = index / rows;
        double value = chunk.getDouble(i * Double.BYTES);
        if (!Double.isFinite(value)) {
          throw nonFinite(file, dataStart, index, row, column, value);
        }
        if (column < d) {
          x[row * d + column] = value;
        } else {
          y[row] = value;
        }
      }
    }
    return new Samples(x, y, d);
  }

  /** The error for a NaN or infinite value, the {@code index}-th of the data (0-based). */
  static DataFileException nonFinite(Path file, long dataStart, long index, long row, int column,
      double value) {
    return new DataFileException(file, "byte offset " + (dataStart + index * Double.BYTES),
        "value " + value + " (row " + (row + 1) + ", column " + (column + 1) + ") is NaN or "
        + "infinity; only finite numbers are allowed");
  }

  private static ByteBuffer readFully(Path file, FileChannel channel, long offset, int length,
      String what) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, offset + buffer.position()) < 0) {
        throw new DataFileException(file, "byte offset " + (offset + buffer.position()),
            "file ends inside " + what + " (truncated .npy file)");
      }
    }
    return buffer;
  }

  static void write(Path file, Samples samples) throws IOException {
    int d = samples.d();
    int n = samples.n();
    String dict = "{'descr': '" + DTYPE + "', 'fortran_order': False, 'shape': (" + n + ", "
        + (d + 1) + "), }";
    // Version 1.0: magic (6) + version (2) + length (2) + dict, spaces, newline: aligned total.
    int unpadded = 10 + dict.length() + 1;
    int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
    String header = dict + " ".repeat(padding) + "\n";
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      ByteBuffer head = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
      head.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
      out.write(head.array());
      out.write(header.getBytes(StandardCharsets.ISO_8859_1));
      ByteBuffer row = ByteBuffer.allocate((d + 1) * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      SampleBlock view = new SampleBlock();
      for (int b = 0; b < samples.blocks(); b++) {
        SampleBlock block = samples.block(b, view);
        for (int r = 0; r < block.rows(); r++) {
          row.clear();
          for (int a = 0; a < d; a++) {
            row.putDouble(block.x()[block.xOffset() + r * d + a]);
          }
          row.putDouble(block.y()[block.yOffset() + r]);
          out.write(row.array());
        }
      }
    }
  }
}
