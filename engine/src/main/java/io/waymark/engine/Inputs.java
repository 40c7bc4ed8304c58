package io.waymark.engine;

import io.waymark.engine.history.FetchAdvice;
import io.waymark.engine.yaml.YamlReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What a run's outcome depends on besides the roadmap folder, its Git repository and the options
 * (see {@link Waymark#recall}): the Java runtime, the class path (the Waymark jar and any rule
 * pack: each jar's size, modification time and file key; a folder's files), and the settings read
 * from the environment.
 */
final class Inputs {

  private Inputs() {}

  static void runtime(StringBuilder out) {
    out.append("java ")
        .append(System.getProperty("java.home"))
        .append(' ')
        .append(System.getProperty("java.vm.version"))
        .append('\n');
    out.append("locale ")
        .append(Locale.getDefault())
        .append(' ')
        .append(Charset.defaultCharset())
        .append(' ')
        .append(System.getProperty("sun.jnu.encoding"))
        .append('\n');
    out.append("ci ").append(FetchAdvice.current()).append('\n');
    out.append("yaml ")
        .append(System.getProperty(YamlReader.FAST_PATH_PROPERTY))
        .append(' ')
        .append(System.getenv(YamlReader.FAST_PATH_ENV))
        .append('\n');
    for (String property : new String[] {"java.class.path", "jdk.module.path"}) {
      String value = System.getProperty(property, "");
      for (String entry : value.split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          stat(Path.of(entry).toAbsolutePath(), out);
        }
      }
    }
  }

  /**
   * The paths {@link #runtime} is read from, for an answer a launcher checks without a JVM: the
   * Java runtime's image and virtual machine, and each class-path entry (a folder's folders and
   * files). The settings read from the environment are the launcher's to compare (its situation
   * text holds the whole environment).
   */
  static void runtimePaths(List<Path> out) throws IOException {
    Path home = Path.of(System.getProperty("java.home"));
    out.add(home.resolve("release"));
    out.add(home.resolve("lib").resolve("modules"));
    out.add(home.resolve("lib").resolve("server").resolve("libjvm.so"));
    for (String property : new String[] {"java.class.path", "jdk.module.path"}) {
      for (String entry : System.getProperty(property, "").split(File.pathSeparator)) {
        if (entry.isEmpty()) {
          continue;
        }
        Path path = Path.of(entry).toAbsolutePath();
        out.add(path);
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          Files.walkFileTree(
              path,
              new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                  out.add(dir);
                  return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                  out.add(file);
                  return FileVisitResult.CONTINUE;
                }
              });
        }
      }
    }
  }

  /** A class-path entry: a jar's stamp, or the stamps of every file below a folder. */
  private static void stat(Path entry, StringBuilder out) {
    try {
      BasicFileAttributes attrs =
          Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attrs.isDirectory()) {
        out.append("cp ").append(entry).append(' ').append(stamp(attrs)).append('\n');
        return;
      }
      Files.walkFileTree(
          entry,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
              out.append("cp ").append(file).append(' ').append(stamp(a)).append('\n');
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              out.append("cp ").append(file).append(" failed\n");
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      out.append("cp ").append(entry).append(" absent\n");
    }
  }

  private static String stamp(BasicFileAttributes attrs) {
    return attrs.size()
        + " "
        + attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS)
        + " "
        + attrs.fileKey();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
