package io.waymark.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Edits files below a folder of a work tree, without committing. */
record GitWorkTreeFiles(Path root) {

  GitWorkTreeFiles write(String relative, String text) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  GitWorkTreeFiles replace(String relative, String from, String to) {
    try {
      String text = Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
      int at = text.indexOf(from);
      if (at < 0 || text.indexOf(from, at + 1) >= 0) {
        throw new IllegalStateException("expected exactly one '" + from + "' in " + relative);
      }
      return write(relative, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
