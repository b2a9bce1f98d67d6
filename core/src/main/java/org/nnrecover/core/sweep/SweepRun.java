package org.nnrecover.core.sweep;

import java.util.Map;
import org.nnrecover.core.run.ResolvedSpec;
import org.nnrecover.core.run.RunSpec;

/**
 * One run of an expanded sweep.
 *
 * @param resolved the validated spec (its seed is the sweep seed of this run)
 * @param coordinates the axis values of this run's cell as written in the sweep file, keyed by axis
 *     key in axis order (zipped keys in their order, {@code label} included); empty without axes
 * @param cell a stable text key of the coordinates ({@code key=value} joined by {@code ", "}, or
 *     {@value Sweep#SINGLE_CELL} without axes); runs that differ only in their seed share it
 */
public record SweepRun(ResolvedSpec resolved, Map<String, String> coordinates, String cell) {

  /** The run spec. */
  public RunSpec spec() {
    return resolved.spec();
  }
}
