package org.nnrecover.core.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import org.nnrecover.api.Network;
import org.nnrecover.core.io.IoErrors;

/**
 * A ground-truth network (W*, v*) as JSON: {@code {"W": [[...k numbers...], ... d rows], "v":
 * [...k numbers...]}}. As in the paper, W is d x k: its column i is the unit w_i (the file layout
 * of numpy's {@code W.tolist()}); {@link Network} stores the units as rows, and the conversion
 * happens here. Only the keys {@code W} and {@code v} are allowed, each once.
 */
public final class TruthFile {
  private static final Set<String> KEYS = Set.of("W", "v");
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private TruthFile() {}

  /**
   * Reads a ground truth.
   *
   * @throws DataFileException when the file is not valid JSON, has missing or unknown keys, a
   *     ragged or empty W, a W whose rows do not have k = len(v) numbers, or a non-finite value
   * @throws IOException when the file cannot be read
   */
  public static Network read(Path file) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(IoErrors.readUtf8(file)); // a binary file: named with its line
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "unknown position"
          : "line " + at.getLineNr() + ", column " + at.getColumnNr();
      String problem = e.getOriginalMessage();
      if (problem != null && problem.startsWith("Non-standard token")) {
        // Jackson names its feature flag; the user needs the rule
        problem = "NaN and Infinity are not allowed: every value must be a finite number";
      } else if (problem != null && problem.contains("Invalid UTF-8")) {
        problem = "not UTF-8 text (a binary file?)";
      }
      throw new DataFileException(file, where, "not valid JSON: " + problem);
    }
    if (root == null || root.isMissingNode()) {
      throw new DataFileException(file, "line 1", "empty file; expected {\"W\": [[...]], "
          + "\"v\": [...]}");
    }
    if (!root.isObject()) {
      throw new DataFileException(file, "top level", "expected a JSON object {\"W\": [[...]], "
          + "\"v\": [...]}, got " + root.getNodeType());
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw new DataFileException(file, "key \"" + name + "\"", "unknown key; allowed keys "
            + "are \"W\" (d rows of k numbers) and \"v\" (k numbers)");
      }
    }
    double[] v = numbers(file, array(file, root, "v"), "v");
    int k = v.length;
    JsonNode wRows = array(file, root, "W");
    int d = wRows.size();
    double[] w = new double[k * d];
    for (int a = 0; a < d; a++) {
      String path = "W[" + a + "]";
      if (!wRows.get(a).isArray()) {
        throw new DataFileException(file, path, "expected an array of k = " + k + " numbers, got "
            + wRows.get(a).getNodeType());
      }
      double[] row = numbers(file, wRows.get(a), path);
      if (row.length != k) {
        throw new DataFileException(file, path, "has " + row.length + " numbers but v has k = "
            + k + " (W is d rows of k numbers: column i is the unit w_i)");
      }
      for (int i = 0; i < k; i++) {
        w[i * d + a] = row[i];
      }
    }
    return new Network(w, v, d);
  }

  /**
   * Writes a ground truth in the format {@link #read} takes; numbers read back exactly.
   *
   * @throws IllegalArgumentException when a weight is not finite (nothing is written)
   * @throws IOException when the file cannot be written
   */
  public static void write(Path file, Network network) throws IOException {
    int k = network.k();
    int d = network.d();
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode wRows = root.putArray("W");
    for (int a = 0; a < d; a++) {
      ArrayNode row = wRows.addArray();
      for (int i = 0; i < k; i++) {
        row.add(finite(network.weight(i, a), "W[" + a + "][" + i + "]"));
      }
    }
    ArrayNode v = root.putArray("v");
    for (int i = 0; i < k; i++) {
      v.add(finite(network.outputWeight(i), "v[" + i + "]"));
    }
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }

  private static double finite(double value, String path) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(path + " = " + value + " is not finite; JSON holds "
          + "finite numbers only");
    }
    return value;
  }

  private static JsonNode array(Path file, JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (node == null) {
      throw new DataFileException(file, "top level", "missing key \"" + key + "\"; expected "
          + "{\"W\": [[...k numbers...] x d rows], \"v\": [...k numbers...]}");
    }
    if (!node.isArray() || node.isEmpty()) {
      throw new DataFileException(file, key, "expected a non-empty array, got "
          + (node.isArray() ? "an empty array" : node.getNodeType()));
    }
    return node;
  }

  private static double[] numbers(Path file, JsonNode array, String path) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode node = array.get(i);
      String where = path + "[" + i + "]";
      if (!node.isNumber()) {
        throw new DataFileException(file, where, "expected a number, got " + node.getNodeType()
            + " " + node);
      }
      values[i] = node.asDouble();
      if (!Double.isFinite(values[i])) {
        throw new DataFileException(file, where, node + " is not a finite double");
      }
    }
    return values;
  }
}
