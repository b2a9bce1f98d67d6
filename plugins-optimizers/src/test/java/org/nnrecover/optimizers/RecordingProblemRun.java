package org.nnrecover.optimizers;

import org.nnrecover.api.Objective;
import org.nnrecover.api.Optimizer;
import org.nnrecover.core.optim.OptimizationDriver;
import org.nnrecover.core.optim.OptimizationResult;
import org.nnrecover.core.optim.StopRules;

/** A driver run whose optimizer sees a {@link RecordingProblem} around the core's problem. */
record RecordingProblemRun(OptimizationResult result, RecordingProblem problem) {

  static RecordingProblemRun run(Objective objective, double[] start, StopRules rules,
      Optimizer optimizer) {
    RecordingProblem[] recording = new RecordingProblem[1];
    OptimizationResult result = new OptimizationDriver(objective, start, rules).run(problem -> {
      recording[0] = new RecordingProblem(problem);
      optimizer.minimize(recording[0]);
    });
    return new RecordingProblemRun(result, recording[0]);
  }

  static RecordingProblemRun run(Objective objective, double[] start, int iterations,
      Optimizer optimizer) {
    return run(objective, start, StopRules.iterations(iterations), optimizer);
  }
}
