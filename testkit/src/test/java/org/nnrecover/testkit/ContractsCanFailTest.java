package org.nnrecover.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.nnrecover.api.Activation;
import org.nnrecover.api.Decomposition;
import org.nnrecover.api.TensorDecomposer;
import org.nnrecover.api.TensorDecomposerProvider;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.Initializer;
import org.nnrecover.api.InitializerProvider;
import org.nnrecover.api.Network;
import org.nnrecover.api.Optimizer;
import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.Params;
import org.opentest4j.AssertionFailedError;

/** The contracts catch what they claim to catch: each check is run against a faulty plugin. */
class ContractsCanFailTest {

  /** phi(z) = max(z, 0)^2, with a switch for a wrong derivative or a wrong declared degree. */
  private static ActivationContract squaredRelu(double derivativeFactor, double degree) {
    Activation phi = new Activation() {
      public double value(double z) {
        return z > 0 ? z * z : 0;
      }

      public double derivative(double z) {
        return z > 0 ? derivativeFactor * z : 0;
      }

      public double secondDerivative(double z) {
        return z > 0 ? 2 : 0;
      }

      public OptionalDouble homogeneityDegree() {
        return OptionalDouble.of(degree);
      }
    };
    return new ActivationContract() {
      protected ActivationProvider provider() {
        return new ActivationProvider() {
          public String name() {
            return "squared";
          }

          public String summary() {
            return "max(z, 0)^2";
          }

          public Activation create(Params params) {
            return phi;
          }
        };
      }
    };
  }

  @Test
  void activationContractPassesACorrectOneAndCatchesWrongDerivativeAndDegree() {
    ActivationContract right = squaredRelu(2, 2);
    assertDoesNotThrow(right::derivativeMatchesCentralDifferences);
    assertDoesNotThrow(right::secondDerivativeMatchesCentralDifferences);
    assertDoesNotThrow(right::declaredHomogeneityHolds);
    assertDoesNotThrow(right::bulkApplyEqualsScalarMethods);
    // phi' = 2.001 z is wrong by 5e-4 relative: above the 1e-6 tolerance
    assertThrows(AssertionFailedError.class,
        squaredRelu(2.001, 2)::derivativeMatchesCentralDifferences);
    AssertionFailedError degree = assertThrows(AssertionFailedError.class,
        squaredRelu(2, 1)::declaredHomogeneityHolds);
    assertTrue(degree.getMessage().contains("declared homogeneity degree 1.0 does not hold"));
  }

  @Test
  void activationContractFailsOnNaNDerivativesValuesAndBulkEntries() {
    // phi'(z) = NaN for z > 0: "NaN > tolerance" is false, so a careless check would pass it
    AssertionFailedError nan = assertThrows(AssertionFailedError.class,
        squaredRelu(Double.NaN, 2)::derivativeMatchesCentralDifferences);
    assertTrue(nan.getMessage().contains("phi'(") && nan.getMessage().contains("NaN"),
        nan.getMessage());
    assertThrows(AssertionFailedError.class, squaredRelu(2, Double.NaN)::declaredHomogeneityHolds);
    // a bulk form that writes NaN where the scalar method gives a number
    Activation relu = KitProblemsTest.RELU;
    Activation scalar = new Activation() {
      public double value(double z) {
        return relu.value(z);
      }

      public double derivative(double z) {
        return relu.derivative(z);
      }

      public double secondDerivative(double z) {
        return relu.secondDerivative(z);
      }

      @Override
      public void apply(double[] z, int from, int to, double[] values, double[] derivatives) {
        Activation.super.apply(z, from, to, values, derivatives);
        values[from] = Double.NaN;
      }
    };
    ActivationContract bulkNaN = new ActivationContract() {
      protected ActivationProvider provider() {
        return new ActivationProvider() {
          public String name() {
            return "bulk-nan";
          }

          public String summary() {
            return "ReLU whose bulk form writes one NaN";
          }

          public Activation create(Params params) {
            return scalar;
          }
        };
      }
    };
    AssertionFailedError bulk = assertThrows(AssertionFailedError.class,
        bulkNaN::bulkApplyEqualsScalarMethods);
    assertTrue(bulk.getMessage().contains("wrote values[3] = NaN")
        && bulk.getMessage().contains("the scalar value(z) gives"), bulk.getMessage());
  }

  private static TensorDecomposerContract decomposer(TensorDecomposer fn) {
    return new TensorDecomposerContract() {
      protected TensorDecomposerProvider provider() {
        return new TensorDecomposerProvider() {
          public String name() {
            return "faulty";
          }

          public String summary() {
            return "a faulty decomposer";
          }

          public TensorDecomposer create(Params params) {
            return fn;
          }
        };
      }
    };
  }

  @Test
  void decomposerContractCatchesWrongComponentsFalseResidualsAndSilentAcceptance() {
    // the first unit vectors with weight 1, claiming a perfect fit, accepting any rank
    TensorDecomposer liar = (tensor, k, rank, random, diagnostics) -> {
      double[][] u = new double[rank][k];
      double[] lambda = new double[rank];
      for (int i = 0; i < rank; i++) {
        u[i][i % k] = 1;
        lambda[i] = 1;
      }
      return new Decomposition(u, lambda, 0);
    };
    TensorDecomposerContract contract = decomposer(liar);
    AssertionFailedError residual = assertThrows(AssertionFailedError.class,
        contract::recoversExactTensorsUpToOrderAndSign);
    assertTrue(residual.getMessage().contains("reported residual"), residual.getMessage());
    assertThrows(AssertionFailedError.class, contract::refusesARankAboveTheSideLength);
  }

  private static InitializerContract initializer(Initializer fn, List<ParamSpec> specs) {
    return new InitializerContract() {
      protected InitializerProvider provider() {
        return new InitializerProvider() {
          public String name() {
            return "faulty";
          }

          public String summary() {
            return "a faulty initializer";
          }

          public List<ParamSpec> parameters() {
            return specs;
          }

          public Initializer create(Params params) {
            return fn;
          }
        };
      }

      protected TestInitContext.Builder problem() {
        return TestInitContext.builder(KitProblemsTest.RELU).n(100);
      }

      protected List<TestInitContext.Builder> refusedProblems() {
        return List.of(TestInitContext.builder(KitProblemsTest.RELU).n(100));
      }
    };
  }

  @Test
  void initializerContractCatchesNondeterminismWrongShapesAndSilentAcceptance() {
    long[] calls = {0};
    // draws its noise from a counter instead of the context's stream: not reproducible
    InitializerContract unseeded = initializer(context -> new Network(
        new double[] {calls[0]++, 0, 0, 0, 0, 0, 0, 0, 0, 1}, new double[] {1, 1}, 5), List.of());
    assertThrows(AssertionFailedError.class, unseeded::sameSeedGivesTheSameNetwork);
    InitializerContract oneUnit = initializer(context -> new Network(new double[5],
        new double[] {1}, 5), List.of());
    assertThrows(AssertionFailedError.class, oneUnit::networkHasTheProblemsShapeAndFiniteNumbers);
    assertThrows(AssertionFailedError.class, oneUnit::refusesWhatItCannotDoWithAMessage);
    // a default outside its own range cannot even be declared any more
    assertThrows(IllegalArgumentException.class, () -> new ParamSpec("noise",
        org.nnrecover.api.ParamType.DOUBLE, "5", 0, 1, List.of(), "relative noise"));
  }

  private static OptimizerContract optimizer(Optimizer fn) {
    return optimizer(fn, List.of());
  }

  private static OptimizerContract optimizer(Optimizer fn, List<ParamSpec> specs) {
    return new OptimizerContract() {
      protected OptimizerProvider provider() {
        return new OptimizerProvider() {
          public String name() {
            return "faulty";
          }

          public String summary() {
            return "a faulty optimizer";
          }

          public List<ParamSpec> parameters() {
            return specs;
          }

          public Optimizer create(Params params) {
            return fn;
          }
        };
      }
    };
  }

  @Test
  void optimizerContractCatchesIgnoredStopsLiesAndSilentReturns() {
    // gradient steps of 1/4 that never look at report's answer
    OptimizerContract deaf = optimizer(p -> {
      double[] x = p.start();
      double[] g = new double[x.length];
      for (int t = 0; t < 30; t++) {
        p.evaluate(x, g);
        for (int i = 0; i < x.length; i++) {
          x[i] -= 0.25 * g[i];
        }
        p.project(x);
        p.report(x, p.value(x), 1, 0.25);
      }
    });
    assertThrows(AssertionFailedError.class, deaf::stopsAtTheIterationBudget);
    // reports 0 as the value whatever the point
    OptimizerContract liar = optimizer(p -> {
      double[] x = p.start();
      while (p.report(x, 0, 0, 0)) {
        p.project(x);
      }
    });
    assertThrows(AssertionFailedError.class, liar::decreasesAConvexQuadratic);
    // returns at once without saying why
    OptimizerContract silent = optimizer(p -> { });
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        silent::explainsAReturnWhenNoProgressIsPossible);
    assertTrue(e.getMessage().contains("without saying why"), e.getMessage());
    // uses the Gauss-Newton product without asking whether the problem offers it
    OptimizerContract presumptuous = optimizer(p -> {
      double[] x = p.start();
      double[] out = new double[x.length];
      p.gaussNewtonProduct(x, x, out);
      p.diagnostics().put("stopped", "done");
    });
    assertThrows(AssertionFailedError.class, presumptuous::asksBeforeUsingOptionalCapabilities);
  }

  @Test
  void optimizerContractCatchesAParameterNamedLikeAStopRule() {
    OptimizerContract shadowing = optimizer(p -> { },
        List.of(ParamSpec.ofInt("max-iterations", 100, 1, 1000, "its own budget")));
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        shadowing::declaresNoParameterNamedLikeAStopRuleOfTheCore);
    assertTrue(e.getMessage().contains("stop.max-iterations"), e.getMessage());
    optimizer(p -> { }).declaresNoParameterNamedLikeAStopRuleOfTheCore();
  }
}
