package io.waymark.cli.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version Maven wrote into the jar. Here, not in the commands' package, because the formats
 * write it into their output and must not depend on the commands.
 */
public final class Version {

  private static final String VERSION = read();

  private Version() {}

  public static String current() {
    return VERSION;
  }

  private static String read() {
    // The jar's manifest names it, read with the package when the class was defined: looking up
    // the properties file (the class loaders, the Java runtime's image, the jar again) cost more
    // than the rest of a run whose outcome is stored. From a classes folder (tests), the file.
    String manifest = Version.class.getPackage().getImplementationVersion();
    if (manifest != null) {
      return manifest;
    }
    try (InputStream in = Version.class.getResourceAsStream("/io/waymark/cli/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the version", e);
    }
  }
}
