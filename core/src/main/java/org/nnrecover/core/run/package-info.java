/**
 * One run from spec to record: resolves plugins, makes the data, initializes, optimizes, measures
 * recovery, and writes everything that happened into a {@link org.nnrecover.core.run.RunRecord}.
 */
package org.nnrecover.core.run;
