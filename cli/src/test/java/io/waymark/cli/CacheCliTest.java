package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.CopyOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The on-disk cache from the command line: every acceptance fixture (the example roadmap, the
 * example repositories, each schema fixture, valid or not, put into a copy of the example roadmap)
 * gives byte for byte the same JSON output without the cache, with a cold one, a warm one, after a
 * file was touched and after a file was edited.
 */
public class CacheCliTest {

  private static final Path EXAMPLE = Path.of("..", "example-roadmap");
  private static final Path SCHEMA_FIXTURES =
      Path.of("..", "engine", "src", "test", "resources", "schema-fixtures");
  private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path tmp;

  static Stream<String> fixtures() throws IOException {
    List<String> out = new ArrayList<>();
    out.add("example-roadmap");
    try (Stream<Path> examples = Files.list(Path.of("..", "examples"))) {
      examples
          .filter(Files::isDirectory)
          .filter(d -> Files.exists(d.resolve("roadmap.yaml")))
          .map(d -> "examples/" + d.getFileName())
          .sorted()
          .forEach(out::add);
    }
    for (String kind : List.of("valid", "invalid")) {
      try (Stream<Path> files = Files.list(SCHEMA_FIXTURES.resolve(kind))) {
        files
            .map(f -> "schema-fixtures/" + kind + "/" + f.getFileName())
            .sorted()
            .forEach(out::add);
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void shouldPrintTheSameJsonWithAndWithoutTheCache(String fixture) throws IOException {
    Path root = tmp.resolve("repo");
    if (fixture.startsWith("schema-fixtures/")) {
      copy(EXAMPLE, root);
      Path file = SCHEMA_FIXTURES.resolve(fixture.substring("schema-fixtures/".length()));
      Files.copy(file, root.resolve("fixture-" + file.getFileName()));
    } else {
      copy(Path.of("..").resolve(fixture), root);
    }
    age(root);
    String reference = json(root, "--no-cache");
    assertThat(reference).contains("\"findings\"");
    assertThat(json(root)).as("cold").isEqualTo(reference);
    assertThat(root.resolve(".waymark/cache/load.bin")).isRegularFile();
    assertThat(root.resolve(".waymark/cache/outcome.bin")).isRegularFile();
    assertThat(json(root)).as("warm, nothing changed: the stored outcome").isEqualTo(reference);
    assertThat(json(root)).as("and again").isEqualTo(reference);

    Path touched = root.resolve("roadmap.yaml");
    Files.setLastModifiedTime(touched, FileTime.from(LONG_AGO.plusSeconds(60)));
    assertThat(json(root)).as("touched").isEqualTo(reference);

    Files.writeString(
        touched, Files.readString(touched).replaceFirst("\nspec:", "\n# edited\nspec:"));
    Files.setLastModifiedTime(touched, FileTime.from(LONG_AGO.plusSeconds(120)));
    String edited = json(root, "--no-cache");
    assertThat(json(root)).as("edited").isEqualTo(edited);
    assertThat(json(root)).as("warm after the edit").isEqualTo(edited);
  }

  /**
   * A large repository validated without the cache (or into an empty one) is judged file by file as
   * it is read, and only what the other rules and the JSON's insights read of its business cases is
   * kept (the engine's {@code JudgedAsReadTest}); from a cache that holds its files every model is
   * kept whole. Both print the same, in every format.
   */
  @Test
  void shouldPrintTheSameOnALargeRepositoryJudgedAsItIsRead() throws IOException {
    Path root = tmp.resolve("portfolio");
    copy(EXAMPLE, root);
    List<Path> originals = new ArrayList<>();
    for (String folder : List.of("business-cases", "use-cases", "vendors")) {
      try (Stream<Path> files = Files.list(root.resolve(folder))) {
        files.sorted().forEach(originals::add);
      }
    }
    for (int i = 0; i < 520; i++) {
      Path original = originals.get(i % originals.size());
      String text = Files.readString(original);
      if (i % 9 == 0) {
        // A document with an id of its own; a case's declared NPV wrong.
        text = text.replaceFirst("(?m)^  id: (\\S+)", "  id: $1-" + i);
        text = text.replaceFirst("(?m)^      npv: ([0-9]+)", "      npv: 1$1");
      }
      if (i % 13 == 0) {
        text = text.replaceFirst("(?m)^spec:", "spec:\n  unexpected: 1"); // fails its schema
      }
      Files.writeString(original.resolveSibling("copy-" + i + ".yaml"), text);
    }
    age(root);

    String reference = json(root, "--no-cache");
    assertThat(reference).contains("bc-financials-mismatch", "\"roiPct\"", "\"sensitivity\"");
    assertThat(json(root)).as("into an empty cache, also judged as read").isEqualTo(reference);
    assertThat(root.resolve(".waymark/cache/load.bin")).isRegularFile();
    Files.setLastModifiedTime(
        root.resolve("roadmap.yaml"),
        FileTime.from(LONG_AGO.plusSeconds(60))); // not the kept answer
    assertThat(json(root)).as("from the cache: every model whole").isEqualTo(reference);
    for (String format : List.of("text", "sarif", "junit", "checkstyle", "github", "gitlab")) {
      Cli asRead = Cli.run("validate", root.toString(), "--format", format, "--no-cache");
      Cli whole = Cli.run("validate", root.toString(), "--format", format);
      assertThat(asRead.code()).as(asRead.err()).isEqualTo(1);
      assertThat(asRead.out()).as(format).isEqualTo(whole.out()).contains("schema");
    }
  }

  @Test
  void shouldPrintTheSameJsonAfterEveryEditWithTheRuleMemory() throws IOException {
    Path root = tmp.resolve("repo");
    copy(EXAMPLE, root);
    age(root);
    assertThat(json(root)).as("cold").isEqualTo(json(root, "--no-cache"));
    assertThat(root.resolve(".waymark/cache/rules.bin")).isRegularFile();
    java.util.Random random = new java.util.Random(13);
    java.util.regex.Pattern number =
        java.util.regex.Pattern.compile("(?m)^(\\s*(?:- )?[A-Za-z]\\w*: )(\\d+)$");
    for (int i = 0; i < 12; i++) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files =
            walk.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("waymark.yaml"))
                .filter(p -> !root.relativize(p).startsWith(".waymark"))
                .sorted()
                .toList();
      }
      Path file = files.get(random.nextInt(files.size()));
      String text = Files.readString(file);
      String what;
      switch (random.nextInt(4)) {
        case 0 -> {
          Files.delete(file);
          what = "deleted " + root.relativize(file);
        }
        case 1 -> {
          Path added = file.resolveSibling("copy-" + i + ".yaml");
          Files.writeString(added, text);
          what = "copied " + root.relativize(file);
        }
        default -> {
          java.util.regex.Matcher m = number.matcher(text);
          List<int[]> spots = new ArrayList<>();
          while (m.find()) {
            spots.add(new int[] {m.start(2), m.end(2)});
          }
          if (spots.isEmpty()) {
            Files.writeString(file, text + "\n# edited " + i + "\n");
            what = "comment in " + root.relativize(file);
          } else {
            int[] at = spots.get(random.nextInt(spots.size()));
            Files.writeString(
                file, text.substring(0, at[0]) + random.nextInt(200) + text.substring(at[1]));
            what = "number in " + root.relativize(file);
          }
        }
      }
      String reference = json(root, "--no-cache");
      assertThat(json(root)).as("edit " + i + ": " + what).isEqualTo(reference);
      assertThat(json(root)).as("edit " + i + ", again").isEqualTo(reference);
    }
  }

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldKeepTheCacheWhereCacheDirSaysAndNowhereWithNoCache() throws IOException {
    Path root = tmp.resolve("repo");
    copy(EXAMPLE, root);
    Path elsewhere = tmp.resolve("ci-cache");
    String reference = json(root, "--no-cache");
    assertThat(root.resolve(".waymark/cache")).doesNotExist();
    assertThat(json(root, "--cache-dir", elsewhere.toString())).isEqualTo(reference);
    assertThat(elsewhere.resolve("load.bin")).isRegularFile();
    assertThat(root.resolve(".waymark/cache")).doesNotExist();
  }

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldGiveTheSameTextExitCodeAndOutputFileWhenNothingChanged() throws IOException {
    Path root = tmp.resolve("repo");
    copy(EXAMPLE, root);
    Files.writeString(
        root.resolve("use-cases/broken.yaml"),
        "apiVersion: waymark/v1\nkind: UseCase\nmetadata:\n  id: broken\n");
    age(root);
    Cli reference = Cli.run("validate", root.toString(), "--no-color", "--no-cache");
    assertThat(reference.code()).isEqualTo(1);
    for (String run : List.of("cold", "warm", "warm again")) {
      Cli cached = Cli.run("validate", root.toString(), "--no-color");
      assertThat(cached.code()).as(run).isEqualTo(1);
      assertThat(cached.out()).as(run).isEqualTo(reference.out());
      assertThat(cached.err()).as(run).isEqualTo(reference.err());
    }
    Cli never = Cli.run("validate", root.toString(), "--no-color", "--fail-on", "never");
    assertThat(never.code()).as("another threshold is another outcome").isZero();

    Path file = tmp.resolve("out/result.json");
    Cli written =
        Cli.run("validate", root.toString(), "--format", "json", "--output", file.toString());
    String json = Files.readString(file);
    Files.delete(file);
    Cli again =
        Cli.run("validate", root.toString(), "--format", "json", "--output", file.toString());
    assertThat(again.code()).isEqualTo(written.code()).isEqualTo(1);
    assertThat(again.out()).as("the summary line").isEqualTo(written.out()).contains("written to");
    assertThat(file)
        .as("written again from the stored outcome")
        .usingCharset(StandardCharsets.UTF_8)
        .hasContent(json);
  }

  /**
   * Git's index decides whether the work tree is its commit, and so the as-of date: a committed
   * file missing from the work tree is a change (as of today), unless the index marks it
   * skip-worktree (a sparse checkout; as of the commit's date). {@code git update-index
   * --skip-worktree} writes the index alone, which the stored outcome's key did not hold: the
   * cached run gave the answer of today while a run without the cache judged the commit.
   */
  @Test
  void shouldJudgeAgainWhenOnlyGitsIndexChanged() throws Exception {
    Path root = tmp.resolve("repo");
    String removed = "use-cases/eta-prediction.yaml";
    try (GitWorkTree git = GitWorkTree.init(root)) {
      git.copyExample("").replace("waymark.yaml", "  asOf: 2027-05-14\n", "");
      git.commit("The roadmap", "2027-05-01");
    }
    Files.delete(root.resolve(removed));
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f :
          files
              .filter(p -> !root.relativize(p).startsWith(".git"))
              .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
              .toList()) {
        Files.setLastModifiedTime(f, FileTime.from(LONG_AGO));
      }
    }
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    String before = json(root, "--no-cache");
    assertThat(before)
        .as("a committed file is missing: judged as of today")
        .contains("\"asOf\" : \"" + today + "\"");
    assertThat(json(root)).as("cold").isEqualTo(before);
    assertThat(json(root)).as("warm").isEqualTo(before);

    PullRequestGitTest.git(root, "update-index", "--skip-worktree", removed);

    String after = json(root, "--no-cache");
    assertThat(after)
        .as("left out by a sparse checkout: the commit, as of its date")
        .contains("\"asOf\" : \"2027-05-01\"");
    assertThat(json(root)).as("with the cache").isEqualTo(after);
  }

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldExplainTheCacheOptionsInTheHelp() {
    Cli help = Cli.run("validate", "--help");
    assertThat(help.out())
        .contains("--no-cache")
        .contains("--cache-dir")
        .contains(".waymark/cache");
  }

  private static String json(Path root, String... extra) {
    List<String> args = new ArrayList<>(List.of("validate", root.toString(), "--format", "json"));
    args.addAll(List.of(extra));
    Cli run = Cli.run(args.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isIn(0, 1);
    return run.out();
  }

  /**
   * Copies a repository folder without its {@code .waymark} folder (the cache a run on it may be
   * writing meanwhile: the walk does not enter it, so files it removes cannot break the copy).
   */
  public static void copy(Path from, Path to) throws IOException {
    copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
  }

  /** As {@link #copy(Path, Path)}, each file copied with {@code options}. */
  public static void copy(Path from, Path to, CopyOption... options) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Path rel = from.relativize(dir);
            if (rel.getNameCount() > 0 && rel.getFileName().toString().equals(".waymark")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(rel.toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            Files.copy(f, to.resolve(from.relativize(f).toString()), options);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static void age(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        Files.setLastModifiedTime(f, FileTime.from(LONG_AGO));
      }
    }
  }
}
