package org.nnrecover.examples;

import org.nnrecover.activations.SquaredRelu;
import org.nnrecover.api.Activation;
import org.nnrecover.api.Network;
import org.nnrecover.api.Samples;
import org.nnrecover.core.data.SampleGenerator;
import org.nnrecover.core.data.Seeds;
import org.nnrecover.core.data.TeacherKind;
import org.nnrecover.core.data.Teachers;

/**
 * The problem the objective benchmarks measure (and benchmarks/objective_numpy.py mirrors):
 * squared ReLU, a random teacher with kappa = 2 from seed 1, its noise-free samples, and the
 * evaluation point 1.01 times the teacher's W (near the truth, so no unit is inactive).
 *
 * @param activation squared ReLU
 * @param truth the teacher
 * @param samples n noise-free samples of it
 */
record BenchmarkProblem(Activation activation, Network truth, Samples samples) {

  /** The problem of shape (n, d, k). */
  static BenchmarkProblem of(int n, int d, int k) {
    Activation squaredRelu = Activations.defaults(new SquaredRelu());
    Network truth = Teachers.make(TeacherKind.RANDOM, d, k, 2, Seeds.stream(1, Seeds.TEACHER));
    return new BenchmarkProblem(squaredRelu, truth,
        SampleGenerator.generate(truth, squaredRelu, n, 0, 1));
  }

  /** The evaluation point: the teacher's W scaled by 1.01 (a fresh array). */
  double[] point() {
    double[] point = truth.weights();
    for (int i = 0; i < point.length; i++) {
      point[i] *= 1.01;
    }
    return point;
  }
}
