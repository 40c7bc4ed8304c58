package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile inputs of issue 18 (items 3, 4 and the engine part of 7), one test each: every one
 * ends with a finding or exit 2 and a one-line message, and nothing is written outside the output
 * folder. Time and memory bounds are measured by {@code bench/hostile.sh}, not here.
 */
class HostileInputTest {

  @TempDir Path tmp;

  private Path repo() {
    Path repo = tmp.resolve("plan");
    HistoryRulesCliTest.copyExample(repo);
    return repo;
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
  }

  /** Every regular file below {@code tmp} with its size and modification time. */
  private Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(tmp)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(tmp.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p));
      }
    }
    return files;
  }

  /** Runs the CLI and checks that whatever changed is inside {@code out} (when given). */
  private Cli runWritingOnlyTo(Path out, String... args) throws IOException {
    Map<String, String> before = snapshot();
    Cli cli = Cli.run(args);
    Map<String, String> after = snapshot();
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> e : after.entrySet()) {
      if (!e.getValue().equals(before.get(e.getKey()))) {
        changed.add(e.getKey());
      }
    }
    for (String gone : before.keySet()) {
      if (!after.containsKey(gone)) {
        changed.add(gone);
      }
    }
    String prefix = out == null ? null : tmp.relativize(out) + "/";
    // Besides the output folder, a run may keep its cache beside the documents it judged
    // (.waymark/cache, docs/ci.md "The cache"), and nowhere else.
    assertThat(changed)
        .as("files written outside the output folder and the cache")
        .allMatch(f -> prefix != null && f.startsWith(prefix) || inCache(f));
    return cli;
  }

  private static boolean inCache(String file) {
    return ("/" + file.replace('\\', '/')).contains("/.waymark/cache/");
  }

  /** The QBR file of the given extension in {@code out/report}. */
  private static Path qbr(Path out, String extension) throws IOException {
    try (Stream<Path> files = Files.list(out.resolve("report"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("qbr-.*\\." + extension))
          .findFirst()
          .orElseThrow();
    }
  }

  // ---------------------------------------------------------------- item 3: exact numbers

  @Test
  void shouldReportAnIntegerAboveTwoToThe32InsteadOfWrappingIt() throws IOException {
    Path repo = repo();
    replace(repo.resolve("roadmap.yaml"), "horizonMonths: 18", "horizonMonths: 4294967314");

    Cli cli = runWritingOnlyTo(null, "validate", repo.toString());

    assertThat(cli.code()).isEqualTo(1);
    assertThat(cli.out())
        .contains(
            "roadmap.yaml:28:18  error    [schema] /spec/horizonMonths: 4294967314 is above"
                + " the maximum 120");
  }

  @Test
  void shouldStopAHugeHorizonAtTheSchemaBeforeCiDrawsIt() throws IOException {
    Path repo = repo();
    Path out = tmp.resolve("out");
    replace(repo.resolve("roadmap.yaml"), "horizonMonths: 18", "horizonMonths: 2147483647");

    Cli cli = runWritingOnlyTo(out, "ci", repo.toString(), "--out", out.toString(), "--no-pdf");

    assertThat(cli.code()).isEqualTo(1);
    assertThat(Files.readString(out.resolve("waymark.txt")))
        .contains("/spec/horizonMonths: 2147483647 is above the maximum 120");
    assertThat(Files.size(qbr(out, "html"))).isLessThan(2_000_000);
  }

  // ---------------------------------------------------------------- item 7: a finding, not a crash

  @Test
  void shouldReportAnOverflowingImpactAsASchemaErrorOnItsFile() throws IOException {
    Path repo = repo();
    replace(
        repo.resolve("roadmap.yaml"),
        "constraint: c-manual-pipelines\n          impact: 5",
        "constraint: c-manual-pipelines\n          impact: 1e400");

    Cli cli = runWritingOnlyTo(null, "validate", repo.toString());

    assertThat(cli.code()).isEqualTo(1);
    assertThat(cli.err()).doesNotContain("internal error");
    assertThat(cli.out())
        .contains("[schema] /spec/phases/0/initiatives/0/impact: 1e400 is above the maximum 5");
  }

  @Test
  void shouldReportAnInvalidExcludeGlobAndValidateEverythingElse() throws IOException {
    Path repo = repo();
    replace(repo.resolve("waymark.yaml"), "- \".gitlab-ci.yml\"", "- \"[\"");

    Cli cli = runWritingOnlyTo(null, "validate", repo.toString(), "--format", "json");

    assertThat(cli.code()).isEqualTo(1);
    assertThat(cli.err()).isEmpty();
    assertThat(cli.out())
        .contains("/spec/exclude/1: '[' is not a valid glob: missing ']' to close the '['")
        .contains("\"documents\" : 24");
  }

  // ---------------------------------------------------------------- item 4: budgets

  @Test
  void shouldMatchABacktrackingExcludeGlobAgainstALongNameAtOnce() throws IOException {
    Path repo = repo();
    replace(repo.resolve("waymark.yaml"), "- \".gitlab-ci.yml\"", "- \"*a*a*a*a*a*a*a*ab.yaml\"");
    Files.writeString(repo.resolve("a".repeat(60) + ".yaml"), "not: waymark\n");

    Cli cli = runWritingOnlyTo(null, "validate", repo.toString());

    assertThat(cli.code()).isZero();
    assertThat(cli.out()).contains("a".repeat(60) + ".yaml").contains("[not-waymark]");
  }

  @Test
  void shouldRefuseALongStringRepeatedThroughAliasesBeforeTheReport() throws IOException {
    Path repo = repo();
    Path out = tmp.resolve("out");
    StringBuilder text = new StringBuilder("s: &s " + "y".repeat(150_000) + "\nl:\n");
    text.append("  - *s\n".repeat(15_000)); // 2.25 GB once expanded, from a 250 KB file
    Files.writeString(repo.resolve("bomb.yaml"), text);

    Cli cli = runWritingOnlyTo(out, "ci", repo.toString(), "--out", out.toString(), "--no-pdf");

    assertThat(cli.code()).isEqualTo(1);
    assertThat(Files.readString(out.resolve("waymark.txt")))
        .contains("[yaml-syntax] file expands to more than 8388608 bytes of text");
    assertThat(Files.size(out.resolve("waymark.json"))).isLessThan(200_000);
  }

  @Test
  void shouldRefuseAScalarRepeated200000Times() throws IOException {
    Path repo = repo();
    Path out = tmp.resolve("out");
    StringBuilder text =
        new StringBuilder(
            "apiVersion: waymark/v1\nkind: UseCase\nmetadata: {id: uc-x, title: &t "
                + "z".repeat(1_000)
                + "}\nspec:\n  status: live\n  businessOutcome: x\n  metrics:\n");
    text.append("    - *t\n".repeat(200_000)); // about 2 MB
    Files.writeString(repo.resolve("use-cases/many.yaml"), text);

    Cli cli = runWritingOnlyTo(out, "ci", repo.toString(), "--out", out.toString(), "--no-pdf");

    assertThat(cli.code()).isEqualTo(1);
    assertThat(Files.readString(out.resolve("waymark.txt")))
        .contains("[yaml-syntax] file expands to more than 8388608 bytes of text");
    long written;
    try (Stream<Path> walk = Files.walk(out)) {
      written = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    assertThat(written).isLessThan(5_000_000);
  }

  /** {@code count} documents with one schema error each (an unknown status). */
  private static String oneErrorDocuments(int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append("---\napiVersion: waymark/v1\nkind: UseCase\nmetadata: {id: uc-")
          .append(i)
          .append(", title: U}\nspec: {status: live, businessOutcome: x}\n");
    }
    return text.toString();
  }

  @Test
  void shouldCapTwentyThousandOneErrorDocumentsWithASummaryLine() throws IOException {
    Path repo = repo();
    Path out = tmp.resolve("out");
    Files.writeString(repo.resolve("use-cases/big.yaml"), oneErrorDocuments(20_000));

    Cli cli = runWritingOnlyTo(out, "ci", repo.toString(), "--out", out.toString());

    assertThat(cli.code()).isEqualTo(1);
    String text = Files.readString(out.resolve("waymark.txt"));
    assertThat(text)
        .contains(
            "[findings-capped] and 19,900 more `schema` findings in use-cases/big.yaml (at most"
                + " 100 are listed per rule and file): 19,900 errors");
    try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(qbr(out, "pdf")))) {
      assertThat(pdf.getNumberOfPages()).isLessThan(40);
    }
  }

  @Test
  void shouldCapTheReportAppendixAndPointToTheJson() throws IOException {
    Path repo = repo();
    Path out = tmp.resolve("out");
    replace(
        repo.resolve("waymark.yaml"),
        "  tolerancePct: 1",
        "  tolerancePct: 1\n  limits: {findingsPerRule: 1000000, findingsPerFile: 1000000}");
    Files.writeString(repo.resolve("use-cases/big.yaml"), oneErrorDocuments(2_000));

    Cli cli = runWritingOnlyTo(out, "ci", repo.toString(), "--out", out.toString(), "--no-pdf");

    assertThat(cli.code()).isEqualTo(1);
    assertThat(Files.readString(out.resolve("waymark.json"))).contains("\"errors\" : 2000");
    String html = Files.readString(qbr(out, "html"));
    assertThat(html).contains("… and 1801 more findings not listed here: the JSON output");
    assertThat(html.split("<td>use-cases/big.yaml:", -1).length - 1).isLessThanOrEqualTo(200 + 25);
  }

  @Test
  void shouldStopARunOverItsTimeLimitWithExitTwoAndOneLine() throws Exception {
    Path repo = repo();
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "validate",
                repo.toString(),
                "--timeout",
                "1ms")
            .redirectErrorStream(false)
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(err.strip())
        .isEqualTo(
            "waymark: stopped: the run took longer than its time limit of 1ms (--timeout); no"
                + " result was produced. Raise it with --timeout or WAYMARK_TIMEOUT if the"
                + " repository is really that large.");
  }

  @Test
  void shouldRefuseATimeLimitThatIsNotADuration() {
    Cli cli = Cli.run("validate", repo().toString(), "--timeout", "10 minutes");

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err())
        .startsWith(
            "waymark: --timeout '10 minutes' is not a duration; write a whole number from 1 with"
                + " a unit (ms, s, m, h), e.g. 90s, 10m or 1h");
  }

  /** "0s is not a duration; write a whole number" was false: 0 is a whole number. */
  @Test
  void shouldSayATimeLimitStartsAtOne() {
    Cli cli = Cli.run("validate", repo().toString(), "--timeout", "0s");

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err())
        .contains("'0s' is not a duration; write a whole number from 1 with a unit");
  }
}
