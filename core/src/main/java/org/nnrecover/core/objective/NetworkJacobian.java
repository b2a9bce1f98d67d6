package org.nnrecover.core.objective;

import java.util.Arrays;
import org.nnrecover.api.Activation;
import org.nnrecover.api.SampleBlock;
import org.nnrecover.api.Samples;
import org.nnrecover.core.parallel.BlockExecutor;

/**
 * The Gauss-Newton product of the network loss, {@code out = (1/n) J^T (J u)}, matrix-free in one
 * pass over the samples. J is the Jacobian of the residuals {@code r_j = sum_i v_i phi(w_i . x_j) -
 * y_j}: row j is {@code v_i phi'(w_i . x_j) x_j} in the block of w_i and {@code phi(w_i . x_j)} at
 * v_i (when v is trained). Per sample, {@code (J u)_j} is formed from the same pre-activations and
 * immediately multiplied back by row j, so neither J nor J u (n numbers) is ever stored.
 *
 * <p>The parameter vector is laid out as in {@link NetworkObjective}. The pass visits the same
 * fixed sample blocks, combined in block order (bit-identical for any thread count); the
 * pre-activations w_i . x and u_i . x come from {@link FusedKernel#hiddenInputs}, the objective's
 * own arithmetic. Per-worker scratch is allocated once: a product allocates nothing. Always uses
 * all samples. Not thread-safe: one instance serves one optimization at a time.
 */
public final class NetworkJacobian {

  private final Samples samples;
  private final Activation activation;
  private final int k;
  private final int d;
  private final boolean trainV;
  private final double[] fixedV;
  private final BlockExecutor executor;
  private final int dimension;
  private final double[][] partial;
  private final SampleBlock[] views;
  private final FusedKernel.Scratch[] scratch;
  private final double[][] blockZ;
  private final double[][] blockU;
  private final double[][] blockPhi;
  private final double[][] blockDphi;

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
    this.partial = new double[samples.blocks()][dimension];
    this.views = executor.newViews();
    int workers = executor.threads();
    int entries = Samples.BLOCK_ROWS * k;
    this.scratch = new FusedKernel.Scratch[workers];
    this.blockZ = new double[workers][entries];
    this.blockU = new double[workers][entries];
    this.blockPhi = new double[workers][entries];
    this.blockDphi = new double[workers][entries];
    for (int w = 0; w < workers; w++) {
      scratch[w] = new FusedKernel.Scratch(d, k);
    }
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
    int blocks = samples.blocks();
    executor.forEachBlock(blocks, (b, worker) -> accumulateBlock(point, direction,
        samples.block(b, views[worker]), partial[b], worker));
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

  /** Sets {@code acc} to sum_j (J u)_j J_j over the block's samples, unnormalized. */
  private void accumulateBlock(double[] point, double[] u, SampleBlock block, double[] acc,
      int worker) {
    Arrays.fill(acc, 0);
    double[] x = block.x();
    int rows = block.rows();
    double[] z = blockZ[worker];
    double[] ux = blockU[worker];
    double[] phi = blockPhi[worker];
    double[] dphi = blockDphi[worker];
    // W and the W part of u are the first k d entries of their vectors
    FusedKernel.hiddenInputs(x, block.xOffset(), rows, d, k, point, z, scratch[worker]);
    FusedKernel.hiddenInputs(x, block.xOffset(), rows, d, k, u, ux, scratch[worker]);
    activation.apply(z, 0, rows * k, phi, dphi);
    int vOffset = k * d;
    for (int j = 0; j < rows; j++) {
      int zo = j * k;
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
      int xo = block.xOffset() + j * d;
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

  private double outputWeight(double[] point, int i) {
    return trainV ? point[k * d + i] : fixedV[i];
  }
}
