package org.nnrecover.core.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleBiFunction;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.Objective;
import org.nnrecover.api.OptimizationProblem;
import org.nnrecover.api.Optimizer;

/**
 * Runs one optimizer on one objective under the core's stop rules: counts evaluations, checks the
 * rules and divergence after every reported iteration, records the trace, and turns every ending
 * into an {@link OptimizationResult} (never an exception).
 *
 * <p>Lifecycle: configure with the {@code with*} methods, then call {@link #run(Optimizer)} once.
 * Not thread-safe.
 */
public final class OptimizationDriver implements OptimizationProblem {

  /** Measures the error of an iterate against a known truth: index 0 unit error, 1 Frobenius. */
  @FunctionalInterface
  public interface ErrorProbe {
    /** Writes the unit and Frobenius errors of {@code point} into {@code out[0]}, {@code out[1]}. */
    void measure(double[] point, double[] out);
  }

  /** Thrown inside {@link #evaluate} when the evaluation budget is gone; caught by run. */
  private static final class EvaluationBudgetExhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EvaluationBudgetExhausted() {
      super(null, null, false, false);
    }
  }

  private final Objective objective;
  private final double[] start;
  private final StopRules rules;
  private double reference = Double.NaN;
  private Consumer<double[]> projection = point -> {};
  private IntConsumer iterationStarted = iteration -> {};
  private ErrorProbe errorProbe = null;
  private int traceEvery = 1;
  private double lastGradientNorm;
  private double lastStep;
  private boolean resamples = false;

  private final Map<String, Object> diagnostics = new LinkedHashMap<>();
  private final List<TraceRow> trace = new ArrayList<>();
  private final double[] errors = {Double.NaN, Double.NaN};
  private long evaluations;
  private int iterations;
  private double startObjective;
  private double startGradientNorm;
  private double divergenceBound;
  private double[] lastPoint;
  private double lastObjective;
  private double lastFiniteObjective;
  private StopReason stopReason;
  private long startNanos;
  private boolean used;

  /**
   * @param objective the function to minimize
   * @param start the start point (copied)
   * @param rules stop rules and budgets
   */
  public OptimizationDriver(Objective objective, double[] start, StopRules rules) {
    if (start.length != objective.dimension()) {
      throw new IllegalArgumentException("start point has length " + start.length
          + ", the objective expects " + objective.dimension());
    }
    this.objective = objective;
    this.start = start.clone();
    this.rules = rules;
  }

  /**
   * Sets the reference value for the relative objective rule (the zero network's loss); the
   * default is the objective at the start point.
   */
  public OptimizationDriver withReference(double referenceObjective) {
    this.reference = referenceObjective;
    return this;
  }

  /** Sets the projection applied by {@link #project}, for example v back to signs. */
  public OptimizationDriver withProjection(Consumer<double[]> projection) {
    this.projection = projection;
    return this;
  }

  /**
   * Called with the iteration number (1, 2, ...) before each iteration starts, for example to move
   * a resampling objective to a fresh batch.
   */
  public OptimizationDriver onIterationStart(IntConsumer listener) {
    this.iterationStarted = listener;
    return this;
  }

  /**
   * Declares that the objective changes at every iteration (the listener of
   * {@link #onIterationStart} moves it to a fresh batch), so that optimizers know to re-evaluate
   * their current point before comparing values; see {@link OptimizationProblem#resamples()}.
   */
  public OptimizationDriver withResampling(boolean changesEveryIteration) {
    this.resamples = changesEveryIteration;
    return this;
  }

  /** Adds unit and Frobenius errors against a known truth to every trace row. */
  public OptimizationDriver withErrorProbe(ErrorProbe probe) {
    this.errorProbe = probe;
    return this;
  }

  /**
   * Keeps every {@code every}-th iteration in the trace (default 1: all); the start and the last
   * iteration are always kept. 0 keeps no trace.
   */
  public OptimizationDriver withTraceEvery(int every) {
    if (every < 0) {
      throw new IllegalArgumentException("trace interval must be >= 0, got " + every);
    }
    this.traceEvery = every;
    return this;
  }

  /** Runs the optimizer to its end and returns what happened. */
  public OptimizationResult run(Optimizer optimizer) {
    if (used) {
      throw new IllegalStateException("an OptimizationDriver runs once");
    }
    used = true;
    startNanos = System.nanoTime();
    double[] gradient = new double[start.length];
    // Bookkeeping evaluation for trace row 0 and the divergence bound: not charged to the
    // optimizer, so every optimizer's count starts at zero.
    startObjective = objective.evaluate(start, gradient);
    startGradientNorm = norm(gradient);
    lastPoint = start.clone();
    lastObjective = startObjective;
    lastFiniteObjective = startObjective;
    if (Double.isNaN(reference)) {
      reference = startObjective;
    }
    divergenceBound = rules.divergenceFactor() * Math.max(startObjective, reference);
    addTraceRow(start, startObjective, startGradientNorm, 0);
    if (!Double.isFinite(startObjective)) {
      stopReason = StopReason.DIVERGED;
    } else {
      iterationStarted.accept(1);
      try {
        optimizer.minimize(this);
      } catch (EvaluationBudgetExhausted e) {
        stopReason = StopReason.MAX_EVALUATIONS;
      }
      if (stopReason == null) {
        stopReason = StopReason.OPTIMIZER_STOPPED;
      }
    }
    boolean lastKept = !trace.isEmpty() && trace.get(trace.size() - 1).iteration() == iterations;
    if (traceEvery > 0 && !lastKept) {
      addTraceRow(lastPoint, lastObjective, lastGradientNorm, lastStep);
    }
    return new OptimizationResult(lastPoint.clone(), lastObjective, iterations, evaluations,
        stopReason, lastFiniteObjective, List.copyOf(trace),
        Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics)), seconds());
  }

  @Override
  public int dimension() {
    return objective.dimension();
  }

  @Override
  public double evaluate(double[] point, double[] gradient) {
    countEvaluation();
    return objective.evaluate(point, gradient);
  }

  @Override
  public double value(double[] point) {
    countEvaluation();
    return objective.value(point);
  }

  private void countEvaluation() {
    if (stopReason != null) {
      throw new IllegalStateException("the optimizer evaluated after report() returned false");
    }
    if (evaluations >= rules.maxEvaluations()) {
      throw new EvaluationBudgetExhausted();
    }
    evaluations++;
  }

  @Override
  public double[] start() {
    return start.clone();
  }

  @Override
  public void project(double[] point) {
    projection.accept(point);
  }

  @Override
  public boolean report(double[] point, double value, double gradientNorm, double step) {
    if (stopReason != null) {
      throw new IllegalStateException("the optimizer reported after report() returned false");
    }
    iterations++;
    lastGradientNorm = gradientNorm;
    lastStep = step;
    if (!Double.isFinite(value) || value > divergenceBound) {
      lastObjective = value;
      stopReason = StopReason.DIVERGED;
      addTraceRow(point, value, gradientNorm, step);
      return false;
    }
    double change = distance(point, lastPoint) / Math.max(norm(lastPoint), 1e-300);
    System.arraycopy(point, 0, lastPoint, 0, point.length);
    lastObjective = value;
    lastFiniteObjective = value;
    if (traceEvery > 0 && iterations % traceEvery == 0) {
      addTraceRow(point, value, gradientNorm, step);
    }
    if (rules.objectiveTolerance() > 0 && value / reference < rules.objectiveTolerance()) {
      stopReason = StopReason.OBJECTIVE_TOLERANCE;
    } else if (rules.gradientTolerance() > 0
        && gradientNorm <= rules.gradientTolerance() * startGradientNorm) {
      stopReason = StopReason.GRADIENT_TOLERANCE;
    } else if (rules.changeTolerance() > 0 && change < rules.changeTolerance()) {
      stopReason = StopReason.CHANGE_TOLERANCE;
    } else if (iterations >= rules.maxIterations()) {
      stopReason = StopReason.MAX_ITERATIONS;
    }
    if (stopReason != null) {
      return false;
    }
    iterationStarted.accept(iterations + 1);
    return true;
  }

  @Override
  public boolean resamples() {
    return resamples;
  }

  @Override
  public Diagnostics diagnostics() {
    return diagnostics::put;
  }

  private void addTraceRow(double[] point, double value, double gradientNorm, double step) {
    if (traceEvery == 0) {
      return;
    }
    if (errorProbe != null && allFinite(point)) {
      errorProbe.measure(point, errors);
    }
    trace.add(new TraceRow(iterations, value, gradientNorm, step, evaluations,
        errorProbe == null ? Double.NaN : errors[0], errorProbe == null ? Double.NaN : errors[1],
        seconds()));
  }

  private double seconds() {
    return (System.nanoTime() - startNanos) * 1e-9;
  }

  private static boolean allFinite(double[] x) {
    for (double value : x) {
      if (!Double.isFinite(value)) {
        return false;
      }
    }
    return true;
  }

  /** Euclidean norm. */
  public static double norm(double[] x) {
    double s = 0;
    for (double value : x) {
      s += value * value;
    }
    return Math.sqrt(s);
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double t = a[i] - b[i];
      s += t * t;
    }
    return Math.sqrt(s);
  }
}
