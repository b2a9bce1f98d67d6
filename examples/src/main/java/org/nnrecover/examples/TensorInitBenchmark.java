package org.nnrecover.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.nnrecover.activations.Relu;
import org.nnrecover.activations.SquaredRelu;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProfile;
import org.nnrecover.api.ActivationProvider;
import org.nnrecover.api.Decomposition;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.InitContext;
import org.nnrecover.api.Initializer;
import org.nnrecover.api.Network;
import org.nnrecover.api.Params;
import org.nnrecover.api.SampleReducer;
import org.nnrecover.api.Samples;
import org.nnrecover.api.TensorDecomposer;
import org.nnrecover.api.TensorDecomposerProvider;
import org.nnrecover.core.data.SampleGenerator;
import org.nnrecover.core.data.Seeds;
import org.nnrecover.core.data.TeacherKind;
import org.nnrecover.core.data.Teachers;
import org.nnrecover.core.metrics.RecoveryMetrics;
import org.nnrecover.core.objective.FusedKernel;
import org.nnrecover.core.objective.TiledKernels;
import org.nnrecover.core.parallel.BlockExecutor;
import org.nnrecover.core.theory.ActivationProfiles;
import org.nnrecover.initializers.TensorInitializerProvider;
import org.nnrecover.initializers.tensor.Dense;
import org.nnrecover.initializers.tensor.Moments;
import org.nnrecover.initializers.tensor.BlockKrylov;

/**
 * Speed and accuracy of the tensor initializer (issue 4). Not a test: run with
 * {@code java -Xmx16g -cp ... org.nnrecover.examples.TensorInitBenchmark scaling|k|accuracy|repeat}.
 *
 * <ul>
 *   <li>{@code scaling}: d = 100..1600, n = 250 d, k = 10 (squared ReLU): times of one P2_hat U
 *       product, building R3, the decomposition, the block Krylov passes (and their count), the whole
 *       initializer, and the log-log slope of the per-pass time against n d.
 *   <li>{@code k}: the same at d = 200, n = 50000 for k = 5, 10, 20, 40.
 *   <li>{@code accuracy}: init unitError median [min, max] and v-right count over seeds 1..10,
 *       d = 10, k = 5, kappa = 2, squared ReLU and ReLU at n = 10^4 and 10^5.
 *   <li>{@code repeat D N K [RUNS]}: the default initializer RUNS times (default 3) in one JVM on
 *       the same samples, each run's wall time, its seconds.* and the CPU time of the whole process
 *       during it (JIT compiler threads included): the first run pays the JIT, the later ones
 *       show the compiled speed; CPU time is the number that heavy load distorts least. Also the
 *       heap in use before each run (after a GC: mostly the samples) and its peak during the run
 *       (the sum of the heap pools' peaks, an upper bound).
 * </ul>
 *
 * <p>The activations are the built-in plugins, their profiles core's {@link ActivationProfiles}.
 */
public final class TensorInitBenchmark {
  private static final int OVERSAMPLING = 8;

  private TensorInitBenchmark() {}

  /** Entry point; the argument chooses the table. */
  public static void main(String[] args) {
    String mode = args.length > 0 ? args[0] : "scaling";
    try (BlockExecutor executor = BlockExecutor.forAvailableProcessors()) {
      switch (mode) {
        case "scaling" -> scaling(executor, args.length > 1 ? Integer.parseInt(args[1]) : 1600);
        case "k" -> kScaling(executor);
        case "accuracy" -> accuracy(executor);
        case "repeat" -> repeat(executor, Integer.parseInt(args[1]), Integer.parseInt(args[2]),
            Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 3);
        default -> throw new IllegalArgumentException("unknown mode '" + mode
            + "': expected scaling, k, accuracy or repeat D N K [RUNS]");
      }
    }
  }

  private static void scaling(BlockExecutor executor, int maxD) {
    System.out.println("threads " + executor.threads() + ", squared ReLU, k = 10, n = 250 d");
    System.out.println("     d        n   P2U(ms)    R3(ms)  decomp(ms)  iters  subspace(ms)"
        + "  total(ms)  unitError");
    List<double[]> passes = new ArrayList<>();
    for (int d = 100; d <= maxD; d *= 2) {
      double pass = row(executor, d, 250 * d, 10);
      passes.add(new double[] {(double) d * 250 * d, pass});
    }
    System.out.printf("log-log slope of P2U time against n d: %.3f%n", slope(passes));
  }

  private static void kScaling(BlockExecutor executor) {
    System.out.println("threads " + executor.threads() + ", squared ReLU, d = 200, n = 50000");
    System.out.println("     d        n   P2U(ms)    R3(ms)  decomp(ms)  iters  subspace(ms)"
        + "  total(ms)  unitError   (k in the next line)");
    for (int k : new int[] {5, 10, 20, 40}) {
      System.out.println("k = " + k);
      row(executor, 200, 50000, k);
    }
  }

  /** One timing row; returns the time of one P2_hat U product in ms. */
  private static double row(BlockExecutor executor, int d, int n, int k) {
    long seed = 1;
    Activation phi = Activations.defaults(new SquaredRelu());
    Network teacher = Teachers.make(TeacherKind.RANDOM, d, k, 2, Seeds.stream(seed, "teacher"));
    Samples samples = SampleGenerator.generate(teacher, phi, n, 0, seed, executor);
    Moments moments = new Moments(samples, executor, TiledKernels.INSTANCE);
    int[] rows = new int[n];
    Arrays.setAll(rows, j -> j);
    // the initializer's default (variance-reduced) labels for P2_hat: y - mean(y) - x . M1_hat
    double[] first = moments.firstMoments(rows);
    double[] m1 = Arrays.copyOfRange(first, 1, d + 1);
    double[] labels = moments.affineResiduals(rows, first[0], m1);
    Moments.SecondMomentOperator p2 =
        moments.secondMoment(rows, new Moments.Labels(first[0], m1), 0, null);
    SplittableRandom random = new SplittableRandom(seed);
    int b = Math.min(d, k + OVERSAMPLING);
    double[] block = Dense.orthonormalize(gaussian(random, d * b), d, b);
    p2.apply(block, b); // warm-up
    int reps = 3;
    long t0 = System.nanoTime();
    for (int r = 0; r < reps; r++) {
      p2.apply(block, b);
    }
    double pass = (System.nanoTime() - t0) / 1e6 / reps;

    t0 = System.nanoTime();
    BlockKrylov.Result sub = BlockKrylov.run(p2::apply, d, k, OVERSAMPLING, 1e-3, 200,
        random);
    double subspaceMs = (System.nanoTime() - t0) / 1e6;

    t0 = System.nanoTime();
    double[][] projection = moments.project(rows, sub.vectors(), k, null);
    double[] r3 = moments.projectedContraction(3, 0, projection[0], k, labels, null, null);
    double r3Ms = (System.nanoTime() - t0) / 1e6;

    t0 = System.nanoTime();
    Decomposition dec = decomposer("jennrich").decompose(r3, k, k, random, Diagnostics.none());
    double decompositionMs = (System.nanoTime() - t0) / 1e6;

    Context context = new Context(samples, k, ActivationProfiles.of(phi), seed, executor);
    t0 = System.nanoTime();
    Network w0 = defaultMethod().initialize(context);
    double totalMs = (System.nanoTime() - t0) / 1e6;
    String error = String.format("%.3f",
        RecoveryMetrics.compute(teacher, w0, Double.NaN).unitError());
    System.out.printf("%6d %8d %9.1f %9.1f %11.1f %6d %13.1f %10.1f  %s  (decomp residual %.3g;"
        + " the initializer's own subspace passes: %s; its seconds: subspace %s, tensor %s,"
        + " decomposition + refinement %s, refinement sweeps %s)%n", d, n, pass, r3Ms,
        decompositionMs, sub.iterations(), subspaceMs, totalMs, error, dec.residual(),
        context.recorded().get("subspace.iterations"), seconds(context, "subspace"),
        seconds(context, "tensor"), seconds(context, "decomposition"),
        context.recorded().get("refinement.iterations"));
    return pass;
  }

  private static void repeat(BlockExecutor executor, int d, int n, int k, int runs) {
    FusedKernel.warmUp(); // as a run does, while the samples are made
    Activation phi = Activations.defaults(new SquaredRelu());
    Network teacher = Teachers.make(TeacherKind.RANDOM, d, k, 2, Seeds.stream(1, Seeds.TEACHER));
    Samples samples = SampleGenerator.generate(teacher, phi, n, 0, 1, executor);
    ActivationProfile profile = ActivationProfiles.of(phi);
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    System.out.println("threads " + executor.threads() + ", squared ReLU, d = " + d + ", n = " + n
        + ", k = " + k);
    System.out.printf("samples: %.1f MB of x and y%n", ((double) n * d + n) * 8 / 1e6);
    List<java.lang.management.MemoryPoolMXBean> heap = heapPools();
    for (int run = 1; run <= runs; run++) {
      Context context = new Context(samples, k, profile, 1, executor);
      System.gc();
      long before = used(heap, false);
      heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
      long cpu = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      Network w0 = defaultMethod().initialize(context);
      double wall = (System.nanoTime() - t0) * 1e-9;
      double cpuSeconds = (os.getProcessCpuTime() - cpu) * 1e-9;
      System.out.printf("run %d: wall %.2f s, process CPU %.2f s; seconds subspace %s, tensor %s,"
          + " decomposition %s, magnitudes-and-signs %s, control %s; subspace passes %s;"
          + " unitError %.4f; heap before %.1f MB, peak %.1f MB%n",
          run, wall, cpuSeconds, seconds(context, "subspace"), seconds(context, "tensor"),
          seconds(context, "decomposition"), seconds(context, "magnitudes-and-signs"),
          seconds(context, "control"),
          context.recorded().get("subspace.iterations"),
          RecoveryMetrics.compute(teacher, w0, Double.NaN).unitError(), before / 1e6,
          used(heap, true) / 1e6);
    }
  }

  private static List<java.lang.management.MemoryPoolMXBean> heapPools() {
    return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP).toList();
  }

  /**
   * Heap in use: now, or the sum of the pools' peaks since their last reset (an upper bound on
   * the true peak, since the pools need not peak at the same moment).
   */
  private static long used(List<java.lang.management.MemoryPoolMXBean> pools, boolean peak) {
    long sum = 0;
    for (java.lang.management.MemoryPoolMXBean pool : pools) {
      sum += (peak ? pool.getPeakUsage() : pool.getUsage()).getUsed();
    }
    return sum;
  }

  private static void accuracy(BlockExecutor executor) {
    System.out.println("d = 10, k = 5, kappa = 2, seeds 1..10, tensor init (defaults)");
    System.out.println("activation     n       unitError median [min, max]   v right");
    for (ActivationProvider provider : List.of(new SquaredRelu(), new Relu())) {
      for (int n : new int[] {10000, 100000}) {
        double[] errors = new double[10];
        int vRight = 0;
        Activation phi = Activations.defaults(provider);
        ActivationProfile profile = ActivationProfiles.of(phi);
        for (int seed = 1; seed <= 10; seed++) {
          Network teacher = Teachers.make(TeacherKind.RANDOM, 10, 5, 2,
              Seeds.stream(seed, Seeds.TEACHER));
          Samples samples = SampleGenerator.generate(teacher, phi, n, 0, seed, executor);
          Context context = new Context(samples, 5, profile, Seeds.mix(seed, Seeds.INITIALIZER),
              executor);
          RecoveryMetrics metrics = RecoveryMetrics.compute(teacher,
              defaultMethod().initialize(context), Double.NaN);
          errors[seed - 1] = metrics.unitError();
          vRight += metrics.signsCorrect() ? 1 : 0;
        }
        Arrays.sort(errors);
        System.out.printf("%-12s %7d   %.3f [%.3f, %.3f]              %d/10%n",
            provider.name(), n, (errors[4] + errors[5]) / 2, errors[0], errors[9], vRight);
      }
    }
  }

  private static String seconds(Context context, String step) {
    Object value = context.recorded().get("seconds." + step);
    return value instanceof Double x ? String.format("%.2f", x) : String.valueOf(value);
  }

  /** The {@code tensor} plugin with its default parameters, as a run without --set uses it. */
  static Initializer defaultMethod() {
    TensorInitializerProvider provider = new TensorInitializerProvider();
    return provider.create(Params.defaults(provider.name(), provider.parameters()));
  }

  private static double slope(List<double[]> points) {
    double mx = 0;
    double my = 0;
    for (double[] p : points) {
      mx += Math.log(p[0]);
      my += Math.log(p[1]);
    }
    mx /= points.size();
    my /= points.size();
    double sxy = 0;
    double sxx = 0;
    for (double[] p : points) {
      sxy += (Math.log(p[0]) - mx) * (Math.log(p[1]) - my);
      sxx += Math.pow(Math.log(p[0]) - mx, 2);
    }
    return sxy / sxx;
  }

  private static double[] gaussian(SplittableRandom random, int n) {
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = random.nextGaussian();
    }
    return g;
  }

  static TensorDecomposer decomposer(String name) {
    for (TensorDecomposerProvider provider : ServiceLoader.load(TensorDecomposerProvider.class)) {
      if (provider.name().equals(name)) {
        return provider.create(Params.defaults(name, provider.parameters()));
      }
    }
    throw new IllegalArgumentException("no decomposer named '" + name + "'");
  }

  /** A minimal InitContext over in-memory samples. */
  record Context(Samples samples, int k, ActivationProfile profile, SplittableRandom random,
      SampleReducer reducer, Map<String, Object> recorded) implements InitContext {

    Context(Samples samples, int k, ActivationProfile profile, long seed, SampleReducer reducer) {
      this(samples, k, profile, new SplittableRandom(seed), reducer, new LinkedHashMap<>());
    }

    @Override
    public org.nnrecover.api.SampleKernels kernels() {
      return TiledKernels.INSTANCE;
    }

    @Override
    public Optional<Network> teacher() {
      return Optional.empty();
    }

    @Override
    public TensorDecomposer decomposer(String name) {
      return TensorInitBenchmark.decomposer(name);
    }

    @Override
    public Diagnostics diagnostics() {
      return recorded::put;
    }
  }
}
