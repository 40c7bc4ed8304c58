package io.waymark.engine.yaml;

/** One document of a YAML stream: its root node and its 0-based position in the file. */
public record YamlDocument(int index, YamlNode root) {}
