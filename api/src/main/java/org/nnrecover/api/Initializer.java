package org.nnrecover.api;

/**
 * Computes a starting network (W0, v0) from the samples, for the local phase to refine.
 *
 * <p>A fresh instance is made for each run by its provider; it may keep state during one call but
 * must take all randomness from {@link InitContext#random()} so that the result depends only on
 * the run's seed.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface Initializer {

  /**
   * @param context samples, k, the activation and its profile, randomness, diagnostics
   * @return a network with {@code context.k()} units on R^d
   * @throws RefusedException when the method cannot handle this problem (the message says why)
   */
  Network initialize(InitContext context);
}
