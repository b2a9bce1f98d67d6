package org.nnrecover.core.report;

import java.util.List;
import java.util.Objects;
import org.nnrecover.core.store.StoredRun;

/**
 * A result store summarized: its axes, its cells and one summary per cell.
 *
 * @param sweep the sweep name (null when the runs name none)
 * @param axes the axes, in the order their keys first appear
 * @param summaries one per cell, in cell order
 * @param target the relative-objective target of {@link CellSummary#iterationsToTarget()}
 */
public record Report(String sweep, List<Axis> axes, List<CellSummary> summaries, double target) {
  /** The relative objective the paper's Figure 1c speed is measured at. */
  public static final double DEFAULT_TARGET = 1e-10;

  /** Copies the lists. */
  public Report {
    axes = List.copyOf(axes);
    summaries = List.copyOf(summaries);
  }

  /**
   * Summarizes runs.
   *
   * @param runs the runs (at least one)
   * @param target relative-objective target, in (0, 1)
   */
  public static Report of(List<StoredRun> runs, double target) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no runs to report");
    }
    if (!(target > 0 && target < 1)) {
      throw new IllegalArgumentException("the relative-objective target must be in (0, 1), got "
          + target);
    }
    List<Axis> axes = Axis.of(runs);
    List<CellSummary> summaries = Cell.group(runs, axes).stream()
        .map(c -> CellSummary.of(c, target)).toList();
    String sweep = runs.stream().map(StoredRun::sweep).filter(Objects::nonNull).findFirst()
        .orElse(null);
    return new Report(sweep, axes, summaries, target);
  }

  /** The axes that take more than one value. */
  public List<Axis> varyingAxes() {
    return axes.stream().filter(Axis::varies).toList();
  }

  /** The cells, in order. */
  public List<Cell> cells() {
    return summaries.stream().map(CellSummary::cell).toList();
  }
}
