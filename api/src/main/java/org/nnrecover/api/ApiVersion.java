package org.nnrecover.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this plugin API, {@code major.minor}. A plugin jar states the API version it was
 * built against in its manifest attribute {@value #MANIFEST_ATTRIBUTE}; nnrecover loads it when the
 * majors are equal and the plugin's minor is not newer than this API's.
 *
 * @since 1.0
 */
public final class ApiVersion {
  /** The manifest attribute holding the API version (in the api jar and in plugin jars). */
  public static final String MANIFEST_ATTRIBUTE = "Nnrecover-Api-Version";

  /** This API's version, e.g. {@code 1.0}. */
  public static final String CURRENT = load();

  private ApiVersion() {}

  private static String load() {
    try (InputStream in = ApiVersion.class.getResourceAsStream("api-version.properties")) {
      if (in == null) {
        throw new IllegalStateException("api-version.properties is missing from the api jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("api.version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
