package org.nnrecover.api;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Everything the core gives an initializer for one run.
 *
 * @since 1.0
 */
public interface InitContext {

  /** The training samples. */
  Samples samples();

  /** Number of hidden units to recover. */
  int k();

  /** The activation, with its numerically derived profile. */
  ActivationProfile profile();

  /**
   * The initializer's own random stream, split from the run seed and independent of the streams
   * that made the teacher and the samples.
   */
  SplittableRandom random();

  /** Deterministic parallel sums over the samples. */
  SampleReducer reducer();

  /**
   * Fast block products for passes over the samples ({@code Z = X U}, {@code G += C^T X}). The
   * core supplies its SIMD kernel; this default, for contexts written before API 1.2, is {@link
   * SampleKernels#plain()}.
   *
   * @since 1.2
   */
  default SampleKernels kernels() {
    return SampleKernels.plain();
  }

  /**
   * The ground truth whenever it is known (generated data, or file data with a truth file), for
   * oracle baselines such as random W with v = v*; empty otherwise. Methods that claim to learn
   * from the samples alone must not read it.
   */
  Optional<Network> teacher();

  /**
   * A tensor decomposer plugin by name, made with the parameters the run spec gives it.
   *
   * @throws IllegalArgumentException if no such plugin exists
   */
  TensorDecomposer decomposer(String name);

  /** Where to record what the initializer did; shown in the run record. */
  Diagnostics diagnostics();
}
