package org.example.nnplugins;

import java.util.List;
import java.util.SplittableRandom;
import org.nnrecover.api.Activation;
import org.nnrecover.api.InitContext;
import org.nnrecover.api.Initializer;
import org.nnrecover.api.InitializerProvider;
import org.nnrecover.api.Network;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.api.RefusedException;
import org.nnrecover.api.SampleBlock;

/**
 * {@code perturbed-oracle}: the ground truth plus Gaussian noise of a chosen relative size,
 * W0 = W* + E with |E|_F = noise |W*|_F, and v0 = v*. For local-convergence studies: how far from
 * the truth may the local phase start? Needs oracle access to the teacher. Records the loss of the
 * start on the samples ({@code start-loss}), computed with a block pass (API 1.1).
 */
public final class PerturbedOracleProvider implements InitializerProvider {

  @Override
  public String name() {
    return "perturbed-oracle";
  }

  @Override
  public String summary() {
    return "ground truth plus Gaussian noise of a given relative size (needs the teacher)";
  }

  @Override
  public List<ParamSpec> parameters() {
    return List.of(ParamSpec.ofDouble("noise", 0.1, 0, 10,
        "Frobenius norm of the perturbation relative to that of W*"));
  }

  @Override
  public Initializer create(Params params) {
    double noise = params.getDouble("noise");
    return context -> perturb(context, noise);
  }

  private static Network perturb(InitContext context, double noise) {
    Network teacher = context.teacher().orElseThrow(() -> new RefusedException(
        "perturbed-oracle starts from the ground truth, which this run does not know "
            + "(generate the data, or give --truth with --data)"));
    SplittableRandom random = context.random();
    double[] w = teacher.weights();
    double[] e = new double[w.length];
    double truthNorm = 0;
    double noiseNorm = 0;
    for (int i = 0; i < w.length; i++) {
      e[i] = random.nextGaussian();
      truthNorm += w[i] * w[i];
      noiseNorm += e[i] * e[i];
    }
    double scale = noise * Math.sqrt(truthNorm / noiseNorm);
    for (int i = 0; i < w.length; i++) {
      w[i] += scale * e[i];
    }
    context.diagnostics().put("relative-perturbation", noise);
    Network start = new Network(w, teacher.outputWeights(), teacher.d());
    context.diagnostics().put("start-loss", loss(context, start));
    return start;
  }

  /**
   * {@code 1/(2n) sum_j (sum_i v_i phi(w_i . x_j) - y_j)^2}: a pass over the samples through the
   * reducer, which hands each call one block of rows as array slices (the same bits for any
   * number of threads; no n d array is needed, so it works on samples larger than the heap).
   */
  static double loss(InitContext context, Network network) {
    Activation phi = context.profile().activation();
    int d = network.d();
    double[] w = network.weights();
    double sum = context.reducer().sum(context.samples(), 1, (SampleBlock block, double[] acc) -> {
      double[] x = block.x();
      double[] y = block.y();
      for (int r = 0; r < block.rows(); r++) {
        int row = block.xOffset() + r * d;
        double prediction = 0;
        for (int i = 0; i < network.k(); i++) {
          double z = 0;
          for (int a = 0; a < d; a++) {
            z += w[i * d + a] * x[row + a];
          }
          prediction += network.outputWeight(i) * phi.value(z);
        }
        double residual = prediction - y[block.yOffset() + r];
        acc[0] += residual * residual;
      }
    })[0];
    return sum / (2.0 * context.samples().n());
  }
}
