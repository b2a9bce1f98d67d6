package org.nnrecover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stop rules' namespace on the command line, and the optimizer spelling as an alias. */
class StopRulesTest {
  private static final List<String> RUN = List.of("run", "--activation", "squared-relu", "-d",
      "5", "-k", "2", "-n", "500", "--initializer", "random", "--seed", "3", "--threads", "1",
      "--format", "json", "--set", "gd.step=0.02");

  private static JsonNode run(String... settings) throws Exception {
    List<String> args = new ArrayList<>(RUN);
    for (String setting : settings) {
      args.add("--set");
      args.add(setting);
    }
    CliTest.Result result = CliTest.nnrecover(args.toArray(String[]::new));
    assertEquals(0, result.code(), result.err());
    return result.json();
  }

  /** The record without what may differ: timing, provenance, and the spec as written. */
  private static JsonNode comparable(JsonNode record) {
    ObjectNode copy = record.deepCopy();
    copy.remove(List.of("seconds", "provenance", "spec"));
    copy.withArray("trace").forEach(row -> ((ObjectNode) row).remove("seconds"));
    for (String part : List.of("init", "final", "best")) {
      if (copy.get(part) instanceof ObjectNode metrics) {
        metrics.remove("seconds");
      }
    }
    return copy;
  }

  @Test
  void stopRulesAndTheirAliasesGiveTheSameRecord() throws Exception {
    JsonNode byStop = run("stop.max-iterations=7");
    JsonNode byAlias = run("gd.max-iterations=7");
    assertEquals(7, byStop.get("iterations").asInt());
    assertEquals("max-iterations", byStop.get("stopReason").asText());
    assertEquals(comparable(byStop), comparable(byAlias));
    // recorded under the optimizer as before, whichever spelling set it
    assertEquals(7, byStop.at("/resolved/gd/max-iterations").asInt());
    assertEquals("7", byStop.at("/spec/settings/stop/max-iterations").asText());
    assertEquals("7", byAlias.at("/spec/settings/gd/max-iterations").asText());
    // the alias is the more specific: it wins
    assertEquals(4, run("stop.max-iterations=9", "gd.max-iterations=4").get("iterations")
        .asInt());
  }

  @Test
  void badStopRulesAreRefusedNamingTheSpellingUsed() {
    List<String> args = new ArrayList<>(RUN);
    args.addAll(List.of("--set", "stop.max-iterations=0"));
    CliTest.Result result = CliTest.nnrecover(args.toArray(String[]::new));
    assertEquals(2, result.code());
    assertTrue(result.err().contains("stop.max-iterations = '0' is not allowed: expected an "
        + "integer in [1, 2147483647]"), result.err());
  }

  @Test
  void thePluginListingShowsTheStopRulesOnceAndKeepsTheJsonOfOptimizers() throws Exception {
    CliTest.Result text = CliTest.nnrecover("plugins");
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("stop rules of every optimizer (--set stop.RULE=VALUE"),
        text.out());
    assertEquals(1, text.out().split("max-evaluations", -1).length - 1, text.out());
    CliTest.Result json = CliTest.nnrecover("plugins", "--format", "json");
    JsonNode listing = json.json();
    assertEquals(6, listing.get("stop").size());
    for (JsonNode optimizer : listing.get("optimizer")) {
      List<String> aliases = new ArrayList<>();
      optimizer.get("parameters").forEach(p -> {
        if (p.has("alias")) {
          aliases.add(p.get("name").asText() + "=" + p.get("alias").asText());
        }
      });
      assertEquals(List.of("max-iterations=stop.max-iterations",
          "max-evaluations=stop.max-evaluations", "gradient-tolerance=stop.gradient-tolerance",
          "change-tolerance=stop.change-tolerance", "objective-tolerance=stop.objective-tolerance",
          "divergence-factor=stop.divergence-factor"), aliases, optimizer.get("name").asText());
    }
  }
}
