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
