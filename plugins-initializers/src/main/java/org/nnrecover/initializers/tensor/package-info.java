/**
 * The numerics of the tensor and spectral initializers (METHOD.md sections 4 to 6): Hermite-moment
 * contractions computed straight from the samples, block Krylov, symmetric CP
 * decomposers (Jennrich, ALS) with guarded refinement, and the recovery of unit magnitudes and
 * signs.
 */
package org.nnrecover.initializers.tensor;
