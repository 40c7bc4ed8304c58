package io.waymark.cli;

import io.waymark.engine.ValidationOptions;
import io.waymark.engine.Waymark;
import io.waymark.engine.finding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options that change how a repository is judged. */
final class ValidationOptionsMixin {

  /** The threshold of --fail-on. */
  enum FailOn {
    error,
    warning,
    info,
    never
  }

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      defaultValue = "error",
      description =
          "Exit 1 when a finding is at least this severe: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  FailOn failOn = FailOn.error;

  @Mixin DateAndConfigOptions dateAndConfigOptions;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "Findings recorded in FILE (by 'waymark baseline') are reported as info and do not fail the build; only new ones do.")
  Path baseline;

  /**
   * The options every command that judges a repository shares: {@code --as-of} and {@code
   * --config}, checked with messages that say how to fix them.
   */
  static ValidationOptions dateAndConfig(String asOf, Path config, Path dir) {
    ValidationOptions options = ValidationOptions.defaults();
    if (asOf != null) {
      options = options.withAsOf(DateArguments.date("--as-of", asOf));
    }
    if (config != null) {
      if (!Files.isRegularFile(config)) {
        throw new UserError("--config '" + config + "' is not a readable file");
      }
      try {
        byte[] bytes = Files.readAllBytes(config);
        Optional<String> notAConfig = Waymark.notAConfig(bytes);
        if (notAConfig.isPresent()) {
          throw new UserError("--config '" + config + "' " + notAConfig.get());
        }
        options = options.withConfig(nameIn(dir, config), bytes);
      } catch (IOException e) {
        throw new UserError("--config '" + config + "' cannot be read: " + e.getMessage());
      }
    }
    return options;
  }

  /**
   * The Config file as its findings name it: relative to the roadmap folder, as every other file (a
   * file outside it as {@code ../ci/strict.yaml}), never the machine's absolute path and never a
   * path relative to the current folder read as if it were the roadmap folder's.
   */
  static String nameIn(Path dir, Path config) {
    Path file = config.toAbsolutePath().normalize();
    try {
      return dir.toAbsolutePath().normalize().relativize(file).toString().replace('\\', '/');
    } catch (IllegalArgumentException otherRoot) {
      // Windows: another drive than the roadmap's
      return String.valueOf(file.getFileName());
    }
  }

  /** True when the result should fail the build. */
  boolean fails(io.waymark.engine.ValidationResult result) {
    return switch (failOn) {
      case error -> result.failsAt(Severity.ERROR);
      case warning -> result.failsAt(Severity.WARNING);
      case info -> result.failsAt(Severity.INFO);
      case never -> false;
    };
  }

  /** The least severe severity that fails the build; empty for {@code never}. */
  Optional<Severity> threshold() {
    return switch (failOn) {
      case error -> Optional.of(Severity.ERROR);
      case warning -> Optional.of(Severity.WARNING);
      case info -> Optional.of(Severity.INFO);
      case never -> Optional.empty();
    };
  }

  /** The options for judging the roadmap folder {@code dir}. */
  ValidationOptions toOptions(Path dir) {
    ValidationOptions options = dateAndConfigOptions.toOptions(dir);
    if (baseline != null) {
      options = options.withBaseline(BaselineFile.read(baseline));
    }
    return options;
  }
}
