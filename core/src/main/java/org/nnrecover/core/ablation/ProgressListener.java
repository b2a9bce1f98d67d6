package org.nnrecover.core.ablation;

import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.sweep.SweepRun;

/**
 * Hears about an ablation as it goes. Calls come from worker threads, one at a time (the runner
 * serializes them), so implementations need no locking of their own.
 */
public interface ProgressListener {
  /** A run is starting. */
  default void started(SweepRun run, Progress progress) {}

  /** A run finished and its record is on disk. */
  default void finished(SweepRun run, RunRecord record, Progress progress) {}

  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() {};
}
