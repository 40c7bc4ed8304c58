package io.waymark.cli;

import io.waymark.report.text.TerminalText;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Every folder and file named on the command line. An empty one is refused: {@code Path.of("")} is
 * the current folder, so {@code waymark validate "$ROADMAP"} with the variable unset validated
 * whatever folder the job ran in, and {@code report --out ""} wrote the reports there. A named
 * class, not a lambda (see {@code WaymarkCommand.LimitedExecution}).
 */
final class PathArgument implements CommandLine.ITypeConverter<Path> {

  @Override
  public Path convert(String value) {
    if (value.isEmpty()) {
      throw new CommandLine.TypeConversionException(
          "an empty path (an unset variable?): name a folder or file");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new CommandLine.TypeConversionException(
          "'"
              + TerminalText.escape(value)
              + "' is not a path this system can use: "
              + e.getReason());
    }
  }
}
