package org.nnrecover.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProfile;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.ApiVersion;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.InitContext;
import org.nnrecover.api.Initializer;
import org.nnrecover.api.InitializerProvider;
import org.nnrecover.api.Network;
import org.nnrecover.api.Optimizer;
import org.nnrecover.api.OptimizerProvider;
import org.nnrecover.api.ParamSpec;
import org.nnrecover.api.ParamType;
import org.nnrecover.api.ParameterLayout;
import org.nnrecover.api.Params;
import org.nnrecover.api.PluginKind;
import org.nnrecover.api.RefusedException;
import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.SampleKernels;
import org.nnrecover.api.SampleReducer;
import org.nnrecover.api.Samples;
import org.nnrecover.api.TensorDecomposer;
import org.nnrecover.api.TensorDecomposerProvider;
import org.nnrecover.api.numerics.Vectors;
import org.nnrecover.core.data.Seeds;
import org.nnrecover.core.data.TeacherKind;
import org.nnrecover.core.data.Teachers;
import org.nnrecover.core.data.TruthFile;
import org.nnrecover.core.io.IoErrors;
import org.nnrecover.core.metrics.RecoveryMetrics;
import org.nnrecover.core.objective.FusedKernel;
import org.nnrecover.core.objective.NetworkJacobian;
import org.nnrecover.core.objective.NetworkObjective;
import org.nnrecover.core.objective.TiledKernels;
import org.nnrecover.core.optim.OptimizationDriver;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.optim.OptimizationResult;
import org.nnrecover.core.optim.OptimizationResult.Failure;
import org.nnrecover.core.optim.StopReason;
import org.nnrecover.core.optim.StopRules;
import org.nnrecover.core.plugin.PluginEntry;
import org.nnrecover.core.plugin.PluginRegistry;
import org.nnrecover.core.theory.ActivationProfiles;

/**
 * Carries out run specs: resolve and validate, make the data from seeded streams, initialize,
 * optimize, measure, record.
 *
 * <p>Bad specs (unknown plugin or parameter, impossible sizes, unreadable data files) are rejected
 * with an {@link IllegalArgumentException} before anything runs. Everything that happens after that
 * (a plugin refusing or throwing, divergence) ends up in the returned {@link RunRecord}. Thread-safe:
 * one runner can execute many specs concurrently.
 */
public final class Runner {
  private final PluginRegistry registry;
  private final BlockExecutor executor;
  private final SamplePlacement placement;

  /**
   * @param registry the plugins
   * @param executor worker threads for the sample passes
   */
  public Runner(PluginRegistry registry, BlockExecutor executor) {
    this(registry, executor, SamplePlacement.LOCAL);
  }

  /**
   * A runner whose generated samples live, and whose objective's block sums are computed, where
   * {@code placement} says (on a cluster, say).
   *
   * @param registry the plugins
   * @param executor worker threads for the sample passes of this JVM
   * @param placement where samples and block sums are
   */
  public Runner(PluginRegistry registry, BlockExecutor executor, SamplePlacement placement) {
    this.registry = registry;
    this.executor = executor;
    this.placement = placement;
  }

  /** The plugin registry this runner resolves names in. */
  public PluginRegistry registry() {
    return registry;
  }

  /**
   * Checks every name, parameter and size of a spec.
   *
   * @throws IllegalArgumentException saying what is wrong and what is allowed
   */
  public ResolvedSpec resolve(RunSpec spec) {
    boolean fromFile = spec.dataFile() != null;
    SpecSchema.check(spec);
    require(spec.d() < 1 || spec.k() <= spec.d(),
        "k must be <= d (k = " + spec.k() + ", d = " + spec.d() + ")");
    require(spec.truthFile() == null || fromFile, "--truth is only meaningful with --data");
    if (fromFile) {
      requireReadable("data file", spec.dataFile(), true);
      if (spec.truthFile() != null) {
        requireReadable("truth file", spec.truthFile(), false);
      }
      // n is the file's row count; a second source for it would be silently contradicted
      require(spec.n() == 0, "n cannot be combined with a data file: the run uses every row of "
          + spec.dataFile() + " (give -d only to check the file's dimension)");
    } else {
      SpecLimits.checkMemory(spec.d(), spec.k(), spec.n(), 1);
    }
    TeacherKind teacher = TeacherKind.parse(spec.teacher()); // valid: checked by the schema
    require(teacher != TeacherKind.IDENTITY || fromFile || spec.k() == spec.d(),
        "the identity teacher needs k = d (k = " + spec.k() + ", d = " + spec.d() + ")");
    PluginEntry activation = registry.find(PluginKind.ACTIVATION, spec.activation());
    PluginEntry initializer = registry.find(PluginKind.INITIALIZER, spec.initializer());
    PluginEntry optimizer = registry.find(PluginKind.OPTIMIZER, spec.optimizer());

    Map<String, Params> params = new TreeMap<>();
    for (String name : spec.settings().keySet()) {
      if (!isNamespace(name) && registry.kindOf(name) == null) {
        throw new IllegalArgumentException("setting for unknown plugin '" + name
            + "': settings are written plugin.parameter=value with a plugin name, run.option or "
            + "stop.rule");
      }
    }
    List<PluginEntry> involved = new ArrayList<>(List.of(activation, initializer, optimizer));
    for (String name : spec.settings().keySet()) {
      PluginKind kind = registry.kindOf(name);
      if (kind != null) {
        involved.add(registry.find(kind, name));
      }
    }
    for (int i = 0; i < involved.size(); i++) {
      PluginEntry entry = involved.get(i);
      if (params.containsKey(entry.name())) {
        continue;
      }
      Map<String, String> own = new TreeMap<>();
      spec.settingsFor(entry.name()).forEach((parameter, value) -> {
        if (isStopAlias(entry.kind(), parameter)) {
          StopRules.check(entry.name(), parameter, value); // applies when entry is the optimizer
        } else {
          own.put(parameter, value);
        }
      });
      Params resolved = registry.resolveParams(entry.kind(), entry.name(), own);
      params.put(entry.name(), resolved);
      for (ParamSpec p : registry.parameters(entry)) {
        if (p.type() == ParamType.PLUGIN) {
          involved.add(registry.find(PluginRegistry.kindById(p.choices().get(0)),
              resolved.getString(p.name())));
        }
      }
    }
    Params stop = Params.resolve(StopRules.NAMESPACE, StopRules.PARAMETERS,
        StopRules.given(spec.settings(), optimizer.name()));
    Params runParams = Params.resolve(RunOptions.NAMESPACE, RunOptions.PARAMETERS,
        spec.settingsFor(RunOptions.NAMESPACE));
    params.put(RunOptions.NAMESPACE, runParams);
    RunOptions options = RunOptions.from(runParams);
    require(fromFile || options.resampleBatches() <= spec.n(),
        "run.resample-batches must be <= n = " + spec.n() + ", got " + options.resampleBatches());
    return new ResolvedSpec(spec, activation, initializer, optimizer, Map.copyOf(params), options,
        teacher, stop);
  }

  /**
   * Checks one setting on its own, as a sweep file gives it ({@code owner.parameter=value}): a
   * plugin parameter, a run option, a stop rule or its alias {@code optimizer.RULE}.
   *
   * @throws IllegalArgumentException naming the setting and what is allowed
   */
  public void checkSetting(String owner, String parameter, String value) {
    if (owner.equals(RunOptions.NAMESPACE)) {
      Params.resolve(owner, RunOptions.PARAMETERS, Map.of(parameter, value));
      return;
    }
    PluginKind kind = registry.kindOf(owner);
    if (owner.equals(StopRules.NAMESPACE) || isStopAlias(kind, parameter)) {
      StopRules.check(owner, parameter, value);
    } else {
      registry.resolveParams(kind, owner, Map.of(parameter, value));
    }
  }

  /** Whether settings may be written {@code name.parameter} without a plugin of that name. */
  public static boolean isNamespace(String name) {
    return name.equals(RunOptions.NAMESPACE) || name.equals(StopRules.NAMESPACE);
  }

  /** {@code optimizer.RULE}, the alias of {@code stop.RULE} (optimizers cannot declare RULE). */
  private static boolean isStopAlias(PluginKind kind, String parameter) {
    return kind == PluginKind.OPTIMIZER && StopRules.isRule(parameter);
  }

  /**
   * The plugins that a spec's settings name but the run does not use (neither its activation,
   * initializer or optimizer nor a plugin these select through a parameter, such as the tensor
   * initializer's decomposer): such settings would be silently ignored.
   */
  public List<String> unusedSettings(ResolvedSpec resolved) {
    List<String> used = new ArrayList<>(List.of(resolved.activation().name(),
        resolved.initializer().name(), resolved.optimizer().name()));
    for (int i = 0; i < used.size(); i++) {
      String name = used.get(i);
      PluginKind kind = registry.kindOf(name);
      for (ParamSpec p : registry.parameters(registry.find(kind, name))) {
        if (p.type() == ParamType.PLUGIN) {
          String chosen = resolved.paramsOf(name).getString(p.name());
          if (!used.contains(chosen)) {
            used.add(chosen);
          }
        }
      }
    }
    List<String> unused = new ArrayList<>();
    for (String name : resolved.spec().settings().keySet()) {
      if (!isNamespace(name) && !used.contains(name)) {
        unused.add(name);
      }
    }
    return unused;
  }

  /**
   * Refuses a spec whose settings name plugins the run does not use ({@link #unusedSettings}):
   * they would be silently ignored.
   *
   * @throws IllegalArgumentException naming those plugins and the run's
   */
  public void refuseUnusedSettings(ResolvedSpec resolved) {
    List<String> unused = unusedSettings(resolved);
    if (!unused.isEmpty()) {
      RunSpec spec = resolved.spec();
      throw new IllegalArgumentException("--set for " + String.join(", ", unused)
          + ", which this run does not use (activation " + spec.activation() + ", initializer "
          + spec.initializer() + ", optimizer " + spec.optimizer() + "): it would be ignored");
    }
  }

  /**
   * Runs a spec to its end.
   *
   * @throws IllegalArgumentException for a bad spec or malformed data files (nothing has run)
   * @throws UncheckedIOException when a data file cannot be read
   */
  public RunRecord run(RunSpec spec) {
    return run(resolve(spec));
  }

  /** Runs a resolved spec to its end. */
  public RunRecord run(ResolvedSpec resolved) {
    return new Execution(resolved).execute();
  }

  /** The state of one run while it executes. */
  private final class Execution {
    private final ResolvedSpec resolved;
    private final RunSpec spec;
    private final long startNanos = System.nanoTime();
    private final Map<String, Object> initDiagnostics = new LinkedHashMap<>();
    private Network truth;
    private Samples samples;
    private Activation activation;
    private double degree = Double.NaN;
    private double zeroLoss;
    /** Metrics of the initial network, once the initializer has finished. */
    private Metrics init;
    /** c in phi(z) + phi(-z) = c (NaN when there is none): flipping a unit then shifts by -c v_i. */
    private double symmetry = Double.NaN;

    Execution(ResolvedSpec resolved) {
      this.resolved = resolved;
      this.spec = resolved.spec();
    }

    RunRecord execute() {
      FusedKernel.warmUp(); // compiles the SIMD kernels while the samples are made
      String stage = resolved.activation().name();
      if (spec.dataFile() != null) {
        readData(); // unreadable files are bad input: rejected before anything runs
      }
      try {
        activation = create(resolved.activation(), ActivationProvider.class);
        OptionalDouble p = activation.homogeneityDegree();
        degree = p.isPresent() ? p.getAsDouble() : Double.NaN;
        symmetry = symmetryConstant(activation);
        if (samples == null) {
          generateData();
        }
        zeroLoss = objective(null, true, 1).zeroNetworkLoss();
        if (!Double.isFinite(zeroLoss)) {
          // file labels are checked by the readers, so only the activation can have made these
          throw new IllegalStateException(stage + " returned non-finite values on the samples "
              + "(the labels it made are not all finite)");
        }

        stage = resolved.initializer().name();
        long initStart = System.nanoTime();
        Initializer initializer = create(resolved.initializer(), InitializerProvider.class);
        Network start = initializer.initialize(new Context());
        checkNetwork(start, stage);
        init = measure(start, seconds(initStart));

        stage = resolved.optimizer().name();
        Optimizer optimizer = create(resolved.optimizer(), OptimizerProvider.class);
        OptimizationResult result = optimize(optimizer, start);
        Metrics fin = measure(network(result.point(), start), result.seconds());
        Metrics best = java.util.Arrays.equals(result.bestPoint(), result.point()) ? fin
            : measure(network(result.bestPoint(), start), result.seconds());
        Failure failure = result.failure();
        return record(outcomeOf(result.stopReason()), result.stopReason().id(),
            failure == null ? null : failure.message(), failure == null ? null : failure.plugin(),
            fin, result, best);
      } catch (RefusedException e) {
        return record(Outcome.REFUSED, null, e.getMessage(), stage, null, null, null);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        return failed(stage, e);
      }
    }

    private RunRecord failed(String plugin, Throwable e) {
      return record(Outcome.FAILED, null, plugin + " failed: " + e, plugin, null, null, null);
    }

    /**
     * Whom to blame for a non-finite objective at a finite point: the activation when, at a finite
     * pre-activation z of some sample, it returns NaN, or infinity while |z| <= 1e50 (where no
     * legitimate activation of polynomial growth overflows); nobody (a blow-up) otherwise.
     * One pass over the samples, made only when a run has already gone non-finite.
     */
    private Failure explainNonFinite(double[] point, Network start) {
      Network net = network(point, start);
      double[] w = net.weights();
      int d = samples.d();
      int k = spec.k();
      // block by block, with the objective's own pre-activations (samples may exceed one array)
      SampleBlock view = new SampleBlock();
      FusedKernel.Scratch scratch = new FusedKernel.Scratch(d, k);
      double[] z = new double[Samples.BLOCK_ROWS * k];
      double[] phi = new double[z.length];
      double[] dphi = new double[z.length];
      for (int b = 0; b < samples.blocks(); b++) {
        SampleBlock block = samples.block(b, view);
        int rows = block.rows();
        FusedKernel.hiddenInputs(block.x(), block.xOffset(), rows, d, k, w, z, scratch);
        activation.apply(z, 0, rows * k, phi, dphi);
        for (int e = 0; e < rows * k; e++) {
          if (!Double.isFinite(z[e])) {
            continue; // the weights overflowed the pre-activation: a blow-up, not the plugin
          }
          boolean moderate = Math.abs(z[e]) <= 1e50;
          if (Double.isNaN(phi[e]) || Double.isNaN(dphi[e])
              || (moderate && !(Double.isFinite(phi[e]) && Double.isFinite(dphi[e])))) {
            String name = resolved.activation().name();
            return new Failure(name, name + " returned phi(" + z[e] + ") = " + phi[e]
                + ", phi'(" + z[e] + ") = " + dphi[e] + " on the student's pre-activation of "
                + "sample " + (block.firstRow() + e / k) + ", unit " + e % k
                + " (a plugin must return finite values there)");
          }
        }
      }
      return null;
    }

    private <T> T create(PluginEntry entry, Class<? extends org.nnrecover.api.PluginProvider<T>> type) {
      return type.cast(entry.provider()).create(resolved.paramsOf(entry.name()));
    }

    private void readData() {
      try {
        samples = placement.read(Path.of(spec.dataFile()), spec.d() >= 1 ? spec.d() : -1);
        truth = spec.truthFile() == null ? null : TruthFile.read(Path.of(spec.truthFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + (samples == null ? spec.dataFile()
            : spec.truthFile()) + ": " + IoErrors.reason(e), e);
      }
      if (truth != null && (truth.d() != samples.d() || truth.k() != spec.k())) {
        throw new IllegalArgumentException("truth file " + spec.truthFile() + " has d = "
            + truth.d() + ", k = " + truth.k() + " but the run has d = " + samples.d()
            + ", k = " + spec.k());
      }
      if (spec.k() > samples.d()) {
        throw new IllegalArgumentException("k = " + spec.k() + " exceeds the data's d = "
            + samples.d());
      }
      if (resolved.options().resampleBatches() > samples.n()) {
        throw new IllegalArgumentException("run.resample-batches must be <= n = " + samples.n()
            + " (the samples in " + spec.dataFile() + "), got "
            + resolved.options().resampleBatches());
      }
    }

    private void generateData() {
      truth = Teachers.make(resolved.teacher(), spec.d(), spec.k(), spec.kappa(),
          Seeds.stream(spec.seed(), Seeds.TEACHER));
      samples = placement.generate(truth, activation, spec, executor);
    }

    private NetworkObjective objective(double[] v, boolean trainV, int batches) {
      return new NetworkObjective(samples,
          placement.losses(samples, activation, spec.k(), executor), spec.k(), v, trainV,
          batches, executor);
    }

    private OptimizationResult optimize(Optimizer optimizer, Network start) {
      RunOptions options = resolved.options();
      int k = spec.k();
      int kd = k * samples.d();
      NetworkObjective objective = objective(start.outputWeights(), options.trainV(),
          options.resampleBatches());
      double[] point = new double[objective.dimension()];
      System.arraycopy(start.weights(), 0, point, 0, kd);
      if (options.trainV()) {
        System.arraycopy(start.outputWeights(), 0, point, kd, k);
      }
      OptimizationDriver driver = new OptimizationDriver(objective, point,
          StopRules.from(resolved.stop()))
          .withReference(zeroLoss)
          .withTraceEvery(options.traceEvery())
          .withLayout(new ParameterLayout(samples.d(), k, options.trainV()))
          .withRandom(Seeds.stream(spec.seed(), Seeds.OPTIMIZER))
          .withNames(resolved.optimizer().name(), resolved.activation().name())
          .withNonFiniteExplainer(x -> explainNonFinite(x, start));
      if (options.resampleBatches() == 1) {
        NetworkJacobian jacobian = new NetworkJacobian(samples, activation, k,
            start.outputWeights(), options.trainV(), executor);
        driver.withGaussNewton(jacobian::gaussNewtonProduct);
      }
      if (options.trainV() && options.signV()) {
        driver.withProjection(x -> {
          for (int i = kd; i < kd + k; i++) {
            x[i] = x[i] >= 0 ? 1 : -1;
          }
        });
      }
      if (options.resampleBatches() > 1) {
        driver.onIterationStart(objective::useBatch).withResampling(true);
      }
      if (truth != null) {
        driver.withErrorProbe((x, out) -> {
          RecoveryMetrics m = compare(network(x, start));
          out[0] = m.unitError();
          out[1] = m.frobError();
        });
      }
      return driver.run(optimizer);
    }

    /** The network a parameter vector stands for (v from the vector when trained). */
    private Network network(double[] point, Network start) {
      int kd = spec.k() * samples.d();
      double[] w = java.util.Arrays.copyOf(point, kd);
      double[] v = resolved.options().trainV()
          ? java.util.Arrays.copyOfRange(point, kd, kd + spec.k())
          : start.outputWeights();
      return new Network(w, v, samples.d());
    }

    private Metrics measure(Network net, double seconds) {
      double objective = objective(net.outputWeights(), false, 1).value(net.weights());
      if (truth == null) {
        return new Metrics(null, null, null, null, null, null, objective, objective / zeroLoss,
            seconds);
      }
      RecoveryMetrics m = compare(net);
      return new Metrics(m.unitError(), m.frobError(), m.signsCorrect(), m.success(),
          m.directionError(), Double.isNaN(degree) ? null : m.productError(), objective,
          objective / zeroLoss, seconds);
    }

    /**
     * Recovery metrics against the truth. When phi(z) + phi(-z) = c, flipping a unit
     * ((v_i, w_i) -> (-v_i, -w_i)) changes the network by the constant -c v_i, so units are compared
     * in the canonical form v_i >= 0: for an odd phi (c = 0) that is the whole comparison; otherwise
     * (sigmoid) the networks are equal when moreover the counts of v_i = +1 agree, which is what
     * signsCorrect and success then require.
     */
    private RecoveryMetrics compare(Network net) {
      if (Double.isNaN(symmetry)) {
        return RecoveryMetrics.compute(truth, net, degree);
      }
      RecoveryMetrics m =
          RecoveryMetrics.compute(nonNegativeOutputs(truth), nonNegativeOutputs(net), degree);
      if (symmetry == 0) {
        return m;
      }
      boolean sumsAgree = Math.abs(Vectors.sum(net.outputWeights())
          - Vectors.sum(truth.outputWeights()))
          <= RecoveryMetrics.V_TOLERANCE;
      return new RecoveryMetrics(m.unitError(), m.permutation(), m.frobError(),
          m.frobPermutation(), sumsAgree, m.success() && sumsAgree, m.directionError(),
          m.directionPermutation(), m.productError());
    }

    private void checkNetwork(Network net, String plugin) {
      if (net == null) {
        throw new IllegalStateException(plugin + " returned no network");
      }
      if (net.d() != samples.d() || net.k() != spec.k()) {
        throw new IllegalStateException(plugin + " returned a network with d = " + net.d()
            + ", k = " + net.k() + "; expected d = " + samples.d() + ", k = " + spec.k());
      }
      for (double x : net.weights()) {
        if (!Double.isFinite(x)) {
          throw new IllegalStateException(plugin + " returned non-finite weights");
        }
      }
      for (double x : net.outputWeights()) {
        if (!Double.isFinite(x)) {
          throw new IllegalStateException(plugin + " returned non-finite output weights");
        }
      }
    }

    /**
     * The record of the run; the initial metrics are always those measured so far (null when the
     * initializer did not finish), so a failure after initialization keeps them.
     */
    private RunRecord record(Outcome outcome, String stopReason, String message, String plugin,
        Metrics fin, OptimizationResult result, Metrics best) {
      return new RunRecord(spec, resolved.recordedParams(), provenance(), outcome, stopReason,
          message, plugin,
          init, fin, result == null ? 0 : result.iterations(),
          result == null ? 0 : result.evaluations(), seconds(startNanos),
          Collections.unmodifiableMap(new LinkedHashMap<>(initDiagnostics)),
          result == null ? Map.of() : result.diagnostics(),
          result == null ? List.of() : result.trace(), best,
          fin == null || init == null ? null : fin.objective() > init.objective(),
          samples == null ? spec.d() : samples.d(), samples == null ? spec.n() : samples.n());
    }

    private Provenance provenance() {
      Map<String, Map<String, String>> plugins = new TreeMap<>();
      for (String name : resolved.params().keySet()) {
        PluginKind kind = registry.kindOf(name);
        if (kind != null) {
          PluginEntry entry = registry.find(kind, name);
          Map<String, String> plugin = new LinkedHashMap<>();
          plugin.put("kind", kind.id());
          plugin.put("class", entry.provider().getClass().getName());
          plugin.put("source", entry.source());
          plugin.put("version", entry.version());
          plugins.put(name, plugin);
        }
      }
      return new Provenance(PluginEntry.coreVersion(), ApiVersion.CURRENT,
          System.getProperty("nnrecover.commit"),
          System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
          System.getProperty("os.name") + " " + System.getProperty("os.arch"),
          executor.threads(), plugins);
    }

    /** What the initializer sees. */
    private final class Context implements InitContext {
      private ActivationProfile profile;
      private final SplittableRandom random = Seeds.stream(spec.seed(), Seeds.INITIALIZER);

      @Override
      public Samples samples() {
        return samples;
      }

      @Override
      public int k() {
        return spec.k();
      }

      @Override
      public ActivationProfile profile() {
        if (profile == null) {
          profile = ActivationProfiles.of(resolved.paramsOf(resolved.activation().name()),
              activation);
        }
        return profile;
      }

      @Override
      public SplittableRandom random() {
        return random;
      }

      @Override
      public SampleReducer reducer() {
        return placement.reducer(samples, executor);
      }

      @Override
      public SampleKernels kernels() {
        return TiledKernels.INSTANCE;
      }

      @Override
      public Optional<Network> teacher() {
        return Optional.ofNullable(truth);
      }

      @Override
      public TensorDecomposer decomposer(String name) {
        PluginEntry entry = registry.find(PluginKind.TENSOR_DECOMPOSER, name);
        Params params = resolved.params().containsKey(name) ? resolved.paramsOf(name)
            : registry.resolveParams(PluginKind.TENSOR_DECOMPOSER, name, Map.of());
        return ((TensorDecomposerProvider) entry.provider()).create(params);
      }

      @Override
      public Diagnostics diagnostics() {
        return initDiagnostics::put;
      }
    }
  }

  /**
   * The constant c with phi(z) + phi(-z) = c for every z (checked on a grid of [-8, 8] to 1e-12
   * relative), when there is one: 0 for an odd phi, 1 for sigmoid; NaN otherwise.
   */
  static double symmetryConstant(Activation activation) {
    double c = 2 * activation.value(0);
    for (int i = 1; i <= 160; i++) {
      double z = i * 0.05;
      double plus = activation.value(z);
      double sum = plus + activation.value(-z);
      if (Math.abs(sum - c) > 1e-12 * Math.max(Math.abs(plus), 1)) {
        return Double.NaN;
      }
    }
    return c;
  }

  /** The same units, each flipped ((v_i, w_i) -> (-v_i, -w_i)) so that v_i >= 0. */
  static Network nonNegativeOutputs(Network net) {
    double[] w = net.weights();
    double[] v = net.outputWeights();
    int d = net.d();
    for (int i = 0; i < v.length; i++) {
      if (v[i] < 0) {
        v[i] = -v[i];
        for (int a = 0; a < d; a++) {
          w[i * d + a] = -w[i * d + a];
        }
      }
    }
    return new Network(w, v, d);
  }

  private static Outcome outcomeOf(StopReason reason) {
    if (reason.converged()) {
      return Outcome.CONVERGED;
    }
    return switch (reason) {
      case MAX_ITERATIONS, MAX_EVALUATIONS -> Outcome.BUDGET_EXHAUSTED;
      case DIVERGED -> Outcome.DIVERGED;
      case FAILED -> Outcome.FAILED;
      default -> Outcome.STOPPED;
    };
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) * 1e-9;
  }

  /** A readable file, or with {@code folderAllowed} a readable folder (of .npy parts). */
  private static void requireReadable(String what, String file, boolean folderAllowed) {
    require(!file.isBlank(), what + ": an empty or blank file name is not allowed");
    Path path = Path.of(file);
    boolean folder = Files.isDirectory(path);
    require((Files.isRegularFile(path) || folder && folderAllowed) && Files.isReadable(path),
        what + " " + file + ": " + (folder ? "is a directory" : Files.exists(path)
            ? "not readable" : "no such file"));
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
