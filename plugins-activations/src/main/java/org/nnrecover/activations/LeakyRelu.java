package org.nnrecover.activations;

import java.util.List;
import java.util.OptionalDouble;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;

/**
 * Leaky ReLU, phi(z) = z for z > 0 and slope * z otherwise (the paper's slope is 0.01);
 * homogeneous of degree 1. phi'(0) is taken as the slope.
 */
public final class LeakyRelu implements ActivationProvider {
  private static final List<ParamSpec> PARAMETERS = List.of(ParamSpec.ofDouble("slope", 0.01, 0, 1,
      "slope on the negative half line (0 gives relu, 1 gives linear)"));

  @Override
  public String name() {
    return "leaky-relu";
  }

  @Override
  public String summary() {
    return "leaky rectified linear unit max(z, slope z)";
  }

  @Override
  public List<ParamSpec> parameters() {
    return PARAMETERS;
  }

  @Override
  public Activation create(Params params) {
    return new Fn(params.getDouble("slope"));
  }

  private record Fn(double slope) implements Activation {
    @Override
    public double value(double z) {
      return z > 0 ? z : slope * z;
    }

    @Override
    public double derivative(double z) {
      return z > 0 ? 1 : slope;
    }

    @Override
    public double secondDerivative(double z) {
      return 0;
    }

    @Override
    public OptionalDouble homogeneityDegree() {
      return OptionalDouble.of(1);
    }

    /**
     * Branch-free (the sign of z is a coin flip a branch mispredicts): max(z, slope z) is the value
     * for a slope in [0, 1], and max(min(ceil(max(z, 0)), 1), slope) is exactly 1 for z > 0 and the
     * slope otherwise.
     */
    @Override
    public void apply(double[] z, int from, int to, double[] values, double[] derivatives) {
      for (int i = from; i < to; i++) {
        values[i] = Math.max(z[i], slope * z[i]);
      }
      if (derivatives != null) {
        for (int i = from; i < to; i++) {
          derivatives[i] = Math.max(Math.min(Math.ceil(Math.max(z[i], 0.0)), 1.0), slope);
        }
      }
    }
  }
}
