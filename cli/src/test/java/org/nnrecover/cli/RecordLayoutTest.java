package org.nnrecover.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The run record's JSON layout is an interface (scripts and stores depend on it): every key path
 * of a record, in order, with the kind of value it holds, is pinned by a golden file. Values are not
 * pinned (they change with the numerics); a key that is renamed, dropped or moved fails this test,
 * and a new key must be added to the golden file on purpose ({@code record-layout.txt}).
 */
class RecordLayoutTest {

  @Test
  void theRecordLayoutIsTheGoldenOne() throws Exception {
    CliTest.Result result = CliTest.nnrecover("run", "--activation", "squared-relu", "-d", "5",
        "-k", "2", "-n", "2000", "--seed", "4", "--set", "gd.max-iterations=3", "--set",
        "gd.step=0.02", "--set", "run.trace-every=1", "--format", "json");
    assertEquals(0, result.code(), result.err());
    List<String> layout = new ArrayList<>();
    describe(result.json(), "", layout);
    assertEquals(golden(), String.join("\n", layout) + "\n");
  }

  /** One line per key path: {@code path kind}; arrays by their first element. */
  private static void describe(JsonNode node, String path, List<String> out) {
    if (node.isObject()) {
      out.add((path.isEmpty() ? "." : path) + " object");
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        describe(field.getValue(), path + "." + field.getKey(), out);
      }
    } else if (node.isArray()) {
      out.add(path + " array");
      if (node.size() > 0) {
        describe(node.get(0), path + "[]", out);
      }
    } else {
      out.add(path + " " + (node.isNull() ? "null" : node.isNumber() ? "number"
          : node.isBoolean() ? "boolean" : "string"));
    }
  }

  private static String golden() throws IOException {
    try (InputStream in = RecordLayoutTest.class.getResourceAsStream("/record-layout.txt")) {
      return in == null ? "(no golden file)" : new String(in.readAllBytes(),
          StandardCharsets.UTF_8);
    }
  }
}
