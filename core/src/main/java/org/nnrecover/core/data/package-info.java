/**
 * Problem data: seeded random streams, the teacher networks of the paper's experiments, sample
 * generation, and reading and writing samples (CSV, NumPy .npy) and ground truth (JSON) files.
 * Malformed files are refused with the file name, the line or byte offset, and what was wrong; no
 * row is ever dropped silently.
 */
package org.nnrecover.core.data;
