package io.waymark.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * axe-core, the accessibility engine the browser test runs on every report. It comes from npm,
 * pinned to one version and checked against that version's SHA-256, installed into {@code
 * target/axe-core} by the ordinary npm client on first use (later runs reuse it, and npm's cache
 * serves it offline). Where npm is absent the browser test's accessibility checks are skipped with
 * that reason; on CI ({@code CI=true}) a failed install fails the test instead.
 */
final class AxeCore {

  static final String VERSION = "4.14.1";

  /** SHA-256 of {@code axe.min.js} 4.14.1 (as in the package's own {@code sri-history.json}). */
  static final String SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c";

  private static final Path PREFIX = Path.of("target", "axe-core");
  private static final Path SCRIPT =
      PREFIX.resolve(Path.of("node_modules", "axe-core", "axe.min.js"));

  /** The script, or why there is none. */
  record Loaded(Optional<String> script, String problem) {}

  private AxeCore() {}

  static Loaded load() {
    try {
      if (!Files.isRegularFile(SCRIPT)) {
        Optional<String> npm = npm();
        if (npm.isEmpty()) {
          return new Loaded(
              Optional.empty(),
              "npm is not installed, so axe-core "
                  + VERSION
                  + " cannot be installed (apt-get install -y npm)");
        }
        install(npm.get());
      }
      byte[] bytes = Files.readAllBytes(SCRIPT);
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      if (!sha.equals(SHA256)) {
        throw new IllegalStateException(
            SCRIPT + " is not axe-core " + VERSION + " (SHA-256 " + sha + "); delete " + PREFIX);
      }
      return new Loaded(Optional.of(new String(bytes, StandardCharsets.UTF_8)), "");
    } catch (IOException e) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("axe-core " + VERSION + ": " + e.getMessage(), e);
      }
      return new Loaded(
          Optional.empty(), "axe-core " + VERSION + " could not be installed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Loaded(Optional.empty(), "interrupted while installing axe-core");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<String> npm() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "npm");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }

  private static void install(String npm) throws IOException, InterruptedException {
    Files.createDirectories(PREFIX);
    Path log = PREFIX.resolve("npm-install.log");
    Process p =
        new ProcessBuilder(
                List.of(
                    npm,
                    "install",
                    "--prefix",
                    PREFIX.toString(),
                    "--prefer-offline",
                    "--no-save",
                    "--no-package-lock",
                    "--no-audit",
                    "--no-fund",
                    "--ignore-scripts",
                    "axe-core@" + VERSION))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("npm install took longer than 180 s; see " + log);
    }
    if (p.exitValue() != 0 || !Files.isRegularFile(SCRIPT)) {
      throw new IOException(
          "npm install axe-core@" + VERSION + " exited " + p.exitValue() + "; see " + log);
    }
  }
}
