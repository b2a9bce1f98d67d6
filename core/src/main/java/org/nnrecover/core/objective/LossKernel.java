package org.nnrecover.core.objective;

import java.util.Arrays;
import org.nnrecover.api.Activation;

/**
 * The per-block computation of the empirical loss and its gradients: the unnormalized sums over
 * one slice of samples (METHOD.md section 2), through the fused register-tiled
 * {@link FusedKernel}. The one entry point for a block's sums: {@link NetworkObjective} runs it on
 * this machine's threads, a distributed {@link BlockLosses} on the machines that hold the blocks,
 * and both get the same bits for the same block (the fused kernel's SIMD and scalar paths agree
 * bit for bit, so an executor without the Vector API module gives the same numbers).
 *
 * <p>Holds the kernel's workspaces: one instance per worker thread (not thread-safe).
 */
public final class LossKernel {
  private final Activation activation;
  private final int k;
  private final int d;
  private final FusedKernel.Scratch scratch;
  /** The output weights of a call that trains v, copied from the point. */
  private final double[] trainedV;

  /**
   * @param activation phi (shared between kernels: activations are thread-safe)
   * @param k hidden units
   * @param d input dimension
   */
  public LossKernel(Activation activation, int k, int d) {
    this.activation = activation;
    this.k = k;
    this.d = d;
    this.scratch = new FusedKernel.Scratch(d, k);
    this.trainedV = new double[k];
  }

  /** Length of an accumulator: k d gradient entries in W, k in v, and the loss sum. */
  public static int width(int k, int d) {
    return k * d + k + 1;
  }

  /**
   * Sets {@code acc} ({@link #width} entries) to the loss sum (last entry), gradient in W (first k
   * d entries) and in v (next k; zero when v is fixed) of the {@code rows} samples whose inputs
   * start at {@code x[xOffset]} (row stride d) and labels at {@code y[yOffset]}, unnormalized.
   *
   * @param point W as k rows of length d, followed by v (k entries) when {@code fixedV} is null
   * @param fixedV the output weights when v is not trained, else null
   * @param wantGradient false to compute the loss sum only (the gradient entries stay zero)
   */
  public void accumulate(double[] point, double[] fixedV, boolean wantGradient, double[] x,
      int xOffset, double[] y, int yOffset, int rows, double[] acc) {
    Arrays.fill(acc, 0);
    boolean trainV = fixedV == null;
    double[] v = fixedV;
    if (trainV) {
      System.arraycopy(point, k * d, trainedV, 0, k);
      v = trainedV;
    }
    FusedKernel.accumulate(x, xOffset, y, yOffset, rows, d, k, point, v, trainV, wantGradient,
        activation, acc, scratch);
  }
}
