/**
 * Example third-party plugins for nnrecover: the cubic ReLU activation, the perturbed-oracle
 * initializer for local-convergence studies, and the Adam optimizer. Each provider is listed in
 * {@code META-INF/services} under its kind's service interface.
 */
package org.example.nnplugins;
