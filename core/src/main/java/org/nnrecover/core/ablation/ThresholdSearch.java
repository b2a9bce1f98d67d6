package org.nnrecover.core.ablation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnrecover.core.sweep.Sweep;
import org.nnrecover.core.sweep.SweepRun;

/**
 * An adaptive search for the sample count at which recovery sets in, one bisection per dimension
 * and success level over a sweep's grid of sample counts (Figure 1a resolved without running the
 * whole grid).
 *
 * <p>The sweep is an ordinary one whose cells vary over a dimension axis and a sample-count axis;
 * the search only chooses which of its cells to run. For each dimension and level L it first runs
 * the largest count (if even that one stays below L there is no threshold in the grid), then
 * bisects the grid's index range: a cell at or above L moves the upper end down, one below L moves
 * the lower end up, until the two ends are neighbours. Each bisection needs about log2(grid size)
 * cells; the levels share the cells they both probe. The state is never stored: it is replayed
 * from the success rates of the cells already run, so a search that is interrupted resumes from
 * the store, and a search over the same store and rates always asks for the same cells.
 */
public final class ThresholdSearch {
  private final Sweep sweep;
  private final String dAxis;
  private final String nAxis;
  private final double[] levels;
  /** dimension value -> (sample count value, increasing -> cell key). */
  private final Map<String, List<String[]>> grid = new LinkedHashMap<>();
  private final Map<String, List<SweepRun>> runsByCell = new LinkedHashMap<>();

  /**
   * @param sweep the full candidate grid
   * @param dAxis the dimension axis
   * @param nAxis the sample-count axis (numeric values)
   * @param levels the success levels to locate, each in (0, 1]
   * @throws IllegalArgumentException when an axis is missing or another axis varies
   */
  public ThresholdSearch(Sweep sweep, String dAxis, String nAxis, double... levels) {
    for (double level : levels) {
      if (!(level > 0 && level <= 1)) {
        throw new IllegalArgumentException("a success level must be in (0, 1], got " + level);
      }
    }
    this.sweep = sweep;
    this.dAxis = dAxis;
    this.nAxis = nAxis;
    this.levels = levels.clone();
    Map<String, Map<String, String>> cellsByD = new LinkedHashMap<>();
    for (SweepRun run : sweep.runs()) {
      String d = run.coordinates().get(dAxis);
      String n = run.coordinates().get(nAxis);
      if (d == null || n == null) {
        throw new IllegalArgumentException("sweep '" + sweep.name() + "' has no axis '"
            + (d == null ? dAxis : nAxis) + "', which the threshold search needs");
      }
      String previous = cellsByD.computeIfAbsent(d, k -> new LinkedHashMap<>()).put(n, run.cell());
      if (previous != null && !previous.equals(run.cell())) {
        throw new IllegalArgumentException("sweep '" + sweep.name() + "' varies an axis other"
            + " than " + dAxis + " and " + nAxis + " (cells " + previous + " and " + run.cell()
            + "); the threshold search needs one cell per (" + dAxis + ", " + nAxis + ")");
      }
      runsByCell.computeIfAbsent(run.cell(), k -> new ArrayList<>()).add(run);
    }
    cellsByD.forEach((d, byN) -> {
      List<String[]> sorted = new ArrayList<>();
      byN.forEach((n, cell) -> sorted.add(new String[] {n, cell}));
      sorted.sort((a, b) -> Double.compare(Double.parseDouble(a[0]), Double.parseDouble(b[0])));
      grid.put(d, sorted);
    });
  }

  /**
   * The cells to run next, given the success rate of every cell run so far (keyed by cell key);
   * empty when every bisection has ended.
   */
  public List<String> nextCells(Map<String, Double> rates) {
    Set<String> next = new LinkedHashSet<>();
    for (List<String[]> counts : grid.values()) {
      for (double level : levels) {
        String probe = nextProbe(counts, level, rates);
        if (probe != null) {
          next.add(probe);
        }
      }
    }
    return List.copyOf(next);
  }

  /** The runs of the given cells, as a sweep of their own (same name and seeds). */
  public Sweep subSweep(List<String> cells) {
    List<SweepRun> runs = new ArrayList<>();
    for (String cell : cells) {
      List<SweepRun> ofCell = runsByCell.get(cell);
      if (ofCell == null) {
        throw new IllegalArgumentException("no cell '" + cell + "' in sweep " + sweep.name());
      }
      runs.addAll(ofCell);
    }
    return new Sweep(sweep.name(), sweep.seeds(), cells.size(), runs);
  }

  /** The dimension axis. */
  public String dAxis() {
    return dAxis;
  }

  /** The sample-count axis. */
  public String nAxis() {
    return nAxis;
  }

  /** Replays one bisection from the known rates; the next cell it needs, or null when done. */
  private static String nextProbe(List<String[]> counts, double level, Map<String, Double> rates) {
    int top = counts.size() - 1;
    Double topRate = rates.get(counts.get(top)[1]);
    if (topRate == null) {
      return counts.get(top)[1];
    }
    if (!(topRate >= level)) {
      return null; // not even the largest count reaches the level: no threshold in the grid
    }
    int lo = -1;
    int hi = top;
    while (hi - lo > 1) {
      int mid = Math.floorDiv(lo + hi, 2);
      Double rate = rates.get(counts.get(mid)[1]);
      if (rate == null) {
        return counts.get(mid)[1];
      }
      if (rate >= level) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return null;
  }
}
