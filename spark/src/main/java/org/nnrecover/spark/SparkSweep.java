package org.nnrecover.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.nnrecover.core.ablation.AblationRunner;
import org.nnrecover.core.ablation.AblationSummary;
import org.nnrecover.core.run.Outcome;
import org.nnrecover.core.store.RecordReader;
import org.nnrecover.core.store.ResultStore;
import org.nnrecover.core.sweep.Sweep;
import org.nnrecover.core.sweep.SweepRun;
import scala.collection.Iterator;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Runs a sweep as one Spark job with one task per run, and appends each run's record to the
 * result store on the driver as soon as its task finishes (Spark's result handler is called per
 * finished task, not at the end of the job), so a driver killed mid-sweep loses only the runs that
 * had not finished and {@code --resume} takes up the rest, exactly as after a local {@code ablate}.
 *
 * <p>The tasks are ordered as a local sweep takes its runs (largest estimated cost first) and
 * carry only their spec; executors make the data. A run is recorded once even when its task ran
 * twice: the store drops a second line for a spec it already holds.
 */
public final class SparkSweep {
  private final JavaSparkContext spark;
  private final List<String> pluginFiles;

  /**
   * @param spark the Spark context
   * @param pluginFiles the names of the plugin jars shipped with {@link #ship}
   */
  public SparkSweep(JavaSparkContext spark, List<String> pluginFiles) {
    this.spark = spark;
    this.pluginFiles = List.copyOf(pluginFiles);
  }

  /**
   * Ships plugin jars to every executor ({@code SparkContext.addFile}); executors load them as
   * the local path loads {@code --plugins} folders.
   *
   * @return the file names the executors find them by
   * @throws IllegalArgumentException when two jars share a file name
   */
  public static List<String> ship(JavaSparkContext spark, List<Path> jars) {
    Map<String, Path> byName = new LinkedHashMap<>();
    for (Path jar : jars) {
      Path other = byName.put(jar.getFileName().toString(), jar);
      if (other != null) {
        throw new IllegalArgumentException("plugin jars " + other + " and " + jar + " have the "
            + "same file name; executors find shipped jars by file name, rename one");
      }
    }
    byName.values().forEach(jar -> spark.addFile(jar.toAbsolutePath().toString()));
    return List.copyOf(byName.keySet());
  }

  /** Called on the driver as each run is recorded. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param done runs recorded so far in this session
     * @param total runs to record in this session
     * @param run the run just recorded
     * @param outcome its outcome
     */
    void recorded(int done, int total, SweepRun run, Outcome outcome);
  }

  /**
   * Runs every run of {@code sweep} not yet in {@code store}.
   *
   * @throws org.apache.spark.SparkException (undeclared) when the job fails as a whole (the
   *     records written before stay on disk)
   */
  public AblationSummary run(Sweep sweep, ResultStore store, Listener listener) {
    List<SweepRun> todo = AblationRunner.pending(sweep, store);
    return execute(sweep.name(), todo, store, sweep.runs().size() - todo.size(), listener);
  }

  /** Runs {@code runs} (one task each, in this order) into {@code store}. */
  AblationSummary execute(String sweepName, List<SweepRun> runs, ResultStore store, int skipped,
      Listener listener) {
    long start = System.nanoTime();
    Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
    int[] recorded = new int[2]; // runs recorded, failures among them
    if (!runs.isEmpty()) {
      List<SweepTask> tasks = new ArrayList<>(runs.size());
      runs.forEach(run -> tasks.add(SweepTask.of(sweepName, run)));
      JavaRDD<SweepTask> rdd = spark.parallelize(tasks, tasks.size()).setName("sweep " + sweepName);
      spark.setJobDescription("nnrecover sweep " + sweepName + ": " + runs.size() + " runs");
      spark.sc().runJob(rdd.rdd(), new RunTask(pluginFiles),
          new AbstractFunction2<Object, String, BoxedUnit>() {
            @Override
            public BoxedUnit apply(Object partition, String line) {
              // called on the driver, once per finished task, while the job goes on
              SweepRun run = runs.get((Integer) partition);
              if (store.appendLine(run.spec(), line)) {
                // read back by the one record reader: the executor wrote it with the same code
                Outcome outcome = RecordReader.read(line, 1, "the record of run " + run.cell()
                    + " seed " + run.spec().seed() + " from its executor").record().outcome();
                byOutcome.merge(outcome, 1, Integer::sum);
                recorded[0]++;
                recorded[1] += outcome.isFailure() ? 1 : 0;
                listener.recorded(recorded[0], runs.size(), run, outcome);
              }
              return BoxedUnit.UNIT;
            }
          }, ClassTag$.MODULE$.apply(String.class));
    }
    return new AblationSummary(recorded[0], skipped, byOutcome, recorded[1],
        (System.nanoTime() - start) * 1e-9);
  }

  /** The task: the partition's one run, carried out on the executor. */
  private static final class RunTask
      extends AbstractFunction2<TaskContext, Iterator<SweepTask>, String>
      implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ArrayList<String> pluginFiles;

    RunTask(List<String> pluginFiles) {
      this.pluginFiles = new ArrayList<>(pluginFiles);
    }

    @Override
    public String apply(TaskContext context, Iterator<SweepTask> tasks) {
      return ExecutorRuns.execute(tasks.next(), pluginFiles);
    }
  }
}
