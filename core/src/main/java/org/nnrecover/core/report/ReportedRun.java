package org.nnrecover.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored run as reports see it, read from its JSON line (so that records written by newer or
 * older versions still report): the run record's fields plus the store's {@code sweep},
 * {@code coordinates} and {@code cell}.
 *
 * @param sweep sweep name (null for a record written outside a sweep)
 * @param cell stable text key of the coordinates (derived from them when the line has none)
 * @param coordinates the sweep's axis values of this run, in axis order (seed excluded)
 * @param seed the run's master seed
 * @param outcome outcome id (converged, budget-exhausted, diverged, ...)
 * @param iterations optimizer iterations
 * @param seconds wall time of the whole run
 * @param init metrics of the initial network (null when initialization did not finish)
 * @param fin metrics of the final network (null when the optimizer did not run)
 * @param trace the stored (possibly down-sampled) trace
 */
public record ReportedRun(String sweep, String cell, Map<String, String> coordinates, long seed,
    String outcome, int iterations, double seconds, Phase init, Phase fin, Trace trace) {

  /** Copies the coordinates into an unmodifiable map that keeps their order. */
  public ReportedRun {
    coordinates = Collections.unmodifiableMap(new LinkedHashMap<>(coordinates));
  }

  /**
   * Metrics of one network, as stored.
   *
   * @param unitError the paper's unit error (NaN when unknown)
   * @param frobError relative Frobenius error (NaN when unknown)
   * @param signsCorrect sum v = sum v* (null when unknown)
   * @param success the paper's success criterion (null when unknown)
   * @param objective the training objective
   * @param relativeObjective objective over the zero network's loss
   */
  public record Phase(double unitError, double frobError, Boolean signsCorrect, Boolean success,
      double objective, double relativeObjective) {
    static Phase of(JsonNode node) {
      if (node == null || node.isNull()) {
        return null;
      }
      return new Phase(number(node.get("unitError")), number(node.get("frobError")),
          bool(node.get("signsCorrect")), bool(node.get("success")),
          number(node.get("objective")), number(node.get("relativeObjective")));
    }
  }

  /**
   * The trace as parallel arrays.
   *
   * @param iteration iteration numbers, increasing
   * @param objective objective at each iteration
   * @param unitError unit error at each iteration (NaN when unknown)
   */
  public record Trace(int[] iteration, double[] objective, double[] unitError) {
    /** Number of rows. */
    public int size() {
      return iteration.length;
    }
  }

  /** Reads one stored line (the run-record object plus the store's fields). */
  public static ReportedRun of(JsonNode line) {
    Map<String, String> coordinates = new LinkedHashMap<>();
    JsonNode coords = line.get("coordinates");
    if (coords != null && coords.isObject()) {
      coords.fields().forEachRemaining(e -> coordinates.put(e.getKey(), e.getValue().asText()));
    }
    JsonNode cellNode = line.get("cell");
    String cell = cellNode != null && !cellNode.isNull() ? cellNode.asText() : cellKey(coordinates);
    JsonNode sweepNode = line.get("sweep");
    JsonNode spec = line.path("spec");
    JsonNode rows = line.path("trace");
    int m = rows.isArray() ? rows.size() : 0;
    int[] iteration = new int[m];
    double[] objective = new double[m];
    double[] unitError = new double[m];
    for (int i = 0; i < m; i++) {
      JsonNode row = rows.get(i);
      iteration[i] = row.path("iteration").asInt();
      objective[i] = number(row.get("objective"));
      unitError[i] = number(row.get("unitError"));
    }
    return new ReportedRun(sweepNode == null || sweepNode.isNull() ? null : sweepNode.asText(), cell,
        coordinates, spec.path("seed").asLong(), line.path("outcome").asText("unknown"),
        line.path("iterations").asInt(), number(line.get("seconds")), Phase.of(line.get("init")),
        Phase.of(line.get("final")), new Trace(iteration, objective, unitError));
  }

  /** The cell key of coordinates: {@code axis=value} pairs joined by commas, in axis order. */
  public static String cellKey(Map<String, String> coordinates) {
    if (coordinates.isEmpty()) {
      return "all";
    }
    StringBuilder key = new StringBuilder();
    coordinates.forEach((axis, value) ->
        key.append(key.length() == 0 ? "" : ",").append(axis).append('=').append(value));
    return key.toString();
  }

  /**
   * The loss of the zero network, mean(y^2)/2, recovered from the initial metrics (objective over
   * relative objective); NaN when it cannot be.
   */
  public double zeroLoss() {
    if (init == null || !(init.relativeObjective() > 0)) {
      return Double.NaN;
    }
    return init.objective() / init.relativeObjective();
  }

  /**
   * The first stored iteration at which the relative objective is at or below {@code target}, or
   * -1 when no stored row reaches it. With a down-sampled trace this is the first stored row, so
   * it is exact only up to the trace interval (the last row, always stored, is exact).
   */
  public int iterationsToRelativeObjective(double target) {
    double zero = zeroLoss();
    if (!Double.isFinite(zero)) {
      return -1;
    }
    for (int i = 0; i < trace.size(); i++) {
      if (trace.objective()[i] / zero <= target) {
        return trace.iteration()[i];
      }
    }
    return -1;
  }

  /** Whether the final network met the paper's success criterion. */
  public boolean succeeded() {
    return fin != null && Boolean.TRUE.equals(fin.success());
  }

  private static double number(JsonNode node) {
    if (node == null || node.isNull()) {
      return Double.NaN;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    try {
      return Double.parseDouble(node.asText()); // non-finite numbers are stored as "NaN" etc.
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static Boolean bool(JsonNode node) {
    return node == null || node.isNull() ? null : node.asBoolean();
  }
}
