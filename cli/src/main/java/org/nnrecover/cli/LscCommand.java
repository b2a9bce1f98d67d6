package org.nnrecover.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nnrecover.api.Network;
import org.nnrecover.api.Samples;
import org.nnrecover.core.data.SampleGenerator;
import org.nnrecover.core.data.Seeds;
import org.nnrecover.core.data.TeacherKind;
import org.nnrecover.core.data.Teachers;
import org.nnrecover.core.io.Json;
import org.nnrecover.core.run.RunSpec;
import org.nnrecover.core.run.SpecLimits;
import org.nnrecover.core.run.SpecOptions;
import org.nnrecover.core.run.SpecSchema;
import org.nnrecover.core.theory.LocalStrongConvexity;
import org.nnrecover.core.theory.LscAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nnrecover lsc}: local strong convexity at the ground truth. */
@Command(name = "lsc", mixinStandardHelpOptions = true, modelTransformer = LscCommand.Options.class,
    description = "Smallest eigenvalue of the Hessian of the empirical loss at the ground truth "
        + "(and of the population loss), with the ingredients of the paper's lower bound.")
final class LscCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  /** The spec fields lsc binds (-n is its own: samples for the Hessian, with a default). */
  private static final List<String> FIELDS =
      List.of("activation", "d", "k", "kappa", "teacher", "seed");

  /** Adds the options of {@link #FIELDS} to the command, from the spec's schema. */
  static final class Options implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec command) {
      return SpecOptions.addTo(command, FIELDS, "activation parameters (repeatable)");
    }
  }

  @Option(names = "-n", paramLabel = "N",
      description = "samples for the empirical Hessian (default: max(10000, 10 d k))")
  Integer n;

  @Option(names = "--population", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "also compute the population Hessian by numerical expectation "
          + "(default: ${DEFAULT-VALUE})")
  boolean population;

  @Mixin FormatOption output;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    OutputFormat outputFormat = output.chosen();
    RunSpec spec = SpecOptions.toSpec(command.commandLine());
    SpecSchema.check(spec, FIELDS);
    String activation = spec.activation();
    int d = spec.d();
    int k = spec.k();
    long seed = spec.seed();
    TeacherKind kind = TeacherKind.parse(spec.teacher());
    if (k > d) {
      throw new IllegalArgumentException("k must be <= d (k = " + k + ", d = " + d + ")");
    }
    long dk = (long) d * k;
    if (dk > LocalStrongConvexity.MAX_DIMENSION) {
      throw new IllegalArgumentException("d k = " + dk + " is too large for a dense Hessian "
          + "eigenproblem; the limit is d k <= " + LocalStrongConvexity.MAX_DIMENSION);
    }
    int samplesCount = n != null ? n : (int) Math.max(10000, 10 * dk);
    SpecSchema.field("n").check(samplesCount, null);
    if (samplesCount < dk) {
      throw new IllegalArgumentException("-n " + samplesCount + " is too small for a meaningful "
          + "Hessian of side d k = " + dk + ": use n >= d k (better 10 d k)");
    }
    SpecLimits.checkMemory(d, k, samplesCount, 1);
    Map<String, Map<String, String>> given = spec.settings();
    ActivationChoice.checkSettingsOnlyFor(given, List.of(activation));
    ActivationChoice choice = ActivationChoice.of(common.registry(), activation, given);
    Network truth = Teachers.make(kind, d, k, spec.kappa(), Seeds.stream(seed, Seeds.TEACHER));
    Samples samples = SampleGenerator.generate(truth, choice.activation(), samplesCount, 0, seed);
    LscAnalysis result =
        LscAnalysis.of(choice.activation(), choice.profile(), truth, samples, population);
    PrintWriter out = command.commandLine().getOut();
    if (outputFormat == OutputFormat.JSON) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("activation", activation);
      json.put("teacher", kind.id());
      json.put("d", d);
      json.put("k", k);
      json.put("seed", seed);
      json.put("lambdaMin", result.lambdaMin());
      json.put("lambdaMax", result.lambdaMax());
      json.put("populationLambdaMin", result.populationLambdaMin());
      json.put("n", result.n());
      json.put("singularValues", result.singularValues());
      json.put("kappa", result.kappa());
      json.put("lambda", result.lambda());
      json.put("rhoSigmaK", result.rhoSigmaK());
      out.println(Json.pretty(json));
      return 0;
    }
    out.printf(Locale.ROOT, "%s, teacher %s, d=%d k=%d (Hessian %d x %d), n=%d, seed=%d%n",
        activation, kind.id(), d, k, dk, dk, result.n(), seed);
    out.println("  lambda_min of the empirical Hessian at W*:  "
        + TextTable.number(result.lambdaMin()) + "   (lambda_max " + TextTable.number(
            result.lambdaMax()) + ")");
    if (result.populationLambdaMin() != null) {
      out.println("  lambda_min of the population Hessian at W*: "
          + TextTable.number(result.populationLambdaMin()));
    }
    out.println("  lower-bound ingredients: rho(sigma_k) = " + TextTable.number(result.rhoSigmaK())
        + ", sigma_k = " + TextTable.number(result.singularValues()[k - 1]) + ", kappa = "
        + TextTable.number(result.kappa()) + ", lambda = prod sigma_i / sigma_k^k = "
        + TextTable.number(result.lambda()));
    return 0;
  }
}
