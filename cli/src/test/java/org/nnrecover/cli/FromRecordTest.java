package org.nnrecover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnrecover.core.io.Json;

/** {@code nnrecover run --from-record}: a stored record is re-run and compared bit for bit. */
class FromRecordTest {
  private static final String[] RUN = {"run", "--activation", "squared-relu", "-d", "5", "-k",
      "2", "-n", "2000", "--seed", "4", "--set", "gd.max-iterations=30", "--set", "gd.step=0.02",
      "--threads", "2", "--format", "json"};

  @Test
  void aRecordIsReproducedBitForBitAndATamperedOneIsNot(@TempDir Path dir) throws Exception {
    CliTest.Result first = CliTest.nnrecover(RUN);
    assertEquals(0, first.code(), first.err());
    Path pretty = Files.writeString(dir.resolve("run.json"), first.out());
    // another thread count: the bits do not depend on it
    CliTest.Result again = CliTest.nnrecover("run", "--from-record", pretty.toString(),
        "--threads", "1");
    assertEquals(0, again.code(), again.err() + again.out());
    assertTrue(again.out().startsWith("reproduced " + pretty + ": the new record matches"),
        again.out());

    // a store of two compact lines, the second with one number changed in its last digit
    String line = Json.mapper().readTree(first.out()).toString();
    String tampered = line.replace("\"iterations\":30", "\"iterations\":31");
    Path store = Files.writeString(dir.resolve("runs.jsonl"), line + "\n" + tampered + "\n");
    CliTest.Result good = CliTest.nnrecover("run", "--from-record", store + ":1");
    assertEquals(0, good.code(), good.err() + good.out());
    CliTest.Result bad = CliTest.nnrecover("run", "--from-record", store + ":2");
    assertEquals(Main.FAILURE, bad.code(), bad.err() + bad.out());
    assertTrue(bad.out().contains("NOT reproduced") && bad.out().contains(
        "iterations: stored 31, now 30"), bad.out());
  }

  @Test
  void whichRecordAndWhichSpecMustBeClear(@TempDir Path dir) throws Exception {
    Path store = Files.writeString(dir.resolve("runs.jsonl"),
        "{\"spec\":{},\"outcome\":\"converged\"}\n{\"spec\":{},\"outcome\":\"converged\"}\n");
    CliTest.Result many = CliTest.nnrecover("run", "--from-record", store.toString());
    assertEquals(Main.USAGE, many.code());
    assertTrue(many.err().contains("holds 2 records; name one with"), many.err());
    CliTest.Result beyond = CliTest.nnrecover("run", "--from-record", store + ":3");
    assertEquals(Main.USAGE, beyond.code());
    assertTrue(beyond.err().contains("has 2 record lines, not 3"), beyond.err());
    CliTest.Result both = CliTest.nnrecover("run", "--from-record", store + ":1", "--seed",
        "2");
    assertEquals(Main.USAGE, both.code());
    assertTrue(both.err().contains("--seed would be ignored"), both.err());
    CliTest.Result none = CliTest.nnrecover("run", "--from-record",
        dir.resolve("none.json").toString());
    assertEquals(Main.USAGE, none.code());
    assertTrue(none.err().contains("cannot read"), none.err());
  }
}
