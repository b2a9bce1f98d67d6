package org.nnrecover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.RunSpec;
import org.nnrecover.core.run.Runner;
import org.nnrecover.core.sweep.Sweep;
import org.nnrecover.core.sweep.SweepFile;
import org.nnrecover.core.sweep.SweepRun;

/** Sweep files against the real plugins (this module has them all). */
class SweepFileTest {
  private static final BlockExecutor EXECUTOR = new BlockExecutor(1);
  private static final Runner RUNNER =
      new Runner(PluginRegistry.discover(SweepFileTest.class.getClassLoader()), EXECUTOR);

  private static final String FIG = """
      name: fig1c
      seeds: 1..4
      fixed:
        activation: squared-relu
        optimizer: gd
        k: 2
        n: 1000
        kappa: 2
        gd.step: 0.02
        run.trace-every: 10
      axes:
        - d: [5, 6, 7]
        - zip:
            label: [I, II, III]
            initializer: [random, random, random]
            random.v: [random, random, oracle]
            run.train-v: [false, true, false]
      """;

  @AfterAll
  static void close() {
    EXECUTOR.close();
  }

  private static Sweep parse(String text) {
    return SweepFile.parse(text, "fig1c.yaml", RUNNER);
  }

  private static String error(String text) {
    return assertThrows(IllegalArgumentException.class, () -> parse(text)).getMessage();
  }

  /** Every sweep file the project ships (examples/sweeps) is valid as a whole. */
  @Test
  void everyShippedSweepFileValidates() throws Exception {
    Path folder = Path.of("..", "examples", "sweeps");
    List<Path> files;
    try (var listing = Files.list(folder)) {
      files = listing.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() >= 10, files.toString());
    for (Path file : files) {
      Sweep sweep = SweepFile.load(file, RUNNER);
      assertFalse(sweep.runs().isEmpty(), file.toString());
    }
  }

  @Test
  void runsAreTheOuterProductOfTheAxesTimesTheSeeds() {
    Sweep sweep = parse(FIG);
    assertEquals("fig1c", sweep.name());
    assertEquals(List.of(1L, 2L, 3L, 4L), sweep.seeds());
    assertEquals(3 * 3, sweep.cells()); // d has 3 values, the zip 3 rows (not 3^4)
    assertEquals(3 * 3 * 4, sweep.runs().size());

    SweepRun first = sweep.runs().get(0);
    assertEquals(List.of("d", "label", "initializer", "random.v", "run.train-v"),
        List.copyOf(first.coordinates().keySet()));
    assertEquals("d=5, label=I, initializer=random, random.v=random, run.train-v=false",
        first.cell());
    RunSpec spec = first.spec();
    assertEquals(5, spec.d());
    assertEquals(2, spec.k());
    assertEquals(1000, spec.n());
    assertEquals(1, spec.seed());
    assertEquals("gd", spec.optimizer());
    assertEquals(Map.of("step", "0.02"), spec.settingsFor("gd"));
    assertEquals(Map.of("trace-every", "10", "train-v", "false"), spec.settingsFor("run"));
    assertTrue(spec.settingsFor("label").isEmpty(), "label is display-only");

    // seeds innermost, then the last axis, then the first
    assertEquals(4, sweep.runs().get(3).spec().seed());
    assertEquals("II", sweep.runs().get(4).coordinates().get("label"));
    assertEquals(1, sweep.runs().get(4).spec().seed());
    SweepRun last = sweep.runs().get(35);
    assertEquals(7, last.spec().d());
    assertEquals("oracle", last.spec().settingsFor("random").get("v"));
    assertEquals(4, last.spec().seed());
    assertEquals(9, sweep.runs().stream().map(SweepRun::cell).distinct().count());
  }

  @Test
  void seedsMayBeARangeAListOrOneInteger() {
    assertEquals(List.of(1L, 2L, 5L), parse(FIG.replace("1..4", "[1, 2, 5]")).seeds());
    assertEquals(List.of(7L), parse(FIG.replace("1..4", "7")).seeds());
    assertEquals(10, parse(FIG.replace("1..4", "1..10")).seeds().size());
  }

  @Test
  void aSweepWithoutAxesIsOneCell() {
    Sweep sweep = parse("""
        name: one
        seeds: [3, 4]
        fixed: {activation: relu, initializer: random, d: 4, k: 2, n: 100}
        """);
    assertEquals(1, sweep.cells());
    assertEquals(2, sweep.runs().size());
    assertEquals(Sweep.SINGLE_CELL, sweep.runs().get(0).cell());
    assertEquals(Map.of(), sweep.runs().get(0).coordinates());
    RunSpec defaults = parse("""
        name: defaults
        seeds: 1
        fixed: {activation: relu, initializer: random, d: 4, k: 2, n: 100}
        """).runs().get(0).spec();
    // the defaults of 'nnrecover run'
    assertEquals(List.of("gd", 2.0, 0.0, "random"),
        List.of(defaults.optimizer(), defaults.kappa(), defaults.noise(), defaults.teacher()));
  }

  @Test
  void errorsNameTheFileLineAndKey() {
    assertTrue(error(FIG.replace("gd.step", "gd.stp")).startsWith(
        "fig1c.yaml, line 9, key gd.stp: plugin 'gd' has no parameter 'stp'"),
        error(FIG.replace("gd.step", "gd.stp")));
    String unknownPlugin = error(FIG.replace("squared-relu", "squared-relux"));
    assertTrue(unknownPlugin.startsWith("fig1c.yaml, line 4, key activation: unknown activation "
        + "'squared-relux'; did you mean squared-relu"), unknownPlugin);
    String unknownSettingPlugin = error(FIG.replace("gd.step", "gdd.step"));
    assertTrue(unknownSettingPlugin.startsWith(
        "fig1c.yaml, line 9, key gdd.step: unknown plugin 'gdd'"), unknownSettingPlugin);
    String range = error(FIG.replace("0.02", "-1"));
    assertTrue(range.startsWith("fig1c.yaml, line 9, key gd.step: "), range);
    assertTrue(range.contains("-1"), range);
    String axisValue = error(FIG.replace("[random, random, oracle]", "[random, random, orcle]"));
    assertTrue(axisValue.startsWith("fig1c.yaml, line 16, key random.v: "), axisValue);
    String zip = error(FIG.replace("[I, II, III]", "[I, II]"));
    assertEquals("fig1c.yaml, line 13, key zip: zipped lists must have equal lengths: label has 2,"
        + " initializer has 3, random.v has 3, run.train-v has 3", zip);
    assertTrue(error(FIG.replace("1..4", "4..1")).startsWith(
        "fig1c.yaml, line 2, key seeds: bad range '4..1'"));
    // a range wider than the long type overflows to a negative width: still refused, no hang
    assertTrue(error(FIG.replace("1..4", "-9000000000000000000..9000000000000000000")).startsWith(
        "fig1c.yaml, line 2, key seeds: bad range"));
    assertTrue(error(FIG.replace("1..4", "1..99999999999999999999")).startsWith(
        "fig1c.yaml, line 2, key seeds: bad range"));
    assertTrue(error(FIG.replace("1..4", "[1, x]")).startsWith(
        "fig1c.yaml, line 2, key seeds: got 'x'"));
    assertTrue(error(FIG.replace("n: 1000", "n: many")).startsWith(
        "fig1c.yaml, line 7, key n: n must be an integer, got 'many'"));
  }

  @Test
  void allErrorsAreReportedTogether() {
    String both = error(FIG.replace("gd.step", "gd.stp").replace("1..4", "4..1"));
    assertTrue(both.startsWith("2 errors in fig1c.yaml:"), both);
    assertTrue(both.contains("line 2, key seeds"), both);
    assertTrue(both.contains("line 9, key gd.stp"), both);
  }

  /**
   * stop.RULE sets a stop rule for every run; the spelling of shipped sweeps, OPTIMIZER.RULE,
   * stays an alias for the runs of that optimizer and wins over stop.RULE there.
   */
  @Test
  void stopRulesHaveTheirNamespaceAndOptimizerSpellingsStayAliases() {
    Sweep sweep = parse("""
        name: budgets
        seeds: 1
        fixed:
          activation: squared-relu
          initializer: random
          d: 4
          k: 2
          n: 100
          stop.max-iterations: 50
          stop.objective-tolerance: 0
          nesterov.max-iterations: 20
        axes:
          - optimizer: [gd, nesterov]
        """);
    assertEquals(List.of(50, 20), sweep.runs().stream()
        .map(run -> run.resolved().stop().getInt("max-iterations")).toList());
    assertEquals(List.of(0.0, 0.0), sweep.runs().stream()
        .map(run -> run.resolved().stop().getDouble("objective-tolerance")).toList());
    // the spec keeps the settings as written (stores match runs by spec)
    assertEquals(Map.of("max-iterations", "20"), sweep.runs().get(1).spec().settingsFor(
        "nesterov"));
    String bad = error(FIG.replace("gd.step: 0.02", "stop.max-iterations: 0"));
    assertTrue(bad.contains("line 9, key stop.max-iterations: stop.max-iterations = '0' is "
        + "not allowed"), bad);
    bad = error(FIG.replace("gd.step: 0.02", "gd.max-iterations: -1"));
    assertTrue(bad.contains("key gd.max-iterations: gd.max-iterations = '-1' is not allowed"),
        bad);
    bad = error(FIG.replace("gd.step: 0.02", "stop.step: 1"));
    assertTrue(bad.contains("key stop.step") && bad.contains("step"), bad);
  }

  /**
   * A plugin's cross-parameter rule (PluginProvider.validate) is checked for every cell when the
   * sweep is read, before any run: one bad cell refuses the sweep, naming the cell.
   */
  @Test
  void everyCellPassesThePluginsValidateBeforeAnyRun() {
    String bad = error("""
        name: wolfe
        seeds: 1..2
        fixed:
          activation: squared-relu
          optimizer: line-search
          d: 4
          k: 2
          n: 100
          line-search.wolfe: true
        axes:
          - line-search.curvature: [0.9, 0.00001]
        """);
    assertTrue(bad.contains("2 runs are invalid (line-search.curvature=0.00001, seed 1, ...)")
        && bad.contains("must exceed line-search.armijo"), bad);
  }

  /** The shipped sweeps' budgets (gd.max-iterations: 3000 in kappa.yaml) reach the runs. */
  @Test
  void shippedSweepsAliasesReachTheStopRules() {
    Sweep kappa = SweepFile.load(Path.of("..", "examples", "sweeps", "kappa.yaml"), RUNNER);
    assertTrue(kappa.runs().stream()
        .allMatch(run -> run.resolved().stop().getInt("max-iterations") == 3000));
    Sweep optimizers = SweepFile.load(Path.of("..", "examples", "sweeps", "optimizers.yaml"),
        RUNNER);
    assertTrue(optimizers.runs().stream()
        .allMatch(run -> run.resolved().stop().getInt("max-iterations") == 20000));
  }

  @Test
  void combinationsAreCheckedOnEveryExpandedSpec() {
    // k = 6 is fine for d = 6 and 7 but not for d = 5: 3 cells x 4 seeds are invalid
    String message = error(FIG.replace("k: 2", "k: 6"));
    assertTrue(message.startsWith("fig1c.yaml: 12 runs are invalid (d=5, label=I, "), message);
    assertTrue(message.endsWith("k must be <= d (k = 6, d = 5)"), message);
  }

  @Test
  void structuralMistakesAreNamed() {
    assertTrue(error(FIG.replace("name: fig1c\n", "")).contains("'name' is required"));
    assertTrue(error(FIG + "  - d: [8]\n").startsWith(
        "fig1c.yaml, line 18, key d: already an axis (line 12)"));
    // a rejected axis also leaves d missing: both are reported
    String twice = error(FIG.replace("  - d: [5, 6, 7]", "  - kappa: [1, 2]"));
    assertTrue(twice.contains("fig1c.yaml, line 12, key kappa: also given in fixed"), twice);
    assertTrue(twice.contains("fig1c.yaml: 'd' must be given, in fixed or as an axis"), twice);
    assertTrue(error(FIG.replace("  - d: [5, 6, 7]", "  - d: 5")).contains(
        "fig1c.yaml, line 12, key d: an axis takes a non-empty list of values, got '5'"));
    assertTrue(error(FIG.replace("fixed:", "fixd:")).contains(
        "fig1c.yaml, line 3, key fixd: unknown entry; a sweep has name, seeds, fixed, axes"));
  }
}
