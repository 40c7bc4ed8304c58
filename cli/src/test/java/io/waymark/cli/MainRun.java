package io.waymark.cli;

import io.waymark.cli.format.Utf8Writer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * One command line run in-process through {@link Main#run}, by the quick path or picocli's, as the
 * executable runs it: standard output as bytes through {@link Utf8Writer}, and the file the run
 * wrote with {@code --output}, if any.
 *
 * @param code the exit code
 * @param out standard output, decoded as UTF-8
 * @param err standard error
 * @param written the content of the output file, or null when the run wrote none
 */
record MainRun(int code, String out, String err, String written) {

  /** Runs {@code args}, {@code output} being the file an {@code --output} of them names. */
  static MainRun run(Path output, boolean quick, String... args) throws IOException {
    Files.deleteIfExists(output);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    StringWriter stderr = new StringWriter();
    int code =
        Main.run(new Utf8Writer(stdout), new PrintWriter(stderr), Optional::empty, quick, args);
    String written =
        Files.exists(output)
            ? new String(Files.readAllBytes(output), StandardCharsets.UTF_8)
            : null;
    return new MainRun(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(), written);
  }

  /**
   * The words of {@code line}, split at spaces, each placeholder (a key of {@code paths}) replaced
   * by its path; the placeholders are replaced in the map's order.
   */
  static String[] args(String line, Map<String, Path> paths) {
    return Arrays.stream(line.split(" "))
        .map(
            word -> {
              String a = word;
              for (Map.Entry<String, Path> p : paths.entrySet()) {
                a = a.replace(p.getKey(), p.getValue().toString());
              }
              return a;
            })
        .toArray(String[]::new);
  }
}
