/**
 * Sweep files: a YAML description of fixed settings, axes and seeds, expanded into the outer
 * product of run specs and validated as a whole (every plugin, parameter and value) before anything
 * runs, with errors that name the file, line and key.
 */
package org.nnrecover.core.sweep;
