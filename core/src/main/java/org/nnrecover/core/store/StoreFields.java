package org.nnrecover.core.store;

import java.util.LinkedHashMap;

/**
 * The fields a result store adds after a run record's own on each line, written and read as one
 * type so that the two cannot drift apart.
 *
 * @param sweep the sweep name
 * @param coordinates the run's axis values as text, in axis order
 * @param cell the text key of the coordinates
 */
record StoreFields(String sweep, LinkedHashMap<String, String> coordinates, String cell) {}
