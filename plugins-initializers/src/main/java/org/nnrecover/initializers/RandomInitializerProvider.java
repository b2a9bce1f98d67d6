package org.nnrecover.initializers;

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
 * {@code random}: W0 with i.i.d. N(0, scale^2) entries and v0 uniform random signs, or v0 = v*
 * ({@code v=oracle}, approach III of the paper's Figure 1c).
 */
public final class RandomInitializerProvider implements InitializerProvider {

  @Override
  public String name() {
    return "random";
  }

  @Override
  public String summary() {
    return "random Gaussian W0 and random signs v0 (or v0 = v* with v=oracle)";
  }

  @Override
  public List<ParamSpec> parameters() {
    return List.of(
        ParamSpec.ofDouble("scale", 1, 0, 1e6, "standard deviation of the entries of W0"),
        ParamSpec.ofChoice("v", "random", List.of("random", "oracle"),
            "random: uniform random signs; oracle: copy v* from the ground truth"));
  }

  @Override
  public Initializer create(Params params) {
    double scale = params.getDouble("scale");
    boolean oracle = params.getString("v").equals("oracle");
    return context -> initialize(context, scale, oracle);
  }

  private static Network initialize(InitContext context, double scale, boolean oracle) {
    int d = context.samples().d();
    int k = context.k();
    SplittableRandom random = context.random();
    double[] w = new double[k * d];
    for (int i = 0; i < w.length; i++) {
      w[i] = scale * random.nextGaussian();
    }
    double[] v = new double[k];
    if (oracle) {
      Network teacher = context.teacher().orElseThrow(() -> new RefusedException(
          "random.v=oracle copies v from the ground truth, which this run does not know "
              + "(give --truth with --data, or use random.v=random)"));
      v = teacher.outputWeights();
    } else {
      for (int i = 0; i < k; i++) {
        v[i] = random.nextBoolean() ? 1 : -1;
      }
    }
    context.diagnostics().put("v", oracle ? "oracle" : "random");
    return new Network(w, v, d);
  }
}
