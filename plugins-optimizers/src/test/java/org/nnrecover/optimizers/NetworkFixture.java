package org.nnrecover.optimizers;

import java.util.SplittableRandom;
import org.nnrecover.activations.SquaredRelu;
import org.nnrecover.api.Activation;
import org.nnrecover.api.Network;
import org.nnrecover.api.Params;
import org.nnrecover.api.Samples;
import org.nnrecover.api.numerics.Vectors;
import org.nnrecover.core.data.SampleGenerator;
import org.nnrecover.core.data.Seeds;
import org.nnrecover.core.data.TeacherKind;
import org.nnrecover.core.data.Teachers;
import org.nnrecover.core.objective.NetworkObjective;
import org.nnrecover.core.parallel.BlockExecutor;

/**
 * The network problem of the issue: squared ReLU, a random teacher with condition number kappa,
 * noise-free samples, and a start at the truth plus a Gaussian perturbation of a given relative
 * Frobenius size (small enough that the matching permutation is the identity).
 */
final class NetworkFixture implements AutoCloseable {
  final Network teacher;
  final Samples samples;
  final Activation activation;
  final BlockExecutor executor = new BlockExecutor(1);
  private final double[] truth;
  private final double truthNorm;

  NetworkFixture(long seed, int d, int k, double kappa, int n) {
    SquaredRelu plugin = new SquaredRelu();
    activation = plugin.create(Params.defaults(plugin.name(), plugin.parameters()));
    teacher = Teachers.make(TeacherKind.RANDOM, d, k, kappa, Seeds.stream(seed, Seeds.TEACHER));
    samples = SampleGenerator.generate(teacher, activation, n, 0, seed);
    truth = teacher.weights();
    truthNorm = Vectors.norm(truth);
  }

  /** The objective over W alone (v fixed at the truth), or over (W, v), with T batches. */
  NetworkObjective objective(boolean trainV, int batches) {
    return new NetworkObjective(samples, activation, teacher.k(), teacher.outputWeights(), trainV,
        batches, executor);
  }

  /** W* plus a Gaussian perturbation of Frobenius norm {@code relative |W*|_F}. */
  double[] perturbedWeights(double relative, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] delta = new double[truth.length];
    for (int i = 0; i < delta.length; i++) {
      delta[i] = random.nextGaussian();
    }
    double scale = relative * truthNorm / Vectors.norm(delta);
    double[] start = truth.clone();
    for (int i = 0; i < start.length; i++) {
      start[i] += scale * delta[i];
    }
    return start;
  }

  /** |W - W*|_F / |W*|_F over the first k d entries of {@code point} (identity permutation). */
  double frobError(double[] point) {
    double s = 0;
    for (int i = 0; i < truth.length; i++) {
      double t = point[i] - truth[i];
      s += t * t;
    }
    return Math.sqrt(s) / truthNorm;
  }

  @Override
  public void close() {
    executor.close();
  }
}
