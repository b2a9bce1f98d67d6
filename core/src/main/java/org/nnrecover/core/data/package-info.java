/**
 * Problem data: seeded random streams, the teacher networks of the paper's experiments, sample
 * generation, and reading samples and ground truth from files.
 */
package org.nnrecover.core.data;
