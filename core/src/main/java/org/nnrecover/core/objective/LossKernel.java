package org.nnrecover.core.objective;

import java.util.Arrays;
import org.nnrecover.api.Activation;

/**
 * The per-block computation of the empirical loss and its gradients: the unnormalized sums over
 * one slice of samples (METHOD.md section 2). The one copy of this kernel: {@link NetworkObjective}
 * runs it on this machine's threads, a distributed {@link BlockLosses} on the machines that hold
 * the blocks, and both get the same bits for the same block.
 *
 * <p>Holds tile workspaces: one instance per worker thread (not thread-safe).
 */
public final class LossKernel {
  /** Samples per inner tile: small enough that the tile's inputs stay in cache between passes. */
  private static final int TILE = 64;

  private final Activation activation;
  private final int k;
  private final int d;
  private final double[] z;
  private final double[] phi;
  private final double[] dphi;

  /**
   * @param activation phi (shared between kernels: activations are thread-safe)
   * @param k hidden units
   * @param d input dimension
   */
  public LossKernel(Activation activation, int k, int d) {
    this.activation = activation;
    this.k = k;
    this.d = d;
    this.z = new double[TILE * k];
    this.phi = new double[TILE * k];
    this.dphi = new double[TILE * k];
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
    int vOffset = k * d;
    double loss = 0;
    for (int tile = 0; tile < rows; tile += TILE) {
      int tileEnd = Math.min(rows, tile + TILE);
      int m = (tileEnd - tile) * k;
      for (int j = tile; j < tileEnd; j++) {
        int xo = xOffset + j * d;
        int zo = (j - tile) * k;
        for (int i = 0; i < k; i++) {
          z[zo + i] = Kernels.dot(point, i * d, x, xo, d);
        }
      }
      activation.apply(z, 0, m, phi, wantGradient ? dphi : null);
      for (int j = tile; j < tileEnd; j++) {
        int zo = (j - tile) * k;
        double prediction = 0;
        for (int i = 0; i < k; i++) {
          prediction += outputWeight(point, fixedV, i) * phi[zo + i];
        }
        double r = prediction - y[yOffset + j];
        loss += r * r;
        if (!wantGradient) {
          continue;
        }
        int xo = xOffset + j * d;
        for (int i = 0; i < k; i++) {
          double c = r * outputWeight(point, fixedV, i) * dphi[zo + i];
          if (c != 0) {
            int wo = i * d;
            for (int a = 0; a < d; a++) {
              acc[wo + a] += c * x[xo + a];
            }
          }
          if (trainV) {
            acc[vOffset + i] += r * phi[zo + i];
          }
        }
      }
    }
    acc[acc.length - 1] = loss;
  }

  private double outputWeight(double[] point, double[] fixedV, int i) {
    return fixedV == null ? point[k * d + i] : fixedV[i];
  }
}
