package org.nnrecover.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.api.Network;

class TruthFileTest {
  @TempDir
  Path dir;

  private Path json(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static void assertRefused(Path file, String... fragments) {
    DataFileException e = assertThrows(DataFileException.class, () -> TruthFile.read(file));
    String message = e.getMessage();
    assertTrue(message.startsWith(file.getFileName().toString() + ", "), message);
    for (String fragment : fragments) {
      assertTrue(message.contains(fragment), "'" + fragment + "' missing in: " + message);
    }
  }

  @Test
  void roundTripIsExact() throws IOException {
    SplittableRandom rng = new SplittableRandom(5);
    int k = 3;
    int d = 5;
    double[] w = new double[k * d];
    for (int i = 0; i < w.length; i++) {
      w[i] = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-200, 200));
    }
    Network truth = new Network(w, new double[] {1, -1, 0.3}, d);
    Path file = dir.resolve("truth.json");
    TruthFile.write(file, truth);
    assertEquals(truth, TruthFile.read(file));
  }

  @Test
  void columnsOfTheFileAreTheUnits() throws IOException {
    // W is d = 3 rows of k = 2 numbers: unit 0 is the first column (1, 3, 5).
    Network n = TruthFile.read(json("t.json", "{\"W\": [[1, 2], [3, 4], [5, 6.5]], \"v\": [1, -1]}"));
    assertEquals(2, n.k());
    assertEquals(3, n.d());
    assertArrayEquals(new double[] {1, 3, 5}, n.unit(0), 0.0);
    assertArrayEquals(new double[] {2, 4, 6.5}, n.unit(1), 0.0);
    assertArrayEquals(new double[] {1, -1}, n.outputWeights(), 0.0);
  }

  @Test
  void malformedFilesAreRefusedWithPlaceAndProblem() throws IOException {
    assertRefused(json("ragged.json", "{\"W\": [[1, 2], [3]], \"v\": [1, -1]}"), "W[1]",
        "has 1 numbers but v has k = 2");
    assertRefused(json("k.json", "{\"W\": [[1, 2, 3]], \"v\": [1, -1]}"), "W[0]",
        "has 3 numbers but v has k = 2");
    assertRefused(json("word.json", "{\"W\": [[1, \"a\"]], \"v\": [1, -1]}"), "W[0][1]",
        "expected a number");
    assertRefused(json("huge.json", "{\"W\": [[1, 1e400]], \"v\": [1, -1]}"), "W[0][1]",
        "not a finite double");
    assertRefused(json("nan.json", "{\"W\": [[1, NaN]],\n \"v\": [1, -1]}"), "line 1, column",
        "not valid JSON");
    assertRefused(json("cut.json", "{\"W\": [[1, 2]],\n \"v\": [1, "), "line 2", "not valid JSON");
    assertRefused(json("nov.json", "{\"W\": [[1, 2]]}"), "top level", "missing key \"v\"");
    assertRefused(json("extra.json", "{\"W\": [[1, 2]], \"v\": [1, -1], \"w\": 3}"), "key \"w\"",
        "unknown key");
    assertRefused(json("dup.json", "{\"W\": [[1, 2]], \"v\": [1, -1], \"v\": [1, 1]}"),
        "not valid JSON", "Duplicate");
    assertRefused(json("emptyv.json", "{\"W\": [[1, 2]], \"v\": []}"), "v", "empty array");
    assertRefused(json("flat.json", "{\"W\": [1, 2], \"v\": [1, -1]}"), "W[0]",
        "expected an array");
    assertRefused(json("list.json", "[1, 2]"), "top level", "expected a JSON object");
    assertRefused(json("empty.json", ""), "empty file");
  }

  @Test
  void writerRefusesNonFiniteWeights() {
    Network bad = new Network(new double[] {1, Double.POSITIVE_INFINITY}, new double[] {1}, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TruthFile.write(dir.resolve("bad.json"), bad));
    assertTrue(e.getMessage().contains("W[1][0] = Infinity"), e.getMessage());
  }
}
