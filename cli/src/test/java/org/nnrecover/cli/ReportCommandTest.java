package org.nnrecover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.Outcome;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.run.RunSpec;
import org.nnrecover.core.run.SpecSchema;
import org.nnrecover.core.run.Runner;
import org.w3c.dom.Document;

/** {@code nnrecover report} on stores of real runs. */
class ReportCommandTest {
  private static final Runner RUNNER = new Runner(
      PluginRegistry.discover(ReportCommandTest.class.getClassLoader()), new BlockExecutor(1));

  private static RunSpec spec(int d, int n, long seed, Map<String, String> random,
      boolean trainV, int iterations) {
    Map<String, Map<String, String>> settings = new TreeMap<>();
    settings.put("random", random);
    settings.put("gd", Map.of("step", "0.05", "max-iterations", String.valueOf(iterations)));
    settings.put("run", Map.of("trace-every", "5", "train-v", String.valueOf(trainV)));
    return SpecSchema.bind(Map.of("activation", "squared-relu", "initializer", "random", "d", d,
        "k", 2, "n", n, "seed", seed), settings);
  }

  /** Two zipped approaches (labels I and III of Figure 1c) at d = 4, k = 2, three seeds each. */
  @Test
  void reportsAStoreOfRealRunsWithTableCsvAndCharts(@TempDir Path dir) throws Exception {
    List<RunRecord> records = new ArrayList<>();
    for (String label : List.of("I", "III")) {
      for (long seed = 1; seed <= 3; seed++) {
        Map<String, String> random = label.equals("III") ? Map.of("v", "oracle", "scale", "0.3")
            : Map.of("v", "random", "scale", "0.3");
        RunRecord r = RUNNER.run(spec(4, 1000, seed, random, false, 150));
        records.add(r);
        Map<String, String> coordinates = new LinkedHashMap<>();
        coordinates.put("label", label);
        coordinates.put("random.v", random.get("v"));
        StoreWriter.append(dir, "mini", coordinates, r);
      }
    }
    CliTest.Result result = CliTest.nnrecover("report", dir.toString());
    assertEquals(0, result.code(), result.err());
    assertTrue(result.out().contains("mini: 6 runs in 2 cells"), result.out());

    List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
    assertEquals(3, csv.size());
    List<String> header = List.of(csv.get(0).split(","));
    for (int cell = 0; cell < 2; cell++) {
      String[] row = csv.get(cell + 1).split(",", -1);
      List<RunRecord> mine = records.subList(3 * cell, 3 * cell + 3);
      // the success count and median iterations, recomputed from the records themselves
      long successes = mine.stream().filter(r -> r.finalMetrics().success()).count();
      int[] iterations = mine.stream().mapToInt(RunRecord::iterations).sorted().toArray();
      assertEquals(String.valueOf(successes), row[header.indexOf("successes")]);
      assertEquals(iterations[1], Double.parseDouble(row[header.indexOf("iterations_median")]), 0);
      double[] init = mine.stream().mapToDouble(r -> r.init().unitError()).sorted().toArray();
      assertEquals(init[1], Double.parseDouble(row[header.indexOf("init_unit_error_median")]), 0);
      assertEquals((init[0] + init[1]) / 2,
          Double.parseDouble(row[header.indexOf("init_unit_error_q1")]), 1e-15);
    }
    Path charts = dir.resolve("charts");
    assertPng(charts.resolve("convergence-objective.png"));
    assertSvg(charts.resolve("convergence-objective.svg"));
    assertPng(charts.resolve("box-final-unit-error-by-label.png"));
    assertSvg(charts.resolve("box-init-unit-error-by-label.svg"));
  }

  /** Two numeric axes (d, n) call for heat maps; --no-charts writes none. */
  @Test
  void heatMapsOverTwoNumericAxes(@TempDir Path dir) throws Exception {
    for (int d : new int[] {3, 4}) {
      for (int n : new int[] {200, 400}) {
        for (long seed = 1; seed <= 2; seed++) {
          Map<String, String> coordinates = new LinkedHashMap<>();
          coordinates.put("d", String.valueOf(d));
          coordinates.put("n", String.valueOf(n));
          StoreWriter.append(dir, "grid", coordinates,
              RUNNER.run(spec(d, n, seed, Map.of("v", "oracle", "scale", "0.3"), false, 20)));
        }
      }
    }
    CliTest.Result result = CliTest.nnrecover("report", dir.toString(), "--charts", "heatmap");
    assertEquals(0, result.code(), result.err());
    for (String name : List.of("heatmap-success", "heatmap-final-error", "heatmap-init-error")) {
      assertPng(dir.resolve("charts").resolve(name + ".png"));
      assertSvg(dir.resolve("charts").resolve(name + ".svg"));
    }
    assertTrue(Files.notExists(dir.resolve("charts/convergence-objective.png")));
    CliTest.Result bad = CliTest.nnrecover("report", dir.toString(), "--x", "kappa");
    assertEquals(Main.USAGE, bad.code());
    assertTrue(bad.err().contains("no axis 'kappa'"), bad.err());
  }

  /**
   * Two categorical axes, 3 x 5 = 15 cells: more curves than one chart holds, so there is one
   * convergence chart per value of the axis with fewer values, 5 curves each.
   */
  @Test
  void convergenceChartsSplitByAnAxisWhenThereAreTooManyCells(@TempDir Path dir)
      throws Exception {
    RunRecord r = RUNNER.run(spec(4, 500, 1, Map.of("v", "oracle", "scale", "0.3"), false, 20));
    List<String> initializers = List.of("tensor", "spectral", "random");
    for (String initializer : initializers) {
      for (String optimizer : List.of("gd", "nesterov", "line-search", "lbfgs", "gauss-newton")) {
        Map<String, String> coordinates = new LinkedHashMap<>();
        coordinates.put("optimizer", optimizer);
        coordinates.put("initializer", initializer);
        StoreWriter.append(dir, "categories", coordinates, r);
      }
    }
    CliTest.Result result = CliTest.nnrecover("report", dir.toString(), "--charts",
        "convergence");
    assertEquals(0, result.code(), result.err());
    for (String initializer : initializers) {
      assertPng(dir.resolve("charts/convergence-objective-initializer-" + initializer + ".png"));
      assertPng(dir.resolve("charts/convergence-unit-error-initializer-" + initializer + ".png"));
    }
    assertTrue(Files.notExists(dir.resolve("charts/convergence-objective.png")));
    assertTrue(result.out().contains("wrote 6 charts"), result.out());
  }

  /**
   * Two categorical axes (activation x optimizer, 4 cells of 2 seeds, as the shipped
   * optimizers.yaml has): one convergence chart of 4 curves, and the unit-error one.
   */
  @Test
  void twoCategoricalAxesGetTheirConvergenceChart(@TempDir Path dir) throws Exception {
    for (String activation : List.of("squared-relu", "relu")) {
      for (String optimizer : List.of("gd", "line-search")) {
        for (long seed = 1; seed <= 2; seed++) {
          Map<String, Map<String, String>> settings = new TreeMap<>();
          settings.put("random", Map.of("v", "oracle", "scale", "0.3"));
          settings.put(optimizer, Map.of("max-iterations", "30"));
          settings.put("run", Map.of("trace-every", "5"));
          Map<String, String> coordinates = new LinkedHashMap<>();
          coordinates.put("activation", activation);
          coordinates.put("optimizer", optimizer);
          StoreWriter.append(dir, "categories", coordinates, RUNNER.run(new RunSpec(activation,
              "random", optimizer, 4, 2, 500, 2, 0, "random", seed, settings, null, null)));
        }
      }
    }
    CliTest.Result result = CliTest.nnrecover("report", dir.toString(), "--charts=convergence");
    assertEquals(0, result.code(), result.err());
    assertTrue(result.out().contains("categories: 8 runs in 4 cells"), result.out());
    assertTrue(result.out().contains("wrote 2 charts"), result.out());
    assertTrue(!result.out().contains("note:"), result.out());
    assertPng(dir.resolve("charts/convergence-objective.png"));
    assertSvg(dir.resolve("charts/convergence-unit-error.svg"));
    // the legend names each cell by both axes
    String svg = Files.readString(dir.resolve("charts/convergence-objective.svg"));
    for (String name : List.of("activation=squared-relu, optimizer=gd",
        "activation=relu, optimizer=line-search")) {
      assertTrue(svg.contains(name), name);
    }
  }

  /** Every chart kind asked for that draws nothing says why, and the count says 0. */
  @Test
  void chartsThatCannotBeDrawnSayWhy(@TempDir Path dir) throws Exception {
    // refused runs (the tensor method cannot use a linear activation): no trace, no errors
    for (long seed = 1; seed <= 2; seed++) {
      RunRecord refused = RUNNER.run(new RunSpec("linear", "tensor", "gd", 4, 2, 500, 2, 0,
          "random", seed, Map.of(), null, null));
      assertEquals(Outcome.REFUSED, refused.outcome());
      StoreWriter.append(dir, "refusals", Map.of("activation", "linear"), refused);
    }
    CliTest.Result convergence = CliTest.nnrecover("report", dir.toString(),
        "--charts=convergence");
    assertEquals(0, convergence.code(), convergence.err());
    assertTrue(convergence.out().contains(
        "note: no convergence chart: no run has a trace of more than one row"), convergence.out());
    assertTrue(convergence.out().contains("wrote 0 charts"), convergence.out());
    CliTest.Result others = CliTest.nnrecover("report", dir.toString(), "--charts=heatmap,box");
    assertEquals(0, others.code(), others.err());
    assertTrue(others.out().contains("note: no heat map: it needs two numeric axes that vary "
        + "(none does); name them with --x and --y"), others.out());
    assertTrue(others.out().contains("note: no box plot: no categorical axis varies, and 1 cell "
        + "is not 2 to 12 boxes of one per cell"), others.out());
    assertTrue(others.out().contains("wrote 0 charts"), others.out());

    // 13 x 13 cells: every value of either axis has 13 cells, more than one chart holds
    Path many = dir.resolve("many");
    RunRecord r = RUNNER.run(spec(4, 300, 1, Map.of("v", "oracle", "scale", "0.3"), false, 5));
    for (int a = 0; a < 13; a++) {
      for (int b = 0; b < 13; b++) {
        Map<String, String> coordinates = new LinkedHashMap<>();
        coordinates.put("a", "x" + a);
        coordinates.put("b", "y" + b);
        Files.createDirectories(many);
        StoreWriter.append(many, "many", coordinates, r);
      }
    }
    CliTest.Result crowded = CliTest.nnrecover("report", many.toString(), "--charts=convergence");
    assertEquals(0, crowded.code(), crowded.err());
    assertTrue(crowded.out().contains("note: no convergence chart: 169 cells, and no varying axis"
        + " splits them into charts of at most 12 curves"), crowded.out());
    assertTrue(crowded.out().contains("wrote 0 charts"), crowded.out());
  }

  @Test
  void aMissingStoreIsAUsageError(@TempDir Path dir) {
    CliTest.Result result = CliTest.nnrecover("report", dir.toString());
    assertEquals(Main.USAGE, result.code());
    assertTrue(result.err().contains("no result store"), result.err());
  }

  private static void assertPng(Path file) throws Exception {
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(900, image.getWidth(), file.toString());
    assertEquals(600, image.getHeight(), file.toString());
  }

  private static void assertSvg(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    // the SVG names the W3C DTD; parse offline without fetching it
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document svg = factory.newDocumentBuilder().parse(file.toFile());
    assertEquals("svg", svg.getDocumentElement().getNodeName());
    assertEquals(900, Double.parseDouble(svg.getDocumentElement().getAttribute("width")), 0);
  }
}
