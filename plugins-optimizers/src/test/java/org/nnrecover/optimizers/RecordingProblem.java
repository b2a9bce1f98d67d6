package org.nnrecover.optimizers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.OptimizationProblem;
import org.nnrecover.api.ParameterLayout;

/**
 * Passes everything through to the core's problem and remembers, for every reported iterate, the
 * value and gradient the optimizer evaluated there, so that tests can check line-search conditions
 * between consecutive iterates independently of the optimizer's own bookkeeping.
 */
final class RecordingProblem implements OptimizationProblem {
  /** An iterate with the value and gradient evaluated at exactly that point. */
  record Iterate(double[] point, double value, double[] gradient) {}

  private final OptimizationProblem inner;
  private final List<Iterate> evaluated = new ArrayList<>();
  final List<Iterate> iterates = new ArrayList<>();

  RecordingProblem(OptimizationProblem inner) {
    this.inner = inner;
    double[] start = inner.start();
    double[] gradient = new double[start.length];
    // the value and gradient at the start, for checking the first step (one extra evaluation)
    iterates.add(new Iterate(start, inner.evaluate(start, gradient), gradient));
  }

  @Override
  public int dimension() {
    return inner.dimension();
  }

  @Override
  public double evaluate(double[] point, double[] gradient) {
    double value = inner.evaluate(point, gradient);
    evaluated.add(new Iterate(point.clone(), value, gradient.clone()));
    return value;
  }

  @Override
  public double[] start() {
    return inner.start();
  }

  @Override
  public void project(double[] point) {
    inner.project(point);
  }

  @Override
  public boolean report(double[] point, double value, double gradientNorm, double step) {
    for (int i = evaluated.size() - 1; i >= 0; i--) {
      if (Arrays.equals(evaluated.get(i).point(), point)) {
        iterates.add(evaluated.get(i));
        break;
      }
    }
    evaluated.clear();
    return inner.report(point, value, gradientNorm, step);
  }

  @Override
  public boolean resamples() {
    return inner.resamples();
  }

  @Override
  public Diagnostics diagnostics() {
    return inner.diagnostics();
  }

  @Override
  public ParameterLayout layout() {
    return inner.layout();
  }

  @Override
  public int iteration() {
    return inner.iteration();
  }

  @Override
  public SplittableRandom random() {
    return inner.random();
  }

  @Override
  public boolean supportsGaussNewton() {
    return inner.supportsGaussNewton();
  }

  @Override
  public void gaussNewtonProduct(double[] point, double[] direction, double[] out) {
    inner.gaussNewtonProduct(point, direction, out);
  }
}
