/**
 * The core side of optimization: stop rules and budgets that apply to every optimizer alike,
 * divergence detection, evaluation counting, and the per-iteration trace.
 */
package org.nnrecover.core.optim;
