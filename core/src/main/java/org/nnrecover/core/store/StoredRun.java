package org.nnrecover.core.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.nnrecover.core.run.RunRecord;

/**
 * One line of a result store.
 *
 * @param line the line number in {@code runs.jsonl} (from 1)
 * @param sweep the name of the sweep that produced it
 * @param coordinates the run's axis values as text, in axis order (label included)
 * @param cell the stable text key of the coordinates; runs differing only in seed share it
 * @param record the run record
 * @param json the whole line as written (for fields newer than this reader)
 */
public record StoredRun(int line, String sweep, Map<String, String> coordinates, String cell,
    RunRecord record, ObjectNode json) {}
