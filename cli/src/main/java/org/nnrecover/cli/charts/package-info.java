/**
 * Charts of a result store, drawn with JFreeChart and written as PNG and SVG: convergence curves
 * with bands over seeds, heat maps over two numeric axes, box plots by a categorical axis. The
 * data come from {@link org.nnrecover.core.report}; this package only draws and decides which
 * charts a store's axes call for. Runs headless.
 */
package org.nnrecover.cli.charts;
