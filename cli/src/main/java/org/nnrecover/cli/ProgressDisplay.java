package org.nnrecover.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nnrecover.core.ablation.Progress;
import org.nnrecover.core.ablation.ProgressListener;
import org.nnrecover.core.run.Metrics;
import org.nnrecover.core.run.RunRecord;
import org.nnrecover.core.sweep.SweepRun;

/**
 * Shows an ablation's progress: a redrawn progress bar (done/total, failures, ETA) when a person
 * watches a terminal, one plain line per finished run otherwise (logs, pipes, CI).
 */
abstract class ProgressDisplay implements ProgressListener, AutoCloseable {

  /** The display that fits where the output goes. */
  static ProgressDisplay forTerminal(String task, int total, Set<String> varyingKeys,
      PrintWriter out) {
    return System.console() != null ? new Bar(task, total) : new Lines(out, varyingKeys);
  }

  @Override
  public void close() {}

  /** A duration as 4.2s, 3m05s or 2h07m. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", seconds);
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }

  /** A terminal progress bar (me.tongfei:progressbar) on standard error. */
  private static final class Bar extends ProgressDisplay {
    private final ProgressBar bar;
    private volatile Optional<Duration> eta = Optional.empty();

    Bar(String task, int total) {
      bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
          .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
          .setUpdateIntervalMillis(500)
          // the bar's own ETA assumes equal runs; ours weighs them by estimated cost
          .setEtaFunction(state -> eta)
          .build();
      bar.setExtraMessage("failures 0");
    }

    @Override
    public void finished(SweepRun run, RunRecord record, Progress progress) {
      eta = progress.etaSeconds().isPresent()
          ? Optional.of(Duration.ofMillis(Math.round(progress.etaSeconds().getAsDouble() * 1000)))
          : Optional.empty();
      bar.setExtraMessage("failures " + progress.failures());
      bar.stepTo(progress.done());
    }

    @Override
    public void close() {
      bar.close();
    }
  }

  /** One line per finished run, naming its cell by the keys that vary in the sweep. */
  private static final class Lines extends ProgressDisplay {
    private final PrintWriter out;
    private final Set<String> varyingKeys;

    Lines(PrintWriter out, Set<String> varyingKeys) {
      this.out = out;
      this.varyingKeys = varyingKeys;
    }

    private String cell(SweepRun run) {
      StringJoiner cell = new StringJoiner(", ");
      run.coordinates().forEach((key, value) -> {
        if (varyingKeys.contains(key)) {
          cell.add(key + "=" + value);
        }
      });
      return cell.length() == 0 ? run.cell() : cell.toString();
    }

    @Override
    public void finished(SweepRun run, RunRecord record, Progress progress) {
      int width = String.valueOf(progress.total()).length();
      Metrics fin = record.finalMetrics();
      out.printf(Locale.ROOT, "[%" + width + "d/%d] %s seed %d: %s%s, %s; failures %d, ETA %s%n",
          progress.done(), progress.total(), cell(run), run.spec().seed(), record.outcome(),
          fin == null || fin.unitError() == null ? ""
              : String.format(Locale.ROOT, ", unitError %.3g", fin.unitError()),
          duration(record.seconds()), progress.failures(),
          progress.etaSeconds().isPresent() ? duration(progress.etaSeconds().getAsDouble()) : "?");
      out.flush();
    }
  }
}
