package org.nnrecover.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nnrecover.core.store.StoredRun;

/**
 * One axis of a sweep as seen in its stored runs: its distinct values and whether they are all
 * numbers (then they are ordered numerically; otherwise by first appearance).
 *
 * @param name the axis key (for example {@code d}, {@code gd.step}, {@code label})
 * @param values distinct values in display order
 * @param numeric whether every value parses as a number
 */
public record Axis(String name, List<String> values, boolean numeric) {
  /** The display-only axis that names zipped combinations. */
  public static final String LABEL = "label";

  /** Copies the values. */
  public Axis {
    values = List.copyOf(values);
  }

  /** Whether the axis takes more than one value (only those distinguish cells). */
  public boolean varies() {
    return values.size() > 1;
  }

  /** The axes of some runs, in the order their keys first appear. */
  public static List<Axis> of(List<StoredRun> runs) {
    Set<String> names = new LinkedHashSet<>();
    runs.forEach(r -> names.addAll(r.coordinates().keySet()));
    List<Axis> axes = new ArrayList<>();
    for (String name : names) {
      Set<String> seen = new LinkedHashSet<>();
      runs.forEach(r -> seen.add(r.coordinates().getOrDefault(name, "")));
      List<String> values = new ArrayList<>(seen);
      boolean numeric = values.stream().allMatch(Axis::isNumber);
      if (numeric) {
        values.sort(Comparator.comparingDouble(Double::parseDouble));
      }
      axes.add(new Axis(name, values, numeric));
    }
    return axes;
  }

  /** The position of a value in display order (values not on the axis sort last). */
  public int rank(String value) {
    int i = value == null ? -1 : values.indexOf(value);
    return i < 0 ? values.size() : i;
  }

  private static boolean isNumber(String text) {
    try {
      return Double.isFinite(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
