package org.nnrecover.initializers;

import java.util.ArrayList;
import java.util.List;
import org.nnrecover.api.Initializer;
import org.nnrecover.api.InitializerProvider;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.nnrecover.api.PluginKind;
import org.nnrecover.initializers.tensor.BlockKrylov;
import org.nnrecover.initializers.tensor.TensorMethod;

/**
 * {@code tensor}: the paper's tensor-method initialization (Algorithm 1, METHOD.md section 5) for
 * any activation whose profile has the orders j2, j3, l1, l2.
 */
public final class TensorInitializerProvider implements InitializerProvider {

  @Override
  public String name() {
    return "tensor";
  }

  @Override
  public String summary() {
    return "tensor-method initialization (Algorithm 1): subspace, 3rd-order tensor decomposition,"
        + " magnitudes and signs";
  }

  @Override
  public List<ParamSpec> parameters() {
    List<ParamSpec> specs = new ArrayList<>(List.of(
        ParamSpec.ofChoice("samples", "reuse", List.of("reuse", "split"),
            "reuse: every step uses all samples; split: three disjoint random thirds (theory)"),
        ParamSpec.ofPlugin("decomposer", "jennrich", PluginKind.TENSOR_DECOMPOSER,
            "the symmetric CP decomposition of the k x k x k tensor")));
    specs.addAll(BlockKrylov.parameters(1e-2));
    specs.addAll(List.of(
        ParamSpec.ofBoolean("refine", true,
            "least-squares refinement of the decomposition, accepted only under the guard"),
        ParamSpec.ofChoice("alpha", "subspace", List.of("subspace", "ambient"),
            "the random unit vector alpha: inside span(V) or uniform in R^d"),
        ParamSpec.ofInt("alpha-draws", 5, 1, 100,
            "when j3 > 3 (ReLU family): independent alphas, each giving a tensor R3 whose unit"
                + " weights carry (alpha . w_i)^(j3-3); their decompositions are pooled and the k"
                + " directions that best explain all tensors jointly are kept"),
        ParamSpec.ofBoolean("variance-reduction", true,
            "subtract fitted lower-degree parts of y before each moment estimate"),
        ParamSpec.ofInt("subspace-alpha-draws", 4, 1, 100,
            "when j2 > 2 (tanh, erf, sigmoid): P2_hat = M_j2(I, I, alpha, ..) weighs unit i by"
                + " (alpha . w_i)^(j2-2); when the first alpha's eigen-gap ratio says a unit is"
                + " buried (above 0.5), the subspace comes from sum_m P2(alpha_m)^2 over this many"
                + " alphas (1: never)"),
        ParamSpec.ofBoolean("magnitude-fit", true,
            "for activations without a homogeneity degree: refit the magnitudes by least squares"
                + " on the projected samples once directions and signs are known"),
        ParamSpec.ofInt("control-rounds", 2, 0, 100,
            "rounds of the model-based control variate: the tensor, Q2 and Q1 re-estimated as the"
                + " estimated network's exact moments plus the sample moments of y - f_hat (lower"
                + " variance as the estimate improves), the decomposition refined from the current"
                + " directions; a round is kept only if it fits the samples better (0: off)")));
    return List.copyOf(specs);
  }

  @Override
  public Initializer create(Params params) {
    TensorMethod method = new TensorMethod(
        params.getString("samples").equals("split"),
        params.getString("decomposer"),
        params.getDouble("power-tolerance"),
        params.getInt("power-max-iterations"),
        params.getInt("oversampling"),
        params.getBoolean("refine"),
        params.getString("alpha").equals("subspace"),
        params.getBoolean("variance-reduction"),
        params.getInt("alpha-draws"),
        params.getInt("subspace-alpha-draws"),
        params.getBoolean("magnitude-fit"),
        params.getInt("control-rounds"));
    return method::initialize;
  }
}
