package io.waymark.jenkins;

import groovy.json.JsonSlurper;
import io.waymark.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the steps read, made by the real CLI ({@code waymark ci}, in-process, from the cli module)
 * on copies of {@code example-roadmap} when the tests run, so that the fixtures cannot drift from
 * what Waymark writes:
 *
 * <ul>
 *   <li>{@code clean}: the example as it is: no error or warning, one info ({@code
 *       history-unavailable}: the copy is not a Git work tree);
 *   <li>{@code warnings}: the example judged six months later: overdue milestones and stale metrics
 *       (warnings), and the info;
 *   <li>{@code errors}: the example with invalid values: schema errors.
 * </ul>
 *
 * Each is a complete output folder of {@code waymark ci --no-pdf} (default {@code --fail-on
 * error}), made once per test run.
 */
final class CliFixtures {

  static final Path EXAMPLE = MockPipeline.LIBRARY.resolve("../../example-roadmap").normalize();

  private static final Path ROOT = MockPipeline.LIBRARY.resolve("target/cli-fixtures");

  private static boolean made;

  private CliFixtures() {}

  /** The output folder of one fixture. */
  static synchronized Path folder(String name) {
    if (!made) {
      make();
      made = true;
    }
    Path folder = ROOT.resolve(name);
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("no fixture " + name + " (clean, warnings, errors)");
    }
    return folder;
  }

  /** One file of a fixture, e.g. {@code text("errors", "waymark.json")}. */
  static String text(String name, String file) {
    try {
      return Files.readString(folder(name).resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The summary counts of a fixture's waymark.json. */
  static Map<?, ?> summary(String name) {
    Map<?, ?> json = (Map<?, ?>) new JsonSlurper().parseText(text(name, "waymark.json"));
    return (Map<?, ?>) json.get("summary");
  }

  private static void make() {
    try {
      Path work = Files.createTempDirectory("waymark-jenkins-fixtures");
      Path clean = copyExample(work.resolve("clean"));
      ci(clean, "clean");
      ci(clean, "warnings", "--as-of", "2027-11-30");
      Path errors = copyExample(work.resolve("errors"));
      replace(errors.resolve("roadmap.yaml"), "status: done", "status: finished");
      replace(errors.resolve("governance.yaml"), "kind: Governance", "kind: Governance\nextra: 1");
      ci(errors, "errors");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void ci(Path roadmap, String name, String... more) throws IOException {
    Path out = ROOT.resolve(name);
    deleteTree(out);
    List<String> args =
        new ArrayList<>(List.of("ci", roadmap.toString(), "--out", out.toString(), "--no-pdf"));
    args.addAll(List.of(more));
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int status =
        Main.run(new PrintWriter(stdout), new PrintWriter(stderr), args.toArray(new String[0]));
    if (status > 1) {
      throw new IllegalStateException("waymark " + args + " exited " + status + ": " + stderr);
    }
  }

  static Path copyExample(Path target) throws IOException {
    Files.walkFileTree(
        EXAMPLE,
        new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult preVisitDirectory(
              Path dir, java.nio.file.attribute.BasicFileAttributes attrs) throws IOException {
            Path rel = EXAMPLE.relativize(dir);
            // The cache a run of the example keeps there, maybe being written now: not entered.
            if (rel.getNameCount() > 0 && rel.getFileName().toString().equals(".waymark")) {
              return java.nio.file.FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(target.resolve(rel.toString()));
            return java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFile(
              Path f, java.nio.file.attribute.BasicFileAttributes attrs) throws IOException {
            Files.copy(
                f,
                target.resolve(EXAMPLE.relativize(f).toString()),
                StandardCopyOption.REPLACE_EXISTING);
            return java.nio.file.FileVisitResult.CONTINUE;
          }
        });
    return target;
  }

  /** Replaces the first occurrence of {@code from}, which must be there. */
  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (!text.contains(from)) {
      throw new IllegalStateException("no '" + from + "' in " + file);
    }
    Files.writeString(file, text.replaceFirst(from, to), StandardCharsets.UTF_8);
  }

  static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
