package org.nnrecover.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpecSchemaTest {

  /**
   * The keys are the sweep-file keys and the JSON fields the record has always had, in the order of
   * nnrecover 1.0 (fields may be added after them, never renamed or moved).
   */
  @Test
  void theFieldsAreTheSpecsOwnInComponentOrder() {
    List<String> keys = SpecSchema.fields().stream().map(SpecSchema.Field::key).toList();
    assertEquals(List.of("activation", "initializer", "optimizer", "d", "k", "n", "kappa",
        "noise", "teacher", "seed", "data", "truth"), keys.subList(0, 12));
    assertEquals(List.of("activation", "initializer", "optimizer", "d", "k", "n", "kappa",
        "noise", "teacher", "data", "truth"), SpecSchema.sweepKeys().subList(0, 11));
    assertEquals("dataFile", SpecSchema.field("data").component().getName());
    assertEquals("truthFile", SpecSchema.field("truth").component().getName());
  }

  @Test
  void absentFieldsTakeTheDeclaredDefaults() {
    RunSpec spec = SpecSchema.bind(Map.of("activation", "relu", "k", 2), Map.of());
    assertEquals(List.of("relu", "tensor", "gd", 0, 2, 0, 2.0, 0.0, "random", 1L),
        List.of(spec.activation(), spec.initializer(), spec.optimizer(), spec.d(), spec.k(),
            spec.n(), spec.kappa(), spec.noise(), spec.teacher(), spec.seed()));
    assertEquals(Map.of(), spec.settings());
    assertEquals(null, spec.dataFile());
    assertEquals(null, spec.truthFile());
  }

  @Test
  void textIsParsedAndTypedValuesAreTaken() {
    RunSpec fromText = SpecSchema.bind(Map.of("activation", "relu", "d", " 7", "k", "3",
        "n", "100", "kappa", "1e3", "seed", "-4", "data", "x.csv"), Map.of("gd",
        Map.of("step", "0.1")));
    RunSpec typed = SpecSchema.bind(Map.of("activation", "relu", "d", 7, "k", 3, "n", 100,
        "kappa", 1000.0, "seed", -4L, "data", "x.csv"), Map.of("gd", Map.of("step", "0.1")));
    assertEquals(typed, fromText);
    assertEquals(1000.0, fromText.kappa());
    assertEquals(-4L, fromText.seed());
    assertEquals(fromText, SpecSchema.withSettings(fromText, fromText.settings()));
  }

  @Test
  void badTextAndUnknownKeysAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpecSchema.bind(Map.of("d", "ten"), Map.of()));
    assertEquals("d must be an integer, got 'ten'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SpecSchema.bind(Map.of("kappa", "big"), Map.of()));
    assertEquals("kappa must be a number, got 'big'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SpecSchema.bind(Map.of("dee", "1"), Map.of()));
    assertTrue(e.getMessage().contains("dee"), e.getMessage());
  }

  @Test
  void rangesAreCheckedWithTheDeclaredBounds() {
    RunSpec good = SpecSchema.bind(Map.of("activation", "relu", "d", 3, "k", 1, "n", 10),
        Map.of());
    SpecSchema.check(good);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpecSchema.check(SpecSchema.withSettings(SpecSchema.bind(Map.of("activation",
            "relu", "d", 3, "k", 1, "n", 10, "kappa", 0.5), Map.of()), Map.of())));
    assertEquals("kappa must be a number in [1, 1e6], got 0.5", e.getMessage());
    assertEquals("standard deviation of Gaussian label noise, in [0, 1e6] (default: 0)",
        SpecSchema.field("noise").help(false));
    assertEquals("hidden units (required)", SpecSchema.field("k").help(true));
    assertEquals("number of samples (required unless a data file gives it)",
        SpecSchema.field("n").help(true));
    e = assertThrows(IllegalArgumentException.class, () -> SpecSchema.check(
        SpecSchema.bind(Map.of("activation", "relu", "k", 1, "n", 10), Map.of())));
    assertEquals("d must be an integer in 1..2147483647, got 0 (or read the samples from a data "
        + "file)", e.getMessage());
    // with a data file, d and n come from the file
    SpecSchema.check(SpecSchema.bind(Map.of("activation", "relu", "k", 1, "data", "x.csv"),
        Map.of()));
    e = assertThrows(IllegalArgumentException.class, () -> SpecSchema.check(
        SpecSchema.bind(Map.of("activation", "relu", "d", 3, "k", 1, "n", 10, "teacher", "x"),
            Map.of())));
    assertTrue(e.getMessage().contains("unknown teacher 'x'"), e.getMessage());
  }

  @Test
  void requiredFieldsDependOnTheDataFile() {
    assertEquals(List.of("activation", "d", "k", "n"), SpecSchema.missing(Set.of()));
    assertEquals(List.of("activation", "k"), SpecSchema.missing(Set.of("data")));
    assertEquals(List.of(), SpecSchema.missing(Set.of("activation", "k", "d", "n")));
  }

  /** Records are read back through the schema: a field a record lacks takes its default. */
  @Test
  void specsAreReadFromJsonWithDefaultsForAbsentFields() throws Exception {
    RunSpec spec = SpecSchema.bind(Map.of("activation", "relu", "d", 7, "k", 3, "n", 100,
        "kappa", 0.1 + 0.2, "noise", 1e-300, "seed", Long.MIN_VALUE, "data", "x.csv"),
        Map.of("gd", Map.of("step", "0.1"), "stop", Map.of("max-iterations", "5")));
    String json = org.nnrecover.core.io.Json.compact(spec);
    assertEquals(spec, org.nnrecover.core.io.Json.mapper().readValue(json, RunSpec.class));
    // as an older record without kappa, noise and teacher would have it
    RunSpec old = org.nnrecover.core.io.Json.mapper().readValue("{\"activation\":\"relu\","
        + "\"initializer\":\"tensor\",\"optimizer\":\"gd\",\"d\":3,\"k\":1,\"n\":10,"
        + "\"seed\":4,\"settings\":{},\"dataFile\":null,\"truthFile\":null}", RunSpec.class);
    assertEquals(SpecSchema.bind(Map.of("activation", "relu", "d", 3, "k", 1, "n", 10, "seed",
        4L), Map.of()), old);
    assertEquals(2.0, old.kappa());
  }

  @Test
  void settingsItemsAreSplitAtTheFirstDotAndEquals() {
    assertEquals(Map.of("gd", Map.of("step", "0.1"), "stop", Map.of("max-iterations", "5")),
        SpecSchema.parseSettings(List.of("gd.step=0.1", "stop.max-iterations=5")));
    for (String bad : List.of("gd", "gd.step", ".step=1", "gd.=1", "gd.step=")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> SpecSchema.parseSettings(List.of(bad)));
      assertTrue(e.getMessage().startsWith("malformed --set '" + bad + "'"), e.getMessage());
    }
  }
}
