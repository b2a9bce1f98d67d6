/**
 * The built-in optimizer plugins for the local phase (METHOD.md section 7). Stop rules, budgets and
 * divergence are the core's; these classes only decide where to step.
 */
package org.nnrecover.optimizers;
