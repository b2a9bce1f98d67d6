/**
 * The nnrecover core: plugin registry, data generation, the objective kernels, recovery metrics,
 * optimization driver and the run orchestrator. Nothing here names a concrete plugin.
 */
package org.nnrecover.core;
