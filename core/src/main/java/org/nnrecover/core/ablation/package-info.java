/**
 * The ablation engine: runs the specs of a sweep in parallel, largest first, each on its own
 * single-threaded runner so that every record depends only on its spec, appends each finished run
 * to a result store and reports progress.
 */
package org.nnrecover.core.ablation;
