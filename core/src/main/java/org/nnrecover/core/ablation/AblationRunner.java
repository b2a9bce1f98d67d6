package org.nnrecover.core.ablation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.run.Outcome;
import org.nnrecover.core.run.ResolvedSpec;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.run.RunSpec;
import org.nnrecover.core.run.Runner;
import org.nnrecover.core.run.SpecLimits;
import org.nnrecover.core.store.ResultStore;
import org.nnrecover.core.sweep.Sweep;
import org.nnrecover.core.sweep.SweepRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sweep on a fixed number of threads and appends every finished run to a result store.
 *
 * <p>Each worker thread owns a {@link Runner} over a single-thread {@link BlockExecutor}, so runs
 * execute side by side rather than competing for the cores inside one run; a run's numbers depend
 * only on its spec (the block partition is fixed by n), never on the thread count or the order.
 * Runs are taken largest estimated cost first (n d k times the iteration budget: the LPT rule), so
 * that the long runs start early and the short ones fill the gaps at the end. Runs already in the
 * store are skipped. A run that fails, is refused or diverges is recorded with that outcome and the
 * sweep goes on; only a store that cannot be written stops it.
 */
public final class AblationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(AblationRunner.class);
  /**
   * Outcomes counted as failures: a plugin that threw or refused. A divergence is a result of the
   * mathematics (approach III of Figure 1c diverges from some starts), not a failure of the run.
   */

  private final PluginRegistry registry;
  private final int threads;

  /**
   * @param registry the plugins the sweep's specs were resolved in
   * @param threads runs executed at the same time, in 1..{@link SpecLimits#MAX_THREADS}
   */
  public AblationRunner(PluginRegistry registry, int threads) {
    this.registry = registry;
    this.threads = SpecLimits.checkThreads("threads", threads);
  }

  /**
   * The estimated cost of a run: n d k times the optimizer's iteration budget (one gradient pass
   * costs O(n d k)). Only the order matters.
   */
  public static double estimatedCost(ResolvedSpec resolved) {
    double iterations = resolved.stop().getInt("max-iterations");
    return Math.max(1.0, resolved.spec().n()) * Math.max(1, resolved.spec().d())
        * resolved.spec().k() * iterations;
  }

  /** The runs of {@code sweep} not yet in {@code store}, largest estimated cost first. */
  public static List<SweepRun> pending(Sweep sweep, ResultStore store) {
    List<SweepRun> todo = new ArrayList<>();
    for (SweepRun run : sweep.runs()) {
      if (!store.contains(run.spec())) {
        todo.add(run);
      }
    }
    todo.sort(Comparator.comparingDouble((SweepRun run) -> estimatedCost(run.resolved()))
        .reversed());
    return todo;
  }

  /**
   * Runs one run of a sweep and returns its record; never throws for a failing run. The runner
   * reports plugin failures in the record; what it throws (a data file that became unreadable
   * since validation) is recorded as a failed run too, so that the sweep goes on. This is the whole
   * of what a sweep does per run, shared by every way of executing sweeps (threads here, Spark
   * tasks in the spark module), so that their records are identical.
   */
  public static RunRecord runOne(Runner runner, SweepRun run) {
    long start = System.nanoTime();
    try {
      return runner.run(run.resolved());
    } catch (RuntimeException e) {
      LOG.warn("run {} seed {} failed before it started: {}", run.cell(), run.spec().seed(),
          e.toString());
      return failedRecord(run.spec(), run.resolved().recordedParams(),
          "run failed: " + e.getMessage(), (System.nanoTime() - start) * 1e-9);
    }
  }

  /**
   * The record of a run that failed before its plugins ran.
   *
   * @param params the run's resolved parameters as records keep them (empty when the spec could
   *     not be resolved)
   * @param message why it failed
   * @param seconds how long it took
   */
  public static RunRecord failedRecord(RunSpec spec, Map<String, Map<String, Object>> params,
      String message, double seconds) {
    return new RunRecord(spec, params, null, Outcome.FAILED, null, message, null, null, null,
        0, 0, seconds, Map.of(), Map.of(), List.of());
  }

  /**
   * Runs every run of {@code sweep} not yet in {@code store}.
   *
   * @throws java.io.UncheckedIOException when the store cannot be written (the records written
   *     before stay on disk)
   */
  public AblationSummary run(Sweep sweep, ResultStore store, ProgressListener listener) {
    List<SweepRun> todo = pending(sweep, store);
    Session session = new Session(sweep.name(), todo, store, listener);
    int workers = Math.min(threads, Math.max(1, todo.size()));
    ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
      Thread thread = new Thread(runnable, "nnrecover-ablation");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(session::work));
      }
      for (Future<?> future : futures) {
        await(future);
      }
    } finally {
      pool.shutdownNow();
    }
    return session.summary(sweep.runs().size() - todo.size());
  }

  private static void await(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the ablation was running", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The shared state of one call to {@link #run}. */
  private final class Session {
    private final String sweepName;
    private final List<SweepRun> todo;
    private final ResultStore store;
    private final ProgressListener listener;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final long startNanos = System.nanoTime();
    private final double totalCost;
    private final Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
    private double doneCost;
    private int done;
    private int failures;

    Session(String sweepName, List<SweepRun> todo, ResultStore store, ProgressListener listener) {
      this.sweepName = sweepName;
      this.todo = todo;
      this.store = store;
      this.listener = listener;
      this.totalCost = todo.stream().mapToDouble(run -> estimatedCost(run.resolved())).sum();
    }

    void work() {
      try (BlockExecutor executor = new BlockExecutor(1)) {
        Runner runner = new Runner(registry, executor);
        for (int i = next.getAndIncrement(); i < todo.size() && !stopped.get();
            i = next.getAndIncrement()) {
          SweepRun run = todo.get(i);
          synchronized (this) {
            listener.started(run, progress());
          }
          RunRecord record = runOne(runner, run);
          try {
            store.append(record, sweepName, run.coordinates(), run.cell());
          } catch (RuntimeException e) {
            stopped.set(true);
            throw e;
          }
          synchronized (this) {
            done++;
            doneCost += estimatedCost(run.resolved());
            byOutcome.merge(record.outcome(), 1, Integer::sum);
            if (record.outcome().isFailure()) {
              failures++;
            }
            listener.finished(run, record, progress());
          }
        }
      }
    }

    private Progress progress() {
      double elapsed = (System.nanoTime() - startNanos) * 1e-9;
      OptionalDouble eta = doneCost > 0
          ? OptionalDouble.of(elapsed * (totalCost - doneCost) / doneCost)
          : OptionalDouble.empty();
      return new Progress(done, todo.size(), failures, elapsed, eta);
    }

    synchronized AblationSummary summary(int skipped) {
      return new AblationSummary(done, skipped, new EnumMap<>(byOutcome), failures,
          (System.nanoTime() - startNanos) * 1e-9);
    }
  }
}
