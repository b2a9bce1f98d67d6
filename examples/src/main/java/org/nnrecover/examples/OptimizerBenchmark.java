package org.nnrecover.examples;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nnrecover.activations.SquaredRelu;
import org.nnrecover.api.Activation;
import org.nnrecover.api.Network;
import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.api.PluginKind;
import org.nnrecover.api.Samples;
import org.nnrecover.api.numerics.Vectors;
import org.nnrecover.core.data.SampleGenerator;
import org.nnrecover.core.data.Seeds;
import org.nnrecover.core.data.TeacherKind;
import org.nnrecover.core.data.Teachers;
import org.nnrecover.core.objective.NetworkJacobian;
import org.nnrecover.core.objective.NetworkObjective;
import org.nnrecover.core.optim.OptimizationDriver;
import org.nnrecover.core.optim.OptimizationResult;
import org.nnrecover.core.optim.StopRules;
import org.nnrecover.core.optim.TraceRow;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.plugin.PluginRegistry;

/**
 * Iterations, objective evaluations and wall time for every built-in optimizer to reach
 * frobError 1e-8 from the same start: squared ReLU, random teacher with kappa = 2, noise-free
 * samples, start = W* plus a Gaussian perturbation of relative Frobenius size 0.1 (the local
 * phase's regime; the identity permutation matches). Optimizers run with their default
 * parameters, found through the plugin registry as the command line finds them; gd and nesterov
 * also with the paper's fixed step 0.02 (the numbers recorded before step=auto became the
 * default). Every pass over the samples counts as an evaluation (a Gauss-Newton product too).
 *
 * <p>Usage: {@code OptimizerBenchmark [small|large|all] [threads]}.
 */
public final class OptimizerBenchmark {
  private static final double TARGET = 1e-8;
  private static final double PERTURBATION = 0.1;

  private static final Activation SQUARED_RELU = Activations.defaults(new SquaredRelu());

  private record Case(String optimizer, Map<String, String> params) {}

  private static final List<Case> CASES = List.of(
      new Case("gd", Map.of("step", "0.02")),
      new Case("gd", Map.of()),
      new Case("nesterov", Map.of("step", "0.02")),
      new Case("nesterov", Map.of()),
      new Case("line-search", Map.of()),
      new Case("line-search", Map.of("wolfe", "true")),
      new Case("lbfgs", Map.of()),
      new Case("gauss-newton", Map.of()));

  private OptimizerBenchmark() {}

  public static void main(String[] args) {
    String which = args.length > 0 ? args[0] : "all";
    int threads = args.length > 1 ? Integer.parseInt(args[1])
        : Runtime.getRuntime().availableProcessors();
    PluginRegistry registry = PluginRegistry.discover(OptimizerBenchmark.class.getClassLoader());
    System.out.println("| d | k | n | optimizer | iterations | evaluations | seconds |");
    System.out.println("|---|---|---|---|---|---|---|");
    try (BlockExecutor executor = new BlockExecutor(threads)) {
      if (!which.equals("large")) {
        benchmark(registry, executor, 10, 5, 10_000, 20_000);
      }
      if (!which.equals("small")) {
        benchmark(registry, executor, 100, 10, 100_000, 20_000);
      }
    }
  }

  private static void benchmark(PluginRegistry registry, BlockExecutor executor, int d, int k,
      int n, int maxIterations) {
    long seed = 2017;
    Network teacher = Teachers.make(TeacherKind.RANDOM, d, k, 2, Seeds.stream(seed, Seeds.TEACHER));
    Samples samples = SampleGenerator.generate(teacher, SQUARED_RELU, n, 0, seed);
    double[] truth = teacher.weights();
    double truthNorm = Vectors.norm(truth);
    double[] start = truth.clone();
    SplittableRandom random = new SplittableRandom(seed);
    double[] delta = new double[start.length];
    for (int i = 0; i < delta.length; i++) {
      delta[i] = random.nextGaussian();
    }
    double scale = PERTURBATION * truthNorm / Vectors.norm(delta);
    for (int i = 0; i < start.length; i++) {
      start[i] += scale * delta[i];
    }
    for (Case c : CASES) {
      OptimizerProvider provider =
          registry.provider(PluginKind.OPTIMIZER, c.optimizer(), OptimizerProvider.class);
      NetworkObjective objective = new NetworkObjective(samples, SQUARED_RELU, k,
          teacher.outputWeights(), false, 1, executor);
      OptimizationResult result = new OptimizationDriver(objective, start,
          new StopRules(maxIterations, Integer.MAX_VALUE, 0, 0, 1e-20, 1e12))
          .withReference(objective.zeroNetworkLoss())
          .withGaussNewton(new NetworkJacobian(samples, SQUARED_RELU, k, teacher.outputWeights(),
              false, executor)::gaussNewtonProduct)
          .withErrorProbe((point, out) -> {
            double s = 0;
            for (int i = 0; i < truth.length; i++) {
              s += (point[i] - truth[i]) * (point[i] - truth[i]);
            }
            out[1] = Math.sqrt(s) / truthNorm;
          })
          .run(provider.create(registry.resolveParams(PluginKind.OPTIMIZER, c.optimizer(),
              c.params())));
      TraceRow reached = result.trace().stream().filter(row -> row.frobError() < TARGET)
          .findFirst().orElse(null);
      String name = c.optimizer() + (c.params().isEmpty() ? "" : " " + c.params());
      System.out.println(reached == null
          ? String.format("| %d | %d | %d | %s | not reached (%s after %d) | %d | %.2f |", d, k,
              n, name, result.stopReason().id(), result.iterations(), result.evaluations(),
              result.seconds())
          : String.format("| %d | %d | %d | %s | %d | %d | %.2f |", d, k, n, name,
              reached.iteration(), reached.evaluations(), reached.seconds()));
    }
  }
}
