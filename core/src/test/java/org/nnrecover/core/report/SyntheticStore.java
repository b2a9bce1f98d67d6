package org.nnrecover.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Hand-written store lines in the format of runs.jsonl, with only the fields reports read. */
final class SyntheticStore {
  private final List<String> lines = new ArrayList<>();
  private String extraAxis = "";

  /** Adds {@code n = value} as a second axis to the runs added after this call. */
  SyntheticStore withN(int n) {
    extraAxis = ",\"n\":\"" + n + "\"";
    return this;
  }

  /**
   * Adds a run of sweep "syn" with axis d. The zero network's loss is 2 (init objective 1, relative
   * 0.5); the trace has rows at iterations 0, 10, 20 with objectives 1, 2e-3, 2e-11 (relative 0.5,
   * 1e-3, 1e-11) when {@code converges}, else 1, 0.5, 0.4.
   */
  SyntheticStore add(int d, long seed, double initUnit, double finalUnit, boolean success,
      boolean signsCorrect, int iterations, String outcome, boolean converges) {
    String trace = converges
        ? "[{\"iteration\":0,\"objective\":1.0,\"unitError\":0.5},"
            + "{\"iteration\":10,\"objective\":2.0E-3,\"unitError\":0.1},"
            + "{\"iteration\":20,\"objective\":2.0E-11,\"unitError\":\"NaN\"}]"
        : "[{\"iteration\":0,\"objective\":1.0,\"unitError\":0.5},"
            + "{\"iteration\":10,\"objective\":0.5,\"unitError\":0.4},"
            + "{\"iteration\":20,\"objective\":0.4,\"unitError\":0.4}]";
    lines.add(String.format(Locale.ROOT, "{\"spec\":{\"activation\":\"squared-relu\",\"d\":%d,"
        + "\"seed\":%d,\"settings\":{}},\"outcome\":\"%s\",\"iterations\":%d,\"seconds\":%s,"
        + "\"init\":{\"unitError\":%s,\"frobError\":%s,\"signsCorrect\":%s,\"success\":false,"
        + "\"objective\":1.0,\"relativeObjective\":0.5},"
        + "\"final\":{\"unitError\":%s,\"frobError\":%s,\"signsCorrect\":true,\"success\":%s,"
        + "\"objective\":0.1,\"relativeObjective\":0.05},\"trace\":%s,"
        + "\"sweep\":\"syn\",\"coordinates\":{\"d\":\"%d\"%s},\"cell\":\"d=%d%s\"}",
        d, seed, outcome, iterations, seed * 0.5, initUnit, 2 * initUnit, signsCorrect, finalUnit,
        2 * finalUnit, success, trace, d, extraAxis, d, extraAxis.replace("\"", "").replace(':', '=')));
    return this;
  }

  /** Appends a raw line (for malformed and torn lines). */
  SyntheticStore raw(String line) {
    lines.add(line);
    return this;
  }

  String text() {
    return String.join("\n", lines) + "\n";
  }
}
