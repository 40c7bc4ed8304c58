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

  /**
   * {@code text} as one word of a command a user copies from the output: as it is when no shell
   * reads anything into it, else in double quotes (one word alike in sh, PowerShell and cmd, the
   * usual case of a folder with a space, Windows' backslashes included), else in single quotes when
   * it holds a character that double quotes leave to the shell.
   */
  static String argument(String text) {
    if (text.matches("[\\p{L}\\p{N}._/:@+,=-]+")) {
      return text;
    }
    if (!text.matches("(?s).*[\"$`!%].*") && !text.endsWith("\\")) {
      return "\"" + text + "\"";
    }
    return HookScript.shellQuote(text);
  }
}
