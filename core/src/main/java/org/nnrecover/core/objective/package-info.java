/**
 * The empirical loss of a one-hidden-layer network and its gradients: the hot path of every run.
 */
package org.nnrecover.core.objective;
