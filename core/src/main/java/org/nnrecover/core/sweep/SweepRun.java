package org.nnrecover.core.sweep;

import java.util.Map;
import java.util.stream.Collectors;
import org.nnrecover.core.run.ResolvedSpec;
import org.nnrecover.core.run.RunSpec;

/**
 * One run of an expanded sweep.
 *
 * @param resolved the validated spec (its seed is the sweep seed of this run)
 * @param coordinates the axis values of this run's cell as written in the sweep file, keyed by axis
 *     key in axis order (zipped keys in their order, {@code label} included); empty without axes
 * @param cell a stable text key of the coordinates ({@link #cellKey}); runs that differ only in
 *     their seed share it
 */
public record SweepRun(ResolvedSpec resolved, Map<String, String> coordinates, String cell) {

  /**
   * The cell key of coordinates: {@code key=value} pairs joined by {@code ", "} in axis order, or
   * {@value Sweep#SINGLE_CELL} without axes. Stores hold it as each line's {@code cell}; it is the
   * one definition, for lines written without one as well.
   */
  public static String cellKey(Map<String, String> coordinates) {
    if (coordinates.isEmpty()) {
      return Sweep.SINGLE_CELL;
    }
    return coordinates.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** The run spec. */
  public RunSpec spec() {
    return resolved.spec();
  }
}
