package org.nnrecover.core.sweep;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A YAML value with the line it starts on: a scalar (its text exactly as written), a list or a
 * mapping (keys in file order, each with the line of its key). Jackson's tree model drops locations,
 * so the sweep reader builds this one from the streaming parser.
 */
record YamlNode(Object value, int line) {

  /** A mapping entry with the line of its key. */
  record Entry(String key, int line, YamlNode value) {}

  static YamlNode parse(String text) throws IOException {
    try (JsonParser parser = new YAMLFactory().createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new YamlNode(Map.of(), 1);
      }
      return read(parser);
    }
  }

  private static YamlNode read(JsonParser parser) throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, Entry> entries = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        int keyLine = parser.currentTokenLocation().getLineNr();
        parser.nextToken();
        if (entries.containsKey(key)) {
          throw new IllegalArgumentException("line " + keyLine + ", key " + key
              + ": given twice (first on line " + entries.get(key).line() + ")");
        }
        entries.put(key, new Entry(key, keyLine, read(parser)));
      }
      return new YamlNode(Collections.unmodifiableMap(entries), line);
    }
    if (token == JsonToken.START_ARRAY) {
      List<YamlNode> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(read(parser));
      }
      return new YamlNode(List.copyOf(items), line);
    }
    if (token == JsonToken.VALUE_NULL) {
      return new YamlNode(null, line);
    }
    return new YamlNode(parser.getText(), line);
  }

  boolean isScalar() {
    return value instanceof String;
  }

  boolean isList() {
    return value instanceof List;
  }

  boolean isMap() {
    return value instanceof Map;
  }

  String text() {
    return (String) value;
  }

  @SuppressWarnings("unchecked")
  List<YamlNode> items() {
    return (List<YamlNode>) value;
  }

  @SuppressWarnings("unchecked")
  Map<String, Entry> entries() {
    return (Map<String, Entry>) value;
  }

  /** The value as compact text: a scalar as written, lists as [a, b], mappings as {k: v}. */
  String render() {
    if (isList()) {
      return items().stream().map(YamlNode::render).collect(Collectors.joining(", ", "[", "]"));
    }
    if (isMap()) {
      return entries().values().stream().map(e -> e.key() + ": " + e.value().render())
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return value == null ? "" : (String) value;
  }

  /**
   * A YAML parser's error as ", line L, column C: not valid YAML: PROBLEM": the parser's own
   * message spans several lines (context, a copy of the line, a caret); only its problem is kept.
   */
  static String problem(IOException e) {
    String where = "";
    if (e instanceof JsonProcessingException p && p.getLocation() != null) {
      where = ", line " + p.getLocation().getLineNr() + ", column "
          + p.getLocation().getColumnNr();
    }
    String message = e instanceof JsonProcessingException p ? p.getOriginalMessage()
        : e.getMessage();
    List<String> lines = message == null ? List.of() : message.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("in 'reader'") && !l.startsWith("^"))
        .toList();
    // SnakeYAML: "while parsing X" (context), a copy of the source line, then the problem
    String problem = lines.isEmpty() ? "unreadable" : lines.get(lines.size() - 1);
    for (String line : lines) {
      if (line.startsWith("while ")) {
        problem += " (" + line + ")";
        break;
      }
    }
    if (problem.length() > 200) {
      problem = problem.substring(0, 200) + "...";
    }
    return where + ": not valid YAML: " + problem;
  }

  /** What kind of value this is, for messages. */
  String describe() {
    return value == null ? "nothing" : isScalar() ? "'" + value + "'" : isList() ? "a list" : "a mapping";
  }
}
