/**
 * The crash-proof result store of an ablation: one JSON run record per line in
 * {@code DIR/runs.jsonl}, each synced to disk before the next is written, with resumption matched by
 * run spec and repair of a line torn by a crash.
 */
package org.nnrecover.core.store;
