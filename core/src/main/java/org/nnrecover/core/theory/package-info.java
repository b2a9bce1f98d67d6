/**
 * Activation theory as a service (METHOD.md sections 3, 4 and 8): Gaussian expectations of an
 * activation and its derivatives (Hermite coefficients, alpha, beta, rho), the property verdicts
 * P1-P3, homogeneity and the tensor orders, and the smallest eigenvalue of the loss Hessian at the
 * ground truth. Everything is computed numerically from the plugin's phi, phi' and phi'', so a
 * third-party activation gets the whole analysis without writing any math.
 */
package org.nnrecover.core.theory;
