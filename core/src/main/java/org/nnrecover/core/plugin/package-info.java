/**
 * Plugin discovery and resolution: finds built-in providers of every kind with ServiceLoader, loads
 * third-party plugin jars from plugin folders (each in its own class loader, checked against the
 * plugin API version, with every broken jar or provider reported and skipped), resolves names
 * (suggesting close ones), and validates parameters before anything runs.
 */
package org.nnrecover.core.plugin;
