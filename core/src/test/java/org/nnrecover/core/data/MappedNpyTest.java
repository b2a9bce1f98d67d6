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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.api.Network;
import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.Samples;
import org.nnrecover.core.objective.NetworkObjective;
import org.nnrecover.core.parallel.BlockExecutor;

/** C-order .npy files are memory-mapped and read block by block. */
class MappedNpyTest {
  private static final int D = 50;
  private static final int K = 4;

  @TempDir
  Path dir;

  private static Network teacher(int d, int k) {
    return Teachers.make(TeacherKind.RANDOM, d, k, 2, Seeds.stream(3, Seeds.TEACHER));
  }

  /** Zero-network loss, f at a fixed point away from the truth, then the gradient there. */
  static double[] evaluate(Samples samples, BlockExecutor executor) {
    NetworkObjective objective =
        new NetworkObjective(samples, BlockStorageTest.SQUARED_RELU, K, null, true, 1, executor);
    double[] point = new double[objective.dimension()];
    for (int i = 0; i < point.length; i++) {
      point[i] = 0.3 * Math.sin(i + 1.0);
    }
    double[] gradient = new double[point.length];
    double value = objective.evaluate(point, gradient);
    double[] out = new double[point.length + 2];
    out[0] = objective.zeroNetworkLoss();
    out[1] = value;
    System.arraycopy(gradient, 0, out, 2, gradient.length);
    return out;
  }

  /** The child JVM of the large-file test: maps the file and prints max heap and the numbers. */
  public static void main(String[] args) throws IOException {
    Samples samples = SampleFiles.read(Path.of(args[0]), D);
    System.out.println(Runtime.getRuntime().maxMemory());
    try (BlockExecutor executor = new BlockExecutor(2)) {
      for (double value : evaluate(samples, executor)) {
        System.out.println(Long.toHexString(Double.doubleToRawLongBits(value)));
      }
    }
  }

  /** A small file: every block and the objective's bits equal those of the samples on the heap. */
  @Test
  void mappedBlocksEqualTheHeapSamples() throws IOException {
    int n = 2 * Samples.BLOCK_ROWS + 5;
    Samples heap = SampleGenerator.generate(teacher(D, K), BlockStorageTest.SQUARED_RELU, n, 0.1,
        4);
    Path file = dir.resolve("s.npy");
    SampleFiles.writeNpy(file, heap);
    Samples mapped = SampleFiles.read(file, D);
    assertEquals(n, mapped.n());
    assertEquals(D, mapped.d());
    SampleBlock a = new SampleBlock();
    SampleBlock b = new SampleBlock();
    for (int block = 0; block < heap.blocks(); block++) {
      heap.block(block, a);
      mapped.block(block, b);
      assertEquals(a.rows(), b.rows());
      for (int i = 0; i < a.rows() * D; i++) {
        assertEquals(a.x()[a.xOffset() + i], b.x()[b.xOffset() + i], 0);
      }
      for (int r = 0; r < a.rows(); r++) {
        assertEquals(a.y()[a.yOffset() + r], b.y()[b.yOffset() + r], 0);
      }
    }
    try (BlockExecutor executor = new BlockExecutor(2)) {
      assertArrayEquals(evaluate(heap, executor), evaluate(mapped, executor), 0);
    }
    assertArrayEquals(heap.x(), mapped.x(), 0, "API 1.0's x() copies a mapped file");
  }

  /**
   * Lengths in the header are checked against the file's size before anything is allocated: a
   * 74-byte file whose header length field claims 2 GB, and one whose shape claims 2 GB of data.
   */
  @Test
  void headerLengthsAreCheckedAgainstTheFileSizeFirst() throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(74).order(ByteOrder.LITTLE_ENDIAN);
    bytes.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(Integer.MAX_VALUE);
    Path lying = Files.write(dir.resolve("lying.npy"), bytes.array());
    DataFileException e = assertThrows(DataFileException.class,
        () -> SampleFiles.read(lying, -1));
    assertTrue(e.getMessage().contains("says 2147483647 bytes, only 62 follow it"),
        e.getMessage());

    Path big = headerOnly("big.npy", "(134217728, 2)");
    e = assertThrows(DataFileException.class, () -> SampleFiles.read(big, -1));
    assertTrue(e.getMessage().contains("needs 2147483648 data bytes, the file has 0 (truncated)"),
        e.getMessage());
    Path huge = headerOnly("huge.npy", "(2147483647, 2147483647)");
    e = assertThrows(DataFileException.class, () -> SampleFiles.read(huge, -1));
    assertTrue(e.getMessage().contains("needs more than 2^63 data bytes, the file has 0"),
        e.getMessage());
  }

  /** A version 1.0 .npy file with the given shape and no data. */
  private Path headerOnly(String name, String shape) throws IOException {
    String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
    String header = dict + " ".repeat(64 - (10 + dict.length() + 1) % 64) + "\n";
    ByteBuffer bytes = ByteBuffer.allocate(10 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
    bytes.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0})
        .putShort((short) header.length()).put(header.getBytes(StandardCharsets.ISO_8859_1));
    return Files.write(dir.resolve(name), bytes.array());
  }

  /**
   * A file of about 600 MB is processed by a JVM with a 256 MB heap and gives the same bits as
   * the same samples on this JVM's heap.
   */
  @Test
  void aFileLargerThanTheHeapGivesTheHeapNumbers() throws Exception {
    int n = 1_500_000; // X is n d 8 = 600 MB
    Samples heap;
    double[] expected;
    try (BlockExecutor executor = new BlockExecutor(2)) {
      heap = SampleGenerator.generate(teacher(D, K), BlockStorageTest.SQUARED_RELU, n, 0.1, 9,
          executor);
      expected = evaluate(heap, executor);
    }
    Path file = dir.resolve("large.npy");
    SampleFiles.writeNpy(file, heap);
    heap = null; // the child's run is compared with numbers, not with this copy
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", classPath,
        MappedNpyTest.class.getName(), file.toString()).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (var reader = child.inputReader()) {
      reader.lines().forEach(lines::add);
    }
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
    try {
      assertEquals(0, child.exitValue(), String.join("\n", lines));
      long maxHeap = Long.parseLong(lines.get(0));
      long xBytes = (long) n * D * Double.BYTES;
      assertTrue(xBytes > maxHeap, "X (" + xBytes + " bytes) must exceed the child's heap ("
          + maxHeap + ")");
      assertEquals(expected.length, lines.size() - 1, String.join("\n", lines));
      for (int i = 0; i < expected.length; i++) {
        assertEquals(Long.toHexString(Double.doubleToRawLongBits(expected[i])), lines.get(i + 1),
            "number " + i);
      }
    } finally {
      Files.delete(file);
    }
  }
}
