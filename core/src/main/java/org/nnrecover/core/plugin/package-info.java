/**
 * Plugin discovery and resolution: finds providers of every kind with ServiceLoader, resolves names
 * (suggesting close ones), and validates parameters before anything runs.
 */
package org.nnrecover.core.plugin;
