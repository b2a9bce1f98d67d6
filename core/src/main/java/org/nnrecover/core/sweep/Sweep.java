package org.nnrecover.core.sweep;

import java.util.List;

/**
 * A validated, expanded sweep: the outer product of its axes times its seeds, cells in axis order
 * (first axis outermost), seeds innermost.
 *
 * @param name the sweep's name (from the file)
 * @param seeds the seeds every cell runs with
 * @param cells number of cells (axis combinations)
 * @param runs every run, cells x seeds of them
 */
public record Sweep(String name, List<Long> seeds, int cells, List<SweepRun> runs) {
  /** The cell key of a sweep without axes. */
  public static final String SINGLE_CELL = "all";

  /** Copies the lists. */
  public Sweep {
    seeds = List.copyOf(seeds);
    runs = List.copyOf(runs);
  }
}
