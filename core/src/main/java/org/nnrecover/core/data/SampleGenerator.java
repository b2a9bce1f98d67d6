package org.nnrecover.core.data;

import java.util.SplittableRandom;
import org.nnrecover.api.Activation;
import org.nnrecover.api.Network;
import org.nnrecover.api.Samples;
import org.nnrecover.core.objective.FusedKernel;
import org.nnrecover.core.parallel.BlockExecutor;

/** Draws x ~ N(0, I_d) and labels y = sum_i v_i phi(w_i . x) + noise * N(0, 1). */
public final class SampleGenerator {
  private SampleGenerator() {}

  /**
   * @param teacher the ground truth
   * @param activation phi
   * @param n number of samples
   * @param noise standard deviation of the Gaussian label noise (0 for none)
   * @param inputs the stream for x
   * @param noiseStream the stream for the label noise (a separate stream, so that the noise level
   *     does not change x)
   */
  public static Samples generate(Network teacher, Activation activation, int n, double noise,
      SplittableRandom inputs, SplittableRandom noiseStream) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException("noise must be a finite number >= 0, got " + noise);
    }
    int d = teacher.d();
    if ((long) n * d > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("n * d = " + (long) n * d
          + " exceeds the largest array Java allows (" + (Integer.MAX_VALUE - 8) + ")");
    }
    double[] x = new double[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = inputs.nextGaussian();
    }
    double[] y = labels(teacher, activation, x, n);
    if (noise > 0) {
      for (int j = 0; j < n; j++) {
        y[j] += noise * noiseStream.nextGaussian();
      }
    }
    return new Samples(x, y, d);
  }

  /**
   * Noise-free labels of the n x d inputs {@code x} under {@code network}, computed with the
   * objective's own arithmetic ({@link FusedKernel#hiddenInputs}, the bulk activation and
   * {@link FusedKernel#predict}), so that the loss at the truth is exactly zero.
   */
  public static double[] labels(Network network, Activation activation, double[] x, int n) {
    int d = network.d();
    int k = network.k();
    double[] w = network.weights();
    double[] v = network.outputWeights();
    double[] y = new double[n];
    int chunk = BlockExecutor.BLOCK_SIZE;
    FusedKernel.Scratch scratch = new FusedKernel.Scratch(d, k);
    double[] z = new double[Math.min(n, chunk) * k];
    double[] phi = new double[z.length];
    for (int from = 0; from < n; from += chunk) {
      int rows = Math.min(chunk, n - from);
      FusedKernel.hiddenInputs(x, from * d, rows, d, k, w, z, scratch);
      activation.apply(z, 0, rows * k, phi, null);
      for (int s = 0; s < rows; s++) {
        y[from + s] = FusedKernel.predict(phi, s * k, v, k);
      }
    }
    return y;
  }
}
