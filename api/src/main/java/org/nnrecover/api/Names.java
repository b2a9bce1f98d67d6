package org.nnrecover.api;

/**
 * The one naming rule of plugins and parameters: lowercase kebab-case ({@code squared-relu},
 * {@code max-iterations}). Settings are written {@code plugin.parameter=value}, so a name must not
 * contain '.', '=' or blanks; the core, the test kit and a plugin's own checks all use this rule.
 *
 * @since 1.1
 */
public final class Names {
  private Names() {}

  /** Whether {@code name} is lowercase kebab-case: words of a-z and 0-9 joined by single '-'. */
  public static boolean isKebabCase(String name) {
    return name != null && name.matches("[a-z0-9]+(-[a-z0-9]+)*");
  }
}
