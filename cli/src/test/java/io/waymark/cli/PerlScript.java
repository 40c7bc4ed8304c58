package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code src/main/perl/waymark-daemon-client.pl} run as the launchers run it, for the tests of the
 * answers given without a JVM: Perl from the PATH, the Java and class path of this JVM (or a Java
 * named otherwise), in this JVM's folder, with the given environment only.
 */
final class PerlScript {

  static final Path SCRIPT = Path.of("src", "main", "perl", HookScript.Installer.CLIENT);

  /** What a run of the script printed and its exit code. */
  record Result(int code, String out, String err) {}

  /** Exit 75, nothing printed: nobody answered, the launcher starts the JVM. */
  static final Result NOT_ANSWERED = new Result(75, "", "");

  private PerlScript() {}

  /** Perl on this machine's PATH, if there is one (the launchers skip the script without). */
  static Optional<Path> perl() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "perl");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The script with this JVM's Java; {@code stdout} is a file for its output, or null. */
  static Result run(Map<String, String> env, Path stdout, String... args)
      throws IOException, InterruptedException {
    return runWith(
        env, stdout, Path.of(System.getProperty("java.home"), "bin", "java").toString(), args);
  }

  /** As {@link #run}, with the Java named {@code java}. */
  static Result runWith(Map<String, String> env, Path stdout, String java, String... args)
      throws IOException, InterruptedException {
    return runWith(env, stdout, false, java, args);
  }

  /**
   * As {@link #run} into a pipe whose reader takes the first line (the result's {@code out}) and
   * closes it, as {@code | head -1} does.
   */
  static Result firstLine(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return runWith(
        env, null, true, Path.of(System.getProperty("java.home"), "bin", "java").toString(), args);
  }

  private static Result runWith(
      Map<String, String> env, Path stdout, boolean firstLine, String java, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(perl().orElseThrow().toString());
    command.add(SCRIPT.toString());
    command.add(java);
    command.add(System.getProperty("java.class.path"));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")));
    pb.environment().clear();
    pb.environment().putAll(env);
    if (stdout != null) {
      pb.redirectOutput(stdout.toFile());
    }
    Process p = pb.start();
    p.getOutputStream().close();
    String out;
    if (firstLine) {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        out = reader.readLine();
      }
    } else {
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out, new String(err, StandardCharsets.UTF_8));
  }
}
