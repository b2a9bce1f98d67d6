/**
 * The built-in initializer plugins: the paper's tensor method, the spectral method, and random
 * starts (METHOD.md sections 5 and 6).
 */
package org.nnrecover.initializers;
