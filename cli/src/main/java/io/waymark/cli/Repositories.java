package io.waymark.cli;

import io.waymark.engine.load.FolderSource;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Opens the repository folder a command names, or says clearly why not. */
final class Repositories {

  private Repositories() {}

  static FolderSource folder(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new UserError("cannot read '" + dir + "': no such folder");
    }
    if (Files.isSymbolicLink(dir)) {
      throw new UserError("'" + dir + "' is a symbolic link; give the folder it points to");
    }
    if (!Files.isDirectory(dir)) {
      throw new UserError("'" + dir + "' is not a folder; give the roadmap repository's folder");
    }
    if (!Files.isReadable(dir)) {
      throw new UserError("cannot read '" + dir + "': permission denied");
    }
    return new FolderSource(dir, display(dir));
  }

  /** The folder as the user wrote it, with '/' separators, for messages and file prefixes. */
  static String display(Path dir) {
    String text = dir.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }
}
