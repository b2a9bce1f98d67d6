package org.nnrecover.cli.charts;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.nnrecover.core.io.IoErrors;

/** Writes a chart as a PNG and an SVG file of the same size. */
final class ChartFiles {
  private ChartFiles() {}

  /**
   * Writes {@code base.png} and {@code base.svg}.
   *
   * @return the two paths
   */
  static List<Path> write(JFreeChart chart, Path base, int width, int height) {
    Path png = base.resolveSibling(base.getFileName() + ".png");
    Path svg = base.resolveSibling(base.getFileName() + ".svg");
    try {
      ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
      SVGGraphics2D g = new SVGGraphics2D(width, height);
      chart.draw(g, new Rectangle(0, 0, width, height));
      Files.writeString(svg, g.getSVGDocument(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw IoErrors.cannot("write chart", base, e);
    }
    return List.of(png, svg);
  }
}
