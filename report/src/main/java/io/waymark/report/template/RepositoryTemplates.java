package io.waymark.report.template;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A roadmap repository's own {@code templates/} folder, as a Freemarker template loader. Only
 * regular files inside the folder are found: a name with {@code ..}, an absolute name, a symbolic
 * link anywhere on the way (the folder itself included) or a file over {@value #MAX_BYTES} bytes is
 * simply not there, so the bundled template is used instead.
 */
public final class RepositoryTemplates implements TemplateLoader {

  /** Templates are small; a larger file is not one. */
  public static final long MAX_BYTES = 1 << 20;

  private final Path folder;

  private RepositoryTemplates(Path folder) {
    this.folder = folder;
  }

  /** The {@code templates/} folder of {@code repository}, if it is a real folder. */
  public static Optional<RepositoryTemplates> of(Path repository) {
    Path folder = repository.resolve("templates");
    if (Files.isSymbolicLink(folder) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(new RepositoryTemplates(folder));
  }

  /** The file for a template name, when the repository has one that may be used. */
  public Optional<Path> file(String name) {
    if (name == null
        || name.isEmpty()
        || name.startsWith("/")
        || name.indexOf('\\') >= 0
        || name.indexOf(':') >= 0
        || name.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    Path current = folder;
    for (String part : name.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return Optional.empty();
      }
      current = current.resolve(part);
      if (Files.isSymbolicLink(current)) {
        return Optional.empty();
      }
    }
    if (!current.normalize().startsWith(folder)
        || !Files.isRegularFile(current, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      if (Files.size(current) > MAX_BYTES) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(current);
  }

  @Override
  public Object findTemplateSource(String name) {
    return file(name).orElse(null);
  }

  @Override
  public long getLastModified(Object templateSource) {
    // Templates are read once per report; a constant keeps rendering independent of file times.
    return 0;
  }

  @Override
  public Reader getReader(Object templateSource, String encoding) throws IOException {
    // NOFOLLOW_LINKS opens with O_NOFOLLOW: a file swapped for a link after the check is refused.
    InputStream in = Files.newInputStream((Path) templateSource, LinkOption.NOFOLLOW_LINKS);
    return new InputStreamReader(in, Charset.forName(encoding));
  }

  @Override
  public void closeTemplateSource(Object templateSource) {
    // Nothing is held open between findTemplateSource and getReader.
  }
}
