package org.nnrecover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.Runner;
import org.nnrecover.core.sweep.Sweep;
import org.nnrecover.core.sweep.SweepFile;

class ReproduceCommandTest {
  /** Every shipped sweep loads from the classpath and validates; grid sizes as documented. */
  @Test
  void shippedSweepsValidate() {
    Runner runner = new Runner(PluginRegistry.discover(getClass().getClassLoader()),
        new BlockExecutor(1));
    int[][] expected = {{45, 10}, {6, 3}, {30, 10}, {6, 3}, {3, 10}, {3, 3}}; // cells, seeds
    String[] names = {"fig1a", "fig1a-quick", "fig1b", "fig1b-quick", "fig1c", "fig1c-quick"};
    for (int i = 0; i < names.length; i++) {
      Sweep sweep = SweepFile.parse(ReproduceCommand.sweepText(names[i]), names[i] + ".yaml",
          runner);
      assertEquals(expected[i][0], sweep.cells(), names[i]);
      assertEquals(expected[i][1], sweep.seeds().size(), names[i]);
    }
  }

  /** The shipped files are the examples/sweeps files, byte for byte (one source of truth). */
  @Test
  void shippedSweepsAreTheExamples() throws Exception {
    Path examples = Path.of("..", "examples", "sweeps");
    for (String name : List.of("fig1a", "fig1b", "fig1c", "fig1c-quick")) {
      assertEquals(Files.readString(examples.resolve(name + ".yaml")),
          ReproduceCommand.sweepText(name), name);
    }
  }

  /** The rho table against the paper's published values (2 significant digits there). */
  @Test
  void rhoTableMatchesThePaper(@TempDir Path dir) throws Exception {
    CliTest.Result r = CliTest.nnrecover("reproduce", "rho-table", "--out", dir.toString());
    assertEquals(0, r.code(), r.err());
    List<String> csv = Files.readAllLines(dir.resolve("rho-table.csv"));
    assertEquals(1 + 7 * 3, csv.size());
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",");
      double rho = Double.parseDouble(f[2]);
      double paper = Double.parseDouble(f[3]);
      if (paper > 0) {
        // the paper prints two significant digits, not always rounded (tanh at 0.1: 1.85e-4 is
        // printed 1.8e-4): agree to within one unit of the second digit
        double unit = Math.pow(10, Math.floor(Math.log10(paper)) - 1);
        assertEquals(paper, rho, unit, line);
        assertEquals("true", f[4], line);
      } else {
        assertEquals("false", f[4], line); // linear and quadratic: P2 fails
      }
    }
    assertTrue(r.out().contains("squared-relu"));
  }

  @Test
  void unknownExperimentIsAUsageError() {
    CliTest.Result r = CliTest.nnrecover("reproduce", "fig2");
    assertEquals(Main.USAGE, r.code());
    assertTrue(r.err().contains("allowed are fig1a, fig1b, fig1c, rho-table"), r.err());
  }
}
