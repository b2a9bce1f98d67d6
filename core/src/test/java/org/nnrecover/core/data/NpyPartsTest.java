package org.nnrecover.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.Samples;

/** A folder of .npy parts reads as the one set the parts were cut from, bit for bit. */
class NpyPartsTest {
  @TempDir
  Path dir;

  private static Samples random(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n * d];
    double[] y = new double[n];
    Arrays.setAll(x, i -> random.nextGaussian());
    Arrays.setAll(y, i -> random.nextGaussian());
    return new Samples(x, y, d);
  }

  /** Rows [from, to) of {@code whole} as a set of their own. */
  private static Samples rows(Samples whole, int from, int to) {
    int d = whole.d();
    double[] all = whole.x();
    return new Samples(Arrays.copyOfRange(all, from * d, to * d),
        Arrays.copyOfRange(whole.y(), from, to), d);
  }

  private static void assertSameBlocks(Samples expected, Samples actual) {
    assertEquals(expected.n(), actual.n());
    assertEquals(expected.d(), actual.d());
    assertEquals(expected.blocks(), actual.blocks());
    SampleBlock e = new SampleBlock();
    SampleBlock a = new SampleBlock();
    for (int b = 0; b < expected.blocks(); b++) {
      expected.block(b, e);
      actual.block(b, a);
      int d = expected.d();
      assertArrayEquals(Arrays.copyOfRange(e.x(), e.xOffset(), e.xOffset() + e.rows() * d),
          Arrays.copyOfRange(a.x(), a.xOffset(), a.xOffset() + a.rows() * d), "x of block " + b);
      assertArrayEquals(Arrays.copyOfRange(e.y(), e.yOffset(), e.yOffset() + e.rows()),
          Arrays.copyOfRange(a.y(), a.yOffset(), a.yOffset() + a.rows()), "y of block " + b);
    }
  }

  @Test
  void partsOfAnySizeReadAsTheWholeSetBlockForBlock() throws IOException {
    // cuts inside blocks, on a block bound (2048 + 2048), a one-row part, a part spanning blocks
    Samples whole = random(9000, 3, 5);
    int[] cuts = {0, 1000, 2048, 4096, 4097, 8999, 9000};
    Path folder = Files.createDirectory(dir.resolve("parts"));
    for (int p = 0; p + 1 < cuts.length; p++) {
      SampleFiles.writeNpy(folder.resolve(String.format("part-%05d.npy", p)),
          rows(whole, cuts[p], cuts[p + 1]));
    }
    Files.writeString(folder.resolve("README.txt"), "not a part"); // ignored: not .npy
    assertSameBlocks(whole, SampleFiles.read(folder, 3));
    assertSameBlocks(whole, SampleFiles.read(folder, -1));
  }

  @Test
  void oneFileInAFolderIsThatFile() throws IOException {
    Samples whole = random(3000, 2, 6);
    Path folder = Files.createDirectory(dir.resolve("one"));
    SampleFiles.writeNpy(folder.resolve("only.npy"), whole);
    assertSameBlocks(whole, SampleFiles.read(folder, 2));
  }

  @Test
  void anEmptyFolderAndPartsOfAnotherDimensionAreRefused() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    DataFileException none = assertThrows(DataFileException.class,
        () -> SampleFiles.read(empty, -1));
    assertTrue(none.getMessage().contains("holds no .npy part files"), none.getMessage());

    Path mixed = Files.createDirectory(dir.resolve("mixed"));
    SampleFiles.writeNpy(mixed.resolve("a.npy"), random(10, 3, 7));
    SampleFiles.writeNpy(mixed.resolve("b.npy"), random(10, 4, 8));
    DataFileException other = assertThrows(DataFileException.class,
        () -> SampleFiles.read(mixed, -1));
    assertTrue(other.getMessage().contains("b.npy") && other.getMessage().contains("d = 4")
        && other.getMessage().contains("a.npy, has d = 3"), other.getMessage());
  }
}
