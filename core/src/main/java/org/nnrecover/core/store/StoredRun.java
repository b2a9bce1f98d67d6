package org.nnrecover.core.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.sweep.SweepRun;

/**
 * One stored run record, as {@link RecordReader} reads it: a line of a result store (the
 * {@link RunRecord} fields, then the store's {@code sweep}, {@code coordinates} and {@code cell}),
 * or a record on its own ({@code run --format json}), which has no store fields.
 *
 * @param line the line number in its file (from 1; 1 for a record on its own)
 * @param sweep the name of the sweep that produced it (null outside a sweep)
 * @param coordinates the run's axis values as text, in axis order (label included; empty outside
 *     a sweep)
 * @param cell the stable text key of the coordinates ({@link SweepRun#cellKey} of them when the
 *     line has none); runs differing only in seed share it
 * @param record the run record
 */
public record StoredRun(int line, String sweep, Map<String, String> coordinates, String cell,
    RunRecord record) {

  /** Keeps the coordinates in order, unmodifiable; derives a missing cell key from them. */
  public StoredRun {
    coordinates = Collections.unmodifiableMap(new LinkedHashMap<>(coordinates));
    cell = cell != null ? cell : SweepRun.cellKey(coordinates);
  }
}
