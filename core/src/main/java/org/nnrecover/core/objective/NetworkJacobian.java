package org.nnrecover.core.objective;

import java.util.Arrays;
import org.nnrecover.api.Activation;
import org.nnrecover.api.Samples;
import org.nnrecover.core.parallel.BlockExecutor;

/**
 * The Gauss-Newton product of the network loss, {@code out = (1/n) J^T (J u)}, matrix-free in one
 * pass over the samples. J is the Jacobian of the residuals {@code r_j = sum_i v_i phi(w_i . x_j) -
 * y_j}: row j is {@code v_i phi'(w_i . x_j) x_j} in the block of w_i and {@code phi(w_i . x_j)} at
 * v_i (when v is trained). Per sample, {@code (J u)_j} is formed from the same pre-activations and
 * immediately multiplied back by row j, so neither J nor J u (n numbers) is ever stored.
 *
 * <p>The parameter vector is laid out as in {@link NetworkObjective}. The pass is cut into the same
 * fixed {@link BlockExecutor} blocks, combined in block order (bit-identical for any thread count),
 * with per-worker scratch allocated once: a product allocates nothing. Always uses all samples.
 * Not thread-safe: one instance serves one optimization at a time.
 */
public final class NetworkJacobian {
  /** Samples per inner tile, so that the activation is applied in bulk. */
  private static final int TILE = 64;

  private final Samples samples;
  private final Activation activation;
  private final int k;
  private final int d;
  private final boolean trainV;
  private final double[] fixedV;
  private final BlockExecutor executor;
  private final int dimension;
  private final double[][] partial;
  private final double[][] tileZ;
  private final double[][] tileU;
  private final double[][] tilePhi;
  private final double[][] tileDphi;

  /**
   * @param samples training samples
   * @param activation phi
   * @param k hidden units
   * @param fixedV output weights used when v is not trained (ignored, may be null, when it is)
   * @param trainV whether v is part of the parameter vector
   * @param executor the worker threads
   */
  public NetworkJacobian(Samples samples, Activation activation, int k, double[] fixedV,
      boolean trainV, BlockExecutor executor) {
    if (!trainV && (fixedV == null || fixedV.length != k)) {
      throw new IllegalArgumentException("fixed v must have k = " + k + " entries");
    }
    this.samples = samples;
    this.activation = activation;
    this.k = k;
    this.d = samples.d();
    this.trainV = trainV;
    this.fixedV = trainV ? null : fixedV.clone();
    this.executor = executor;
    this.dimension = trainV ? k * d + k : k * d;
    this.partial = new double[BlockExecutor.blockCount(samples.n())][dimension];
    int workers = executor.threads();
    this.tileZ = new double[workers][TILE * k];
    this.tileU = new double[workers][TILE * k];
    this.tilePhi = new double[workers][TILE * k];
    this.tileDphi = new double[workers][TILE * k];
  }

  /** Length of the parameter vector. */
  public int dimension() {
    return dimension;
  }

  /**
   * {@code out = (1/n) J(point)^T J(point) direction}.
   *
   * @param point parameters; not modified
   * @param direction u; not modified
   * @param out overwritten with the product
   */
  public void gaussNewtonProduct(double[] point, double[] direction, double[] out) {
    if (point.length != dimension || direction.length != dimension || out.length != dimension) {
      throw new IllegalArgumentException("vectors must have length " + dimension);
    }
    int n = samples.n();
    int blocks = BlockExecutor.blockCount(n);
    executor.forEachBlock(blocks, (b, worker) -> accumulateBlock(point, direction,
        BlockExecutor.blockStart(b), BlockExecutor.blockEnd(b, n), partial[b], worker));
    Arrays.fill(out, 0);
    for (int b = 0; b < blocks; b++) {
      double[] row = partial[b];
      for (int i = 0; i < dimension; i++) {
        out[i] += row[i];
      }
    }
    for (int i = 0; i < dimension; i++) {
      out[i] /= n;
    }
  }

  /** Adds sum_j (J u)_j J_j over the block's samples to {@code acc}, unnormalized. */
  private void accumulateBlock(double[] point, double[] u, int from, int to, double[] acc,
      int worker) {
    Arrays.fill(acc, 0);
    double[] x = samples.x();
    double[] z = tileZ[worker];
    double[] ux = tileU[worker];
    double[] phi = tilePhi[worker];
    double[] dphi = tileDphi[worker];
    int vOffset = k * d;
    for (int tile = from; tile < to; tile += TILE) {
      int tileEnd = Math.min(to, tile + TILE);
      for (int j = tile; j < tileEnd; j++) {
        int xo = j * d;
        int zo = (j - tile) * k;
        for (int i = 0; i < k; i++) {
          z[zo + i] = Kernels.dot(point, i * d, x, xo, d);
          ux[zo + i] = Kernels.dot(u, i * d, x, xo, d);
        }
      }
      activation.apply(z, 0, (tileEnd - tile) * k, phi, dphi);
      for (int j = tile; j < tileEnd; j++) {
        int zo = (j - tile) * k;
        double ju = 0;
        for (int i = 0; i < k; i++) {
          ju += outputWeight(point, i) * dphi[zo + i] * ux[zo + i];
          if (trainV) {
            ju += u[vOffset + i] * phi[zo + i];
          }
        }
        if (ju == 0) {
          continue;
        }
        int xo = j * d;
        for (int i = 0; i < k; i++) {
          double c = ju * outputWeight(point, i) * dphi[zo + i];
          if (c != 0) {
            int wo = i * d;
            for (int a = 0; a < d; a++) {
              acc[wo + a] += c * x[xo + a];
            }
          }
          if (trainV) {
            acc[vOffset + i] += ju * phi[zo + i];
          }
        }
      }
    }
  }

  private double outputWeight(double[] point, int i) {
    return trainV ? point[k * d + i] : fixedV[i];
  }
}
