package org.nnrecover.core.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nnrecover.core.optim.TraceRow;

/** Writes an optimization trace as CSV, one row per kept iteration. */
public final class TraceCsv {
  /** The header; the column names are part of the output format. */
  public static final String HEADER =
      "iteration,objective,gradientNorm,step,evaluations,unitError,frobError,seconds";

  private TraceCsv() {}

  /** Writes {@code rows} to {@code file}, replacing it. */
  public static void write(Path file, List<TraceRow> rows) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write('\n');
      for (TraceRow r : rows) {
        out.write(r.iteration() + "," + r.objective() + "," + r.gradientNorm() + "," + r.step()
            + "," + r.evaluations() + "," + r.unitError() + "," + r.frobError() + ","
            + r.seconds() + "\n");
      }
    } catch (IOException e) {
      throw IoErrors.cannot("write trace file", file, e);
    }
  }
}
