package io.waymark.cli;

import java.nio.file.Path;

/** How a command shows the repository folder it was given. */
final class Repositories {

  private Repositories() {}

  /** The folder as the user wrote it, with '/' separators, for messages and file prefixes. */
  static String display(Path dir) {
    String text = dir.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }
}
