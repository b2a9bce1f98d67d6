package org.example.nnplugins;

import java.util.OptionalDouble;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.Params;

/** {@code cubic-relu}: phi(z) = max(z, 0)^3, homogeneous of degree 3. */
public final class CubicReluProvider implements ActivationProvider {
  private static final Activation CUBIC_RELU = new Activation() {
    @Override
    public double value(double z) {
      return z > 0 ? z * z * z : 0;
    }

    @Override
    public double derivative(double z) {
      return z > 0 ? 3 * z * z : 0;
    }

    @Override
    public double secondDerivative(double z) {
      return z > 0 ? 6 * z : 0;
    }

    @Override
    public OptionalDouble homogeneityDegree() {
      return OptionalDouble.of(3);
    }
  };

  @Override
  public String name() {
    return "cubic-relu";
  }

  @Override
  public String summary() {
    return "cubic rectified linear unit max(z, 0)^3";
  }

  @Override
  public Activation create(Params params) {
    return CUBIC_RELU;
  }
}
