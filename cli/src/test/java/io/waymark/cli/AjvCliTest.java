package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported schemas work with ajv-cli, a command-line checker that reads YAML 1.1 (issue 12 item
 * 5): the two shell blocks of "Other schema checkers" in {@code docs/editors.md} are run as written
 * on a copy of {@code example-roadmap/}, with the real {@code waymark} CLI on the PATH and the
 * pinned npm packages of the install block installed into {@code target/ajv-cli} on first use
 * (npm's cache serves them offline later). Skipped where npm is absent or, outside CI, where the
 * install fails.
 */
class AjvCliTest {

  private static final Path DOC = Path.of("..", "docs", "editors.md");
  private static final Path EXAMPLE = Path.of("..", "example-roadmap");
  private static final Pattern DOCUMENT = Pattern.compile("(?m)^apiVersion: waymark/");
  private static final Path PREFIX = Path.of("target", "ajv-cli").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void ajvCliAcceptsEveryExampleDocumentAndReportsAPlantedMistake() throws Exception {
    List<String> blocks = shellBlocks();
    assertThat(blocks).as("install and check blocks in " + DOC).hasSize(2);
    install(blocks.get(0));

    Path repo = tmp.resolve("repo");
    CacheCliTest.copy(EXAMPLE, repo); // without the example's cache, which may be being written
    Files.createDirectories(repo.resolve(".waymark"));
    Path link = Files.createSymbolicLink(repo.resolve(".waymark/npm"), PREFIX);
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path waymark = bin.resolve("waymark");
    Files.writeString(
        waymark,
        "#!/bin/sh\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -cp '"
            + System.getProperty("java.class.path")
            + "' io.waymark.cli.Main \"$@\"\n");
    assertThat(waymark.toFile().setExecutable(true)).isTrue();

    long documents;
    try (Stream<Path> files = Files.walk(repo)) {
      documents =
          files
              .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .filter(f -> DOCUMENT.matcher(read(f)).find())
              .count();
    }
    assertThat(documents).isGreaterThan(20);

    Result valid = run(blocks.get(1), repo, bin);
    assertThat(valid.exit()).as(valid.output()).isZero();
    assertThat(valid.output().lines().filter(l -> l.endsWith(".json valid")).count())
        .as(valid.output())
        .isEqualTo(documents);
    assertThat(valid.output()).doesNotContain("invalid");

    Path roadmap = repo.resolve("roadmap.yaml");
    String text = Files.readString(roadmap);
    assertThat(text).contains("      status: done\n");
    Files.writeString(
        roadmap, text.replaceFirst("      status: done\n", "      status: finished\n"));
    Result planted = run(blocks.get(1), repo, bin);
    assertThat(planted.exit()).as(planted.output()).isEqualTo(1);
    assertThat(planted.output())
        .contains(".waymark/json/roadmap.json invalid")
        .contains("\"instancePath\":\"/spec/phases/0/status\"")
        .contains("\"keyword\":\"enum\"");
    assertThat(planted.output().lines().filter(l -> l.endsWith(" invalid")).count()).isEqualTo(1);
    Files.delete(link); // the installed packages stay in target/ for the next run
  }

  /** The {@code sh} blocks of the "Other schema checkers" section. */
  private static List<String> shellBlocks() throws IOException {
    String doc = Files.readString(DOC);
    int start = doc.indexOf("\n## Other schema checkers\n");
    assertThat(start).as("section 'Other schema checkers' in " + DOC).isNotNegative();
    int end = doc.indexOf("\n## ", start + 1);
    String section = doc.substring(start, end < 0 ? doc.length() : end);
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(section);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /** Installs the pinned packages of the install block into {@link #PREFIX}, once. */
  private static void install(String block) throws IOException, InterruptedException {
    List<String> packages = new ArrayList<>();
    Matcher m = Pattern.compile("(\\S+@\\d[\\w.]*)").matcher(block);
    while (m.find()) {
      packages.add(m.group(1));
    }
    assertThat(packages).as(block).contains("ajv-cli@5.0.0");
    Path marker = PREFIX.resolve(String.join(" ", packages).replace('/', '_') + ".installed");
    if (Files.exists(marker)) {
      return;
    }
    Assumptions.assumeTrue(
        onPath("npm") && onPath("node"),
        "npm and node are not installed, so ajv-cli cannot be run (apt-get install -y npm)");
    Files.createDirectories(PREFIX);
    Path log = PREFIX.resolve("npm-install.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                "npm",
                "install",
                "--prefix",
                PREFIX.toString(),
                "--prefer-offline",
                "--no-save",
                "--no-package-lock",
                "--no-audit",
                "--no-fund",
                "--ignore-scripts"));
    command.addAll(packages);
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(180, TimeUnit.SECONDS);
    if (!done || p.exitValue() != 0) {
      p.destroyForcibly();
      String problem = "npm install " + packages + " failed (offline?); see " + log;
      if ("true".equals(System.getenv("CI"))) {
        fail(problem);
      }
      Assumptions.abort(problem);
    }
    Files.writeString(marker, "");
  }

  private record Result(int exit, String output) {}

  private static Result run(String script, Path dir, Path bin) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(dir.toFile());
    pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    Process p = pb.redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static boolean onPath(String name) {
    String path = System.getenv("PATH");
    return path != null
        && Stream.of(path.split(File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, name)));
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
