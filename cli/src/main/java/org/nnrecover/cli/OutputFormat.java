package org.nnrecover.cli;

/** The output formats of commands that print results. */
enum OutputFormat {
  /** Tables for people. */
  TEXT,
  /** One JSON document for scripts. */
  JSON;

  /** Parses {@code text} or {@code json}. */
  static OutputFormat parse(String value) {
    return switch (value) {
      case "text" -> TEXT;
      case "json" -> JSON;
      default -> throw new IllegalArgumentException("--format must be text or json, got '"
          + value + "'");
    };
  }
}
