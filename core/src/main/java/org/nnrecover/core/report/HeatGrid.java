package org.nnrecover.core.report;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * A cell metric laid out over two axes, for a heat map. Rows follow the y axis, columns the x axis,
 * both in the axes' display order; a grid point without a cell is NaN.
 *
 * @param x the horizontal axis
 * @param y the vertical axis
 * @param values values[row][column]
 * @param flagged flagged[row][column]: cells the chart marks specially (Figure 1b's wrong signs)
 */
public record HeatGrid(Axis x, Axis y, double[][] values, boolean[][] flagged) {
  /**
   * Lays out summaries over two axes.
   *
   * @throws IllegalArgumentException when two summaries fall on the same grid point (other axes
   *     vary: split the summaries by them first)
   */
  public static HeatGrid of(List<CellSummary> summaries, Axis x, Axis y,
      ToDoubleFunction<CellSummary> metric, Predicate<CellSummary> flag) {
    double[][] values = new double[y.values().size()][x.values().size()];
    boolean[][] flagged = new boolean[values.length][values[0].length];
    boolean[][] taken = new boolean[values.length][values[0].length];
    for (double[] row : values) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    for (CellSummary s : summaries) {
      int row = y.rank(s.cell().coordinates().get(y.name()));
      int column = x.rank(s.cell().coordinates().get(x.name()));
      if (row >= values.length || column >= values[0].length) {
        throw new IllegalArgumentException("cell " + s.cell().key() + " has no value on axis "
            + (row >= values.length ? y.name() : x.name()));
      }
      if (taken[row][column]) {
        throw new IllegalArgumentException("two cells at " + x.name() + "="
            + x.values().get(column) + ", " + y.name() + "=" + y.values().get(row)
            + ": other axes vary too; split the cells by them first");
      }
      taken[row][column] = true;
      values[row][column] = metric.applyAsDouble(s);
      flagged[row][column] = flag.test(s);
    }
    return new HeatGrid(x, y, values, flagged);
  }
}
