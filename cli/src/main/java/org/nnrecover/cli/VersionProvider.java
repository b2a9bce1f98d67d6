package org.nnrecover.cli;

import org.nnrecover.api.ApiVersion;
import picocli.CommandLine;

/** {@code nnrecover --version}: the build version and the plugin API version. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "nnrecover " + (version == null ? "dev" : version) + " (plugin API " + ApiVersion.CURRENT
          + ", Java " + System.getProperty("java.version") + ")"
    };
  }
}
