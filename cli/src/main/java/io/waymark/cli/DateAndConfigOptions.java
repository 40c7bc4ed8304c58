package io.waymark.cli;

import io.waymark.engine.ValidationOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --as-of} and {@code --config}: the date and the Config a repository is judged with. */
final class DateAndConfigOptions {

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description =
          "Judge the roadmap as of this date (YYYY-MM-DD). Default: Config spec.asOf, else the"
              + " commit date of the revision (--rev, or HEAD for a working tree without"
              + " uncommitted changes), else today (UTC).")
  String asOf;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Use this Config file instead of the repository's waymark.yaml.")
  Path config;

  /**
   * The options with the date and Config given for judging the roadmap folder {@code dir}, checked
   * with messages that say how to fix them.
   */
  ValidationOptions toOptions(Path dir) {
    return ValidationOptionsMixin.dateAndConfig(asOf, config, dir);
  }
}
