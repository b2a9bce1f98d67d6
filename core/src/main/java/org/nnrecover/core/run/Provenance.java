package org.nnrecover.core.run;

import java.util.Map;

/**
 * Where a run record came from: enough, with the spec, to run it again.
 *
 * @param nnrecoverVersion version of the core
 * @param apiVersion the plugin API version
 * @param commit source commit, when the launcher knew it (system property {@code nnrecover.commit})
 * @param java Java version and vendor
 * @param os operating system and architecture
 * @param threads worker threads used (results do not depend on it)
 * @param plugins for each plugin used: its kind, class, source (built-in or jar path) and version
 *     (nnrecover's for built-ins, the jar manifest's Implementation-Version for jar plugins)
 */
public record Provenance(String nnrecoverVersion, String apiVersion, String commit, String java,
    String os, int threads, Map<String, Map<String, String>> plugins) {}
