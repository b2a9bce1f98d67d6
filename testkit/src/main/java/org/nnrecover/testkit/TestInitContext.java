package org.nnrecover.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nnrecover.api.Activation;
import org.nnrecover.api.ActivationProfile;
import org.nnrecover.api.Diagnostics;
import org.nnrecover.api.InitContext;
import org.nnrecover.api.Network;
import org.nnrecover.api.SampleReducer;
import org.nnrecover.api.Samples;
import org.nnrecover.api.TensorDecomposer;
import org.nnrecover.api.numerics.Vectors;

/**
 * A self-contained {@link InitContext} for testing initializers without nnrecover's core: a teacher
 * network, Gaussian samples labeled by it, the activation's profile, a seeded random stream, a
 * sequential {@link SampleReducer}, and recorded diagnostics.
 *
 * <p>The teacher: k orthonormal directions in R^d (Gram-Schmidt of Gaussian vectors; plain Gaussian
 * directions when k > d, which only a context for testing refusals asks for) scaled by
 * norms evenly spaced from 1 to kappa, output weights uniform in {-1, +1}. Samples x ~ N(0, I_d),
 * y = sum_i v_i phi(w_i . x). Everything follows from the seed; the initializer's stream is
 * independent of the teacher's and the samples'. Build one with {@link #builder(Activation)}.
 */
public final class TestInitContext implements InitContext {
  private final Samples samples;
  private final int k;
  private final Network teacher;
  private final boolean teacherVisible;
  private final ActivationProfile profile;
  private final SplittableRandom random;
  private final Map<String, TensorDecomposer> decomposers;
  private final Map<String, Object> diagnostics = new LinkedHashMap<>();

  private TestInitContext(Builder b) {
    SplittableRandom master = new SplittableRandom(b.seed);
    SplittableRandom teacherStream = master.split();
    SplittableRandom sampleStream = master.split();
    this.random = master.split();
    this.k = b.k;
    this.teacher = teacher(b.d, b.k, b.kappa, teacherStream);
    this.samples = samples(teacher, b.activation, b.n, sampleStream);
    this.teacherVisible = b.teacherVisible;
    this.profile = new GaussianProfile(b.activation);
    this.decomposers = Map.copyOf(b.decomposers);
  }

  /** A builder for contexts with phi = {@code activation}; defaults d = 5, k = 2, n = 2000. */
  public static Builder builder(Activation activation) {
    return new Builder(activation);
  }

  private static Network teacher(int d, int k, double kappa, SplittableRandom random) {
    double[] w = new double[k * d];
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      double[] u = new double[d];
      double norm;
      do { // Gram-Schmidt against the earlier directions; redraw in the (null-set) degenerate case
        for (int a = 0; a < d; a++) {
          u[a] = random.nextGaussian();
        }
        // with k > d (contexts for testing refusals) the directions cannot all be independent
        for (int j = 0; j < (k <= d ? i : 0); j++) {
          double dot = Vectors.dot(u, 0, w, j * d, d);
          double wj = Vectors.norm(w, j * d, d);
          double scale = dot / (wj * wj);
          for (int a = 0; a < d; a++) {
            u[a] -= scale * w[j * d + a];
          }
        }
        norm = Vectors.norm(u, 0, d);
      } while (norm < 1e-8);
      double sigma = k == 1 ? 1 : 1 + (kappa - 1) * i / (k - 1.0);
      for (int a = 0; a < d; a++) {
        w[i * d + a] = sigma * u[a] / norm;
      }
      v[i] = random.nextBoolean() ? 1 : -1;
    }
    return new Network(w, v, d);
  }

  /**
   * Samples stored as one pair of arrays per block (not one array), so that initializers are tested
   * on the block storage that large sample sets use; {@link Samples#x()} still works (it copies).
   */
  private static Samples samples(Network teacher, Activation phi, int n, SplittableRandom random) {
    int d = teacher.d();
    int blocks = Samples.blockCount(n);
    double[][] x = new double[blocks][];
    double[][] y = new double[blocks][];
    double[] w = teacher.weights();
    for (int b = 0; b < blocks; b++) {
      int rows = Math.min(Samples.BLOCK_ROWS, n - b * Samples.BLOCK_ROWS);
      x[b] = new double[rows * d];
      y[b] = new double[rows];
      for (int r = 0; r < rows; r++) {
        for (int a = 0; a < d; a++) {
          x[b][r * d + a] = random.nextGaussian();
        }
        double label = 0;
        for (int i = 0; i < teacher.k(); i++) {
          double z = Vectors.dot(w, i * d, x[b], r * d, d);
          label += teacher.outputWeight(i) * phi.value(z);
        }
        y[b][r] = label;
      }
    }
    return new Samples(n, d, (b, view) -> view.point(x[b], 0, y[b], 0));
  }

  @Override
  public Samples samples() {
    return samples;
  }

  @Override
  public int k() {
    return k;
  }

  @Override
  public ActivationProfile profile() {
    return profile;
  }

  @Override
  public SplittableRandom random() {
    return random;
  }

  /**
   * Sums over the fixed blocks of {@link Samples#BLOCK_ROWS} samples, in block order, on the
   * calling thread (the same bits as the core's parallel reducer).
   */
  @Override
  public SampleReducer reducer() {
    return (n, width, task) -> {
      double[] total = new double[width];
      double[] block = new double[width];
      for (int from = 0; from < n; from += Samples.BLOCK_ROWS) {
        java.util.Arrays.fill(block, 0);
        task.accumulate(from, Math.min(n, from + Samples.BLOCK_ROWS), block);
        for (int i = 0; i < width; i++) {
          total[i] += block[i];
        }
      }
      return total;
    };
  }

  /** The teacher when the builder allowed oracle access ({@link Builder#teacherVisible}). */
  @Override
  public Optional<Network> teacher() {
    return teacherVisible ? Optional.of(teacher) : Optional.empty();
  }

  /** The teacher that labeled the samples, whether or not the initializer may see it. */
  public Network truth() {
    return teacher;
  }

  @Override
  public TensorDecomposer decomposer(String name) {
    TensorDecomposer decomposer = decomposers.get(name);
    if (decomposer == null) {
      throw new IllegalArgumentException("no tensor decomposer '" + name + "' in this test "
          + "context; add one with TestInitContext.Builder.decomposer(name, decomposer)");
    }
    return decomposer;
  }

  @Override
  public Diagnostics diagnostics() {
    return diagnostics::put;
  }

  /** What the initializer recorded, in order (read-only). */
  public Map<String, Object> recorded() {
    return Collections.unmodifiableMap(diagnostics);
  }

  /** Sizes, seed and oracle access of a {@link TestInitContext}; every build gives a fresh one. */
  public static final class Builder {
    private final Activation activation;
    private int d = 5;
    private int k = 2;
    private int n = 2000;
    private double kappa = 2;
    private long seed = 1;
    private boolean teacherVisible;
    private final Map<String, TensorDecomposer> decomposers = new LinkedHashMap<>();

    private Builder(Activation activation) {
      this.activation = Objects.requireNonNull(activation, "activation");
    }

    /** Input dimension, at least 1 (k > d makes a context for testing refusals). */
    public Builder d(int value) {
      d = value;
      return this;
    }

    /** Hidden units, at least 1. */
    public Builder k(int value) {
      k = value;
      return this;
    }

    /** Number of samples, at least 1. */
    public Builder n(int value) {
      n = value;
      return this;
    }

    /** Condition number of the teacher's weights, at least 1. */
    public Builder kappa(double value) {
      kappa = value;
      return this;
    }

    /** The seed of teacher, samples and the initializer's random stream. */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** Whether {@link InitContext#teacher()} returns the teacher (oracle access). */
    public Builder teacherVisible(boolean value) {
      teacherVisible = value;
      return this;
    }

    /** Makes a tensor decomposer available under {@code name}. */
    public Builder decomposer(String name, TensorDecomposer decomposer) {
      decomposers.put(name, decomposer);
      return this;
    }

    /**
     * A fresh context (new random stream, empty diagnostics).
     *
     * @throws IllegalArgumentException for impossible sizes
     */
    public TestInitContext build() {
      if (k < 1 || d < 1 || n < 1 || !(kappa >= 1)) {
        throw new IllegalArgumentException("need k >= 1, d >= 1, n >= 1 and kappa >= 1; got d = "
            + d
            + ", k = " + k + ", n = " + n + ", kappa = " + kappa);
      }
      return new TestInitContext(this);
    }
  }
}
