package org.example.nnplugins;

import java.util.List;
import java.util.SplittableRandom;
import org.nnrecover.api.InitContext;
import org.nnrecover.api.Initializer;
import org.nnrecover.api.InitializerProvider;
import org.nnrecover.api.Network;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.api.RefusedException;

/**
 * {@code perturbed-oracle}: the ground truth plus Gaussian noise of a chosen relative size,
 * W0 = W* + E with |E|_F = noise |W*|_F, and v0 = v*. For local-convergence studies: how far from
 * the truth may the local phase start? Needs oracle access to the teacher.
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
    return new Network(w, teacher.outputWeights(), teacher.d());
  }
}
