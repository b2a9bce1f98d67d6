/**
 * The built-in activation plugins: the ReLU family (relu, leaky-relu, squared-relu), the smooth
 * saturating ones (sigmoid, tanh, erf in the paper's convention), softplus, and the two
 * counterexamples of the paper (linear, quadratic). Each gives phi, phi', phi'' and, when it has
 * one, its homogeneity degree; the core derives everything else numerically.
 */
package org.nnrecover.activations;
