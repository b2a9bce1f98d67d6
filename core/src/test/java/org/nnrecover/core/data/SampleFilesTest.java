package org.nnrecover.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.api.Samples;

class SampleFilesTest {
  @TempDir
  Path dir;

  private static Samples randomSamples(int n, int d, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] x = new double[n * d];
    double[] y = new double[n];
    for (int i = 0; i < x.length; i++) {
      // Wide exponent range, so that round-trips are tested on awkward values.
      x[i] = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-300, 300));
    }
    for (int j = 0; j < n; j++) {
      y[j] = rng.nextDouble() - 0.5;
    }
    y[0] = -0.0;
    x[1] = Double.MIN_VALUE;
    return new Samples(x, y, d);
  }

  private Path text(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  /** Asserts the refusal names the file and contains every fragment (location and problem). */
  private static void assertRefused(Path file, int expectedD, String... fragments) {
    DataFileException e = assertThrows(DataFileException.class,
        () -> SampleFiles.read(file, expectedD));
    String message = e.getMessage();
    assertTrue(message.startsWith(file.getFileName().toString() + ", "), message);
    for (String fragment : fragments) {
      assertTrue(message.contains(fragment), "'" + fragment + "' missing in: " + message);
    }
  }

  @Test
  void csvRoundTripIsExact() throws IOException {
    Samples s = randomSamples(50, 3, 1);
    Path file = dir.resolve("s.csv");
    SampleFiles.writeCsv(file, s);
    assertTrue(Files.readString(file).startsWith("x1,x2,x3,y\n"));
    for (int expectedD : new int[] {-1, 3}) {
      Samples back = SampleFiles.read(file, expectedD);
      assertEquals(3, back.d());
      assertArrayEquals(s.x(), back.x(), 0.0);
      assertArrayEquals(s.y(), back.y(), 0.0);
      assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.y()[0]));
    }
  }

  @Test
  void npyRoundTripIsExact() throws IOException {
    Samples s = randomSamples(20000, 4, 2); // spans several read chunks
    Path file = dir.resolve("s.NPY");
    SampleFiles.writeNpy(file, s);
    long header = Files.size(file) - 20000L * 5 * 8;
    assertEquals(0, header % 64, "numpy aligns the data to 64 bytes");
    Samples back = SampleFiles.read(file, 4);
    assertArrayEquals(s.x(), back.x(), 0.0);
    assertArrayEquals(s.y(), back.y(), 0.0);
  }

  @Test
  void csvVariantsReadTheSameNumbers() throws IOException {
    double[] x = {1.5, -2, 3e-3, 4};
    double[] y = {0.25, -5};
    String[] variants = {
        "1.5,-2,0.25\n3e-3,4,-5\n",
        "x1, x2, y\n1.5, -2, 0.25\n0.003 ,4,-5",
        "\uFEFF\"a\",\"b\",\"label\"\r\n1.5,-2.0,.25\r\n\r\n3E-3,+4,-5.0\r\n",
    };
    for (int i = 0; i < variants.length; i++) {
      Samples s = SampleFiles.read(text("v" + i + ".csv", variants[i]), 2);
      assertArrayEquals(x, s.x(), 0.0, variants[i]);
      assertArrayEquals(y, s.y(), 0.0, variants[i]);
    }
  }

  @Test
  void malformedCsvIsRefusedWithLineAndProblem() throws IOException {
    assertRefused(text("ragged.csv", "x1,x2,y\n1,2,3\n4,5\n"), -1, "line 3", "ragged row",
        "2 fields, expected 3");
    assertRefused(text("word.csv", "1,2,3\n4,abc,6\n"), -1, "line 2", "field 2 'abc'",
        "not a number");
    assertRefused(text("hex.csv", "1,2,3\n4,0x10,6\n"), -1, "line 2", "not a number");
    assertRefused(text("nan.csv", "1,2,3\n4,5,nan\n"), -1, "line 2", "field 3 'nan'",
        "NaN or infinity");
    assertRefused(text("inf.csv", "1,2,3\n-inf,5,6\n"), -1, "line 2", "NaN or infinity");
    assertRefused(text("huge.csv", "1,2,3\n1e400,5,6\n"), -1, "line 2", "overflows");
    assertRefused(text("hole.csv", "1,2,3\n4,,6\n"), -1, "line 2", "field 2 is empty");
    assertRefused(text("d.csv", "x1,x2,y\n1,2,3\n"), 5, "line 1", "d = 2", "d = 5 was given");
    assertRefused(text("empty.csv", ""), -1, "end of file", "empty file");
    assertRefused(text("header-only.csv", "x1,x2,y\n\n"), -1, "end of file after line 2",
        "empty file");
    assertRefused(text("one.csv", "1\n2\n"), -1, "line 1", "at least 2");
    // A first line mixing words and numbers is neither a header nor data: never dropped.
    assertRefused(text("mixed.csv", "1,2a,3\n4,5,6\n"), -1, "line 1", "field 2 '2a'");
  }

  /** A .npy file built by hand, independent of the writer. */
  private Path npy(String name, int major, String dict, double... data) throws IOException {
    int lengthBytes = major == 1 ? 2 : 4;
    String header = dict + "\n";
    ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + header.length() + data.length * 8)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
    b.put((byte) major).put((byte) 0);
    if (major == 1) {
      b.putShort((short) header.length());
    } else {
      b.putInt(header.length());
    }
    b.put(header.getBytes(StandardCharsets.US_ASCII));
    for (double v : data) {
      b.putDouble(v);
    }
    return Files.write(dir.resolve(name), b.array());
  }

  @Test
  void handBuiltNpyReadsBackExactly() throws IOException {
    // Matrix [[1.5, -2, 0.25], [3, 4, -5]]: x rows (1.5, -2), (3, 4); y = (0.25, -5).
    double[] x = {1.5, -2, 3, 4};
    double[] y = {0.25, -5};
    Path c = npy("c.npy", 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }",
        1.5, -2, 0.25, 3, 4, -5);
    Path f = npy("f.npy", 2, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }",
        1.5, 3, -2, 4, 0.25, -5);
    Path v3 = npy("v3.npy", 3, "{\"shape\": (2,3), \"fortran_order\": False, \"descr\": \"<f8\"}",
        1.5, -2, 0.25, 3, 4, -5);
    for (Path file : new Path[] {c, f, v3}) {
      Samples s = SampleFiles.read(file, -1);
      assertEquals(2, s.d(), file.toString());
      assertArrayEquals(x, s.x(), 0.0, file.toString());
      assertArrayEquals(y, s.y(), 0.0, file.toString());
    }
  }

  @Test
  void malformedNpyIsRefusedWithOffsetAndProblem() throws IOException {
    String ok = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";
    // Header: 10 bytes of prefix + 61 characters of dict and newline: data start at byte 71.
    int dataStart = 10 + ok.length() + 1;
    assertRefused(npy("nan.npy", 1, ok, 1, 2, 3, 4, Double.NaN, 6), -1,
        "byte offset " + (dataStart + 4 * 8), "row 2, column 2", "NaN or infinity");
    assertRefused(npy("inf.npy", 1, ok, 1, 2, Double.NEGATIVE_INFINITY, 4, 5, 6), -1,
        "byte offset " + (dataStart + 2 * 8), "NaN or infinity");
    assertRefused(npy("short.npy", 1, ok, 1, 2, 3, 4, 5), -1, "byte offset " + dataStart,
        "needs 48 data bytes, the file has 40 (truncated)");
    assertRefused(npy("long.npy", 1, ok, 1, 2, 3, 4, 5, 6, 7), -1, "trailing bytes");
    // The descr value starts at character 10 of the dict.
    assertRefused(npy("f4.npy", 1, ok.replace("<f8", "<f4"), 1, 2, 3), -1, "byte offset 20",
        "unsupported dtype '<f4'");
    assertRefused(npy("big.npy", 1, ok.replace("<f8", ">f8"), 1, 2, 3, 4, 5, 6), -1,
        "unsupported dtype '>f8'");
    assertRefused(npy("rec.npy", 1, ok.replace("'<f8'", "[('a', '<f8')]"), 1), -1,
        "unsupported dtype");
    assertRefused(npy("3d.npy", 1, ok.replace("(2, 3)", "(1, 2, 3)"), 1, 2, 3, 4, 5, 6), -1,
        "not 2-dimensional");
    assertRefused(npy("1d.npy", 1, ok.replace("(2, 3)", "(6,)"), 1, 2, 3, 4, 5, 6), -1,
        "not 2-dimensional");
    // 'shape' is character 41 of the dict, which starts at byte 10.
    assertRefused(npy("d.npy", 1, ok, 1, 2, 3, 4, 5, 6), 4, "byte offset 51", "d = 2",
        "d = 4 was given");
    assertRefused(npy("zero.npy", 1, ok.replace("(2, 3)", "(0, 3)")), -1, "empty file");
    assertRefused(npy("v4.npy", 4, ok, 1, 2, 3, 4, 5, 6), -1, "byte offset 6", "version 4.0");
    assertRefused(Files.write(dir.resolve("empty.npy"), new byte[0]), -1, "byte offset 0",
        "empty file");
    assertRefused(Files.write(dir.resolve("text.npy"), "1,2,3\n".getBytes()), -1,
        "byte offset 0", "not a NumPy");
    assertRefused(Files.write(dir.resolve("cut.npy"), new byte[] {(byte) 0x93, 'N', 'U', 'M',
        'P', 'Y', 1, 0, 100, 0, '{'}), -1, "byte offset 11", "truncated");
  }

  @Test
  void refusesUnknownExtensionsBadDimensionsAndNonFiniteWrites() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SampleFiles.read(dir.resolve("s.txt"), -1));
    assertTrue(e.getMessage().contains("s.txt") && e.getMessage().contains(".csv or .npy"));
    assertThrows(IllegalArgumentException.class, () -> SampleFiles.read(dir.resolve("s.csv"), 0));
    Samples bad = new Samples(new double[] {1, Double.NaN}, new double[] {1}, 2);
    e = assertThrows(IllegalArgumentException.class,
        () -> SampleFiles.writeNpy(dir.resolve("bad.npy"), bad));
    assertTrue(e.getMessage().contains("x2 = NaN"), e.getMessage());
    assertTrue(!Files.exists(dir.resolve("bad.npy")));
  }
}
