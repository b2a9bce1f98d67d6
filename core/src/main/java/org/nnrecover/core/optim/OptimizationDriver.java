package org.nnrecover.core.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleBiFunction;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.Objective;
import org.nnrecover.api.OptimizationProblem;
import org.nnrecover.api.Optimizer;
import org.nnrecover.api.ParameterLayout;
import org.nnrecover.api.numerics.Vectors;
import org.nnrecover.core.optim.OptimizationResult.Failure;

/**
 * Runs one optimizer on one objective under the core's stop rules: counts evaluations, checks the
 * rules and divergence after every reported iteration, records the trace, and turns every ending
 * into an {@link OptimizationResult} (never an exception).
 *
 * <p>Honest endings: a non-finite point or step from the optimizer, an exception it throws, or a
 * non-finite objective that the {@link NonFiniteExplainer} traces to the objective's plugin end the
 * run as {@link StopReason#FAILED} naming the plugin; {@link StopReason#DIVERGED} is kept for a
 * blow-up (the divergence bound, or an overflow the explainer finds legitimate). Every ending keeps
 * the iterations, the trace so far and the best iterate.
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

  /**
   * Says whether a non-finite objective at a finite point is a plugin's fault (the activation
   * returning NaN, say) rather than an overflow of a legitimate blow-up.
   */
  @FunctionalInterface
  public interface NonFiniteExplainer {
    /** The failure to blame for a non-finite objective at {@code point}, or null for a blow-up. */
    Failure explain(double[] point);
  }

  /** The Gauss-Newton product of a least-squares objective, one pass over the samples. */
  @FunctionalInterface
  public interface GaussNewtonOperator {
    /** {@code out = (1/n) J(point)^T J(point) direction}. */
    void apply(double[] point, double[] direction, double[] out);
  }

  /**
   * Thrown inside {@link #evaluate} once the run must end (the evaluation budget is gone, the
   * objective failed, or the optimizer evaluates after being told to stop); caught by run. The stop
   * reason is set before it is thrown, so an optimizer that catches it changes nothing.
   */
  private static final class RunStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RunStopped() {
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
  private ParameterLayout layout;
  private SplittableRandom random = new SplittableRandom(0);
  private GaussNewtonOperator gaussNewton;
  private NonFiniteExplainer explainer = point -> null;
  private String optimizerName = "the optimizer";
  private String objectiveName = "the objective";

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
  private double[] bestPoint;
  private double bestObjective;
  private Failure failure;
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

  /** Describes the parameter vector to the optimizer (default: one block). */
  public OptimizationDriver withLayout(ParameterLayout layout) {
    if (layout.dimension() != start.length) {
      throw new IllegalArgumentException("layout has dimension " + layout.dimension()
          + ", the objective " + start.length);
    }
    this.layout = layout;
    return this;
  }

  /** The optimizer's own random stream (default: seed 0). */
  public OptimizationDriver withRandom(SplittableRandom random) {
    this.random = random;
    return this;
  }

  /**
   * Offers the Gauss-Newton product to the optimizer; it must belong to the same objective (and is
   * withheld while resampling, since the batch it would use is not the objective's).
   */
  public OptimizationDriver withGaussNewton(GaussNewtonOperator operator) {
    this.gaussNewton = operator;
    return this;
  }

  /** Decides whom to blame for a non-finite objective (default: nobody, a blow-up). */
  public OptimizationDriver withNonFiniteExplainer(NonFiniteExplainer explainer) {
    this.explainer = explainer;
    return this;
  }

  /** Names the optimizer and the objective's plugin in failure messages. */
  public OptimizationDriver withNames(String optimizer, String objective) {
    this.optimizerName = optimizer;
    this.objectiveName = objective;
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
    lastPoint = start.clone();
    bestPoint = start.clone();
    try {
      startObjective = objective.evaluate(start, gradient);
    } catch (RuntimeException e) {
      startObjective = Double.NaN;
      fail(new Failure(objectiveName, objectiveName + " failed at the start point: " + e));
    }
    startGradientNorm = Vectors.norm(gradient);
    lastObjective = startObjective;
    lastFiniteObjective = startObjective;
    bestObjective = startObjective;
    if (Double.isNaN(reference)) {
      reference = startObjective;
    }
    divergenceBound = rules.divergenceFactor() * Math.max(startObjective, reference);
    addTraceRow(start, startObjective, startGradientNorm, 0);
    if (stopReason == null
        && !(Double.isFinite(startObjective) && !Double.isNaN(startGradientNorm))) {
      Failure blame = explainer.explain(start);
      if (blame != null) {
        fail(blame);
      } else {
        stopReason = StopReason.DIVERGED;
      }
    }
    if (stopReason == null) {
      iterationStarted.accept(1);
      try {
        optimizer.minimize(this);
      } catch (RunStopped e) {
        // the reason was recorded before the signal was thrown
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        if (stopReason == null) {
          fail(new Failure(optimizerName, optimizerName + " failed: " + e));
        }
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
        Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics)), seconds(), startObjective,
        bestPoint.clone(), bestObjective, failure);
  }

  private void fail(Failure why) {
    failure = why;
    stopReason = StopReason.FAILED;
  }

  @Override
  public int dimension() {
    return objective.dimension();
  }

  @Override
  public double evaluate(double[] point, double[] gradient) {
    countEvaluation();
    try {
      return objective.evaluate(point, gradient);
    } catch (RuntimeException e) {
      throw objectiveFailed(e);
    }
  }

  @Override
  public double value(double[] point) {
    countEvaluation();
    try {
      return objective.value(point);
    } catch (RuntimeException e) {
      throw objectiveFailed(e);
    }
  }

  @Override
  public boolean supportsGaussNewton() {
    return gaussNewton != null && !resamples;
  }

  @Override
  public void gaussNewtonProduct(double[] point, double[] direction, double[] out) {
    if (!supportsGaussNewton()) {
      OptimizationProblem.super.gaussNewtonProduct(point, direction, out);
    }
    countEvaluation();
    try {
      gaussNewton.apply(point, direction, out);
    } catch (RuntimeException e) {
      throw objectiveFailed(e);
    }
  }

  private RunStopped objectiveFailed(RuntimeException e) {
    fail(new Failure(objectiveName, objectiveName + " failed: " + e));
    return new RunStopped();
  }

  /**
   * Counts one pass over the samples; once the run must end (budget gone, or the optimizer was
   * already told to stop) records why, then throws the stop signal.
   */
  private void countEvaluation() {
    if (stopReason == null && evaluations >= rules.maxEvaluations()) {
      stopReason = StopReason.MAX_EVALUATIONS;
    }
    if (stopReason != null) {
      throw new RunStopped();
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
      return false; // the run has ended (for example the budget signal was caught)
    }
    iterations++;
    lastGradientNorm = gradientNorm;
    lastStep = step;
    int bad = firstNonFinite(point);
    if (bad >= 0 || Double.isNaN(step)) {
      fail(new Failure(optimizerName, optimizerName + " stepped to a non-finite point at "
          + "iteration " + iterations + (bad >= 0 ? " (entry " + bad + " is " + point[bad] + ")"
              : " (it reported the step " + step + ")")));
      return false;
    }
    if (!Double.isFinite(value) || Double.isNaN(gradientNorm)) {
      Failure blame = explainer.explain(point);
      lastObjective = value;
      if (blame != null) {
        fail(blame);
      } else {
        stopReason = StopReason.DIVERGED;
      }
      addTraceRow(point, value, gradientNorm, step);
      return false;
    }
    if (value > divergenceBound) {
      lastObjective = value;
      stopReason = StopReason.DIVERGED;
      addTraceRow(point, value, gradientNorm, step);
      return false;
    }
    if (value < bestObjective) {
      bestObjective = value;
      System.arraycopy(point, 0, bestPoint, 0, point.length);
    }
    double change = Vectors.distance(point, lastPoint) / Math.max(Vectors.norm(lastPoint), 1e-300);
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

  @Override
  public ParameterLayout layout() {
    return layout != null ? layout : OptimizationProblem.super.layout();
  }

  @Override
  public int iteration() {
    return iterations;
  }

  @Override
  public SplittableRandom random() {
    return random;
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
    return firstNonFinite(x) < 0;
  }

  /** Index of the first NaN or infinite entry, -1 when there is none. */
  private static int firstNonFinite(double[] x) {
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        return i;
      }
    }
    return -1;
  }
}
