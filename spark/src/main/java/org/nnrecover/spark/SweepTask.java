package org.nnrecover.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.sweep.SweepRun;

/**
 * What an executor needs to carry out one run of a sweep: a few hundred bytes of text, never data
 * (the samples are generated on the executor from the spec's seed).
 *
 * @param spec the run spec as canonical JSON (the form the result store matches runs by)
 * @param sweep the sweep name
 * @param coordinates the run's axis values, in axis order
 * @param cell the text key of the coordinates
 */
record SweepTask(String spec, String sweep, LinkedHashMap<String, String> coordinates, String cell)
    implements Serializable {

  static SweepTask of(String sweep, SweepRun run) {
    return new SweepTask(Json.compact(run.spec()), sweep, new LinkedHashMap<>(run.coordinates()),
        run.cell());
  }
}
