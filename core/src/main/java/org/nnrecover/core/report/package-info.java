/**
 * Reporting over a result store: reads the run records of {@code runs.jsonl} (each with the sweep's
 * coordinates), groups them into cells (seeds aggregated), summarizes each cell with medians and
 * interquartile ranges, and prepares the data of convergence curves, heat maps and box plots. It
 * draws nothing: the charts are the command line's job.
 */
package org.nnrecover.core.report;
