package org.nnrecover.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.Params;

/**
 * The contract of an activation plugin. Extend it with the provider under test:
 *
 * <pre>{@code
 * class CubicReluContractTest extends ActivationContract {
 *   protected ActivationProvider provider() { return new CubicReluProvider(); }
 * }
 * }</pre>
 *
 * <p>Checked on a grid of points in [-{@link #range()}, {@link #range()}] that stays away from the
 * {@link #kinks()}: phi' and phi'' against central finite differences, finite values, the declared
 * homogeneity degree, the bulk {@link Activation#apply} against the scalar methods, and the
 * provider's name, summary and parameter defaults.
 */
public abstract class ActivationContract {

  /** The provider under test. */
  protected abstract ActivationProvider provider();

  /** The parameters the activation is made with; all defaults unless overridden. */
  protected Params params() {
    return Params.defaults(provider().name(), provider().parameters());
  }

  /** Points where phi' or phi'' may jump; the finite-difference checks stay 1e-3 away. */
  protected double[] kinks() {
    return new double[] {0};
  }

  /** Half-width of the checked interval. */
  protected double range() {
    return 4;
  }

  /**
   * Relative tolerance of the finite-difference checks. Central differences with step
   * h = 1e-5 max(1, |z|) are accurate to about h^2 |f'''| + 1e-16 |f| / h, about 1e-10 for
   * activations of moderate size, so 1e-6 leaves room for steep ones without hiding wrong formulas.
   */
  protected double tolerance() {
    return 1e-6;
  }

  private Activation activation() {
    return provider().create(params());
  }

  /** The grid: 401 points in [-range, range], less those near a kink. */
  private double[] grid() {
    double[] kinks = kinks();
    return java.util.stream.IntStream.rangeClosed(-200, 200)
        .mapToDouble(i -> range() * i / 200.0 + 1e-7 * range()) // off the exact grid of kinks
        .filter(z -> Arrays.stream(kinks).allMatch(kink -> Math.abs(z - kink) > 1e-3))
        .toArray();
  }

  @Test
  void providerDescribesItselfAndItsParameterDefaultsAreValid() {
    ProviderChecks.describesItself(provider());
  }

  @Test
  void valuesAndDerivativesAreFinite() {
    Activation phi = activation();
    for (double z : grid()) {
      assertTrue(Double.isFinite(phi.value(z)), "phi(" + z + ") is not finite");
      assertTrue(Double.isFinite(phi.derivative(z)), "phi'(" + z + ") is not finite");
      assertTrue(Double.isFinite(phi.secondDerivative(z)), "phi''(" + z + ") is not finite");
    }
  }

  @Test
  void derivativeMatchesCentralDifferences() {
    Activation phi = activation();
    for (double z : grid()) {
      assertClose(centralDifference(phi::value, z), phi.derivative(z), "phi'", z);
    }
  }

  @Test
  void secondDerivativeMatchesCentralDifferences() {
    Activation phi = activation();
    for (double z : grid()) {
      assertClose(centralDifference(phi::derivative, z), phi.secondDerivative(z), "phi''", z);
    }
  }

  /** (f(z + h) - f(z - h)) / 2h with h = 1e-5 max(1, |z|). */
  private static double centralDifference(DoubleUnaryOperator f, double z) {
    double h = 1e-5 * Math.max(1, Math.abs(z));
    return (f.applyAsDouble(z + h) - f.applyAsDouble(z - h)) / (2 * h);
  }

  @Test
  void declaredHomogeneityHolds() {
    Activation phi = activation();
    OptionalDouble degree = phi.homogeneityDegree();
    if (degree.isEmpty()) {
      return; // nothing declared, nothing to check
    }
    double p = degree.getAsDouble();
    for (double c : new double[] {0.5, 2, 3.7}) {
      for (double z : grid()) {
        double expected = Math.pow(c, p) * phi.value(z);
        // both sides are computed in floating point: allow a few ulps of the larger one
        double slack = 1e-12 * Math.max(Math.abs(expected), Math.pow(c, p) * 1e-300);
        // written as !(error <= slack) so that a NaN on either side fails the check
        if (!(Math.abs(phi.value(c * z) - expected) <= slack)) {
          fail("declared homogeneity degree " + p + " does not hold: phi(" + c + " * " + z
              + ") = " + phi.value(c * z) + " but " + c + "^" + p + " phi(" + z + ") = "
              + expected);
        }
      }
    }
  }

  @Test
  void bulkApplyEqualsScalarMethods() {
    Activation phi = activation();
    double[] z = grid();
    int from = 3;
    int to = z.length - 2;
    double[] values = new double[z.length];
    double[] derivatives = new double[z.length];
    Arrays.fill(values, -7.25);
    Arrays.fill(derivatives, -7.25);
    phi.apply(z, from, to, values, derivatives);
    double[] valuesOnly = new double[z.length];
    Arrays.fill(valuesOnly, -7.25);
    phi.apply(z, from, to, valuesOnly, null);
    for (int i = 0; i < z.length; i++) {
      boolean inside = i >= from && i < to;
      // a fused loop may round differently from the scalar methods, but by a few ulps at most
      double value = inside ? phi.value(z[i]) : -7.25;
      double derivative = inside ? phi.derivative(z[i]) : -7.25;
      assertBulkEntry("values", i, z[i], inside, value, values[i], "value(z)");
      assertBulkEntry("derivatives", i, z[i], inside, derivative, derivatives[i], "derivative(z)");
      if (Double.doubleToLongBits(values[i]) != Double.doubleToLongBits(valuesOnly[i])) {
        fail("apply(z, " + from + ", " + to + ", values, null) wrote values[" + i + "] = "
            + valuesOnly[i] + " at z = " + z[i] + ", but with derivatives requested it wrote "
            + values[i] + ": asking for derivatives must not change the values");
      }
    }
  }

  /**
   * One entry of the bulk form against the scalar method, within 4 ulps; outside [from, to) the
   * entry must be untouched. NaN never passes.
   */
  private static void assertBulkEntry(String array, int i, double z, boolean inside,
      double expected, double actual, String scalar) {
    if (!inside) {
      if (actual != expected) {
        fail("apply(z, from, to, ...) wrote " + array + "[" + i + "] = " + actual + " at z = " + z
            + ", outside [from, to): the bulk form must touch only indices in [from, to)");
      }
      return;
    }
    if (!(Math.abs(actual - expected) <= 4 * Math.ulp(expected))) {
      fail("apply(z, from, to, values, derivatives) wrote " + array + "[" + i + "] = " + actual
          + " at z = " + z + ", but the scalar " + scalar + " gives " + expected
          + " (allowed: 4 ulps = " + 4 * Math.ulp(expected) + ")");
    }
  }

  private void assertClose(double difference, double claimed, String what, double z) {
    double error = Math.abs(difference - claimed);
    // !(error <= bound) rather than error > bound: a NaN derivative must fail, not slip through
    if (!(error <= tolerance() * Math.max(1, Math.abs(difference)))) {
      fail(what + "(" + z + ") = " + claimed + " but the central difference gives " + difference
          + " (kinks are assumed at " + Arrays.toString(kinks()) + "; override kinks() if phi "
          + "has others)");
    }
  }
}
