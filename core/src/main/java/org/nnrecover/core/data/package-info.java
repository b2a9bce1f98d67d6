/**
 * Reading and writing sample sets and ground-truth networks made by other tools: samples as CSV
 * (columns x1..xd, then y) or NumPy {@code .npy} (float64, n x (d+1)), ground truth as JSON
 * ({@code W} as d rows of k numbers, {@code v} as k numbers). Readers are strict: a malformed file
 * is refused with a {@link org.nnrecover.core.data.DataFileException} naming the file, the line or
 * byte offset, and what was wrong; no row is ever dropped silently.
 */
package org.nnrecover.core.data;
