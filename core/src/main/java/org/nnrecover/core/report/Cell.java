package org.nnrecover.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.nnrecover.core.store.StoredRun;

/**
 * The runs of one point of a sweep's grid (every seed of one combination of axis values).
 *
 * @param key the cell key
 * @param coordinates the axis values
 * @param runs the runs, in store order
 */
public record Cell(String key, Map<String, String> coordinates, List<StoredRun> runs) {
  /** Copies the runs. */
  public Cell {
    runs = List.copyOf(runs);
  }

  /**
   * Groups runs into cells ordered by their axis values (numerically for numeric axes, by first
   * appearance otherwise), earlier axes varying slowest.
   */
  public static List<Cell> group(List<StoredRun> runs, List<Axis> axes) {
    Map<String, List<StoredRun>> byKey = new LinkedHashMap<>();
    runs.forEach(r -> byKey.computeIfAbsent(r.cell(), key -> new ArrayList<>()).add(r));
    Comparator<Cell> order = (a, b) -> 0;
    for (Axis axis : axes) {
      order = order.thenComparingInt(c -> axis.rank(c.coordinates().getOrDefault(axis.name(), "")));
    }
    return byKey.entrySet().stream()
        .map(e -> new Cell(e.getKey(), e.getValue().get(0).coordinates(), e.getValue()))
        .sorted(order)
        .collect(Collectors.toList());
  }

  /**
   * A short display name: the label axis when present, else {@code axis=value} for the axes that
   * vary, else the key.
   */
  public String displayName(List<Axis> axes) {
    String label = coordinates.get(Axis.LABEL);
    if (label != null) {
      return label;
    }
    String name = axes.stream().filter(Axis::varies)
        .map(a -> a.name() + "=" + coordinates.getOrDefault(a.name(), ""))
        .collect(Collectors.joining(", "));
    return name.isEmpty() ? key : name;
  }

  /** One number per run (NaN where it is missing), in run order. */
  public double[] values(ToDoubleFunction<StoredRun> metric) {
    return runs.stream().mapToDouble(metric).toArray();
  }
}
