package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names and values reach human output escaped: a file name or a value from a pull request cannot
 * start a line of its own (GitHub Actions runs a line starting with {@code ::} as a workflow
 * command), send escape sequences to the terminal or reorder what a reader sees.
 */
class TerminalSafetyTest {

  /** A file name that would be a GitHub workflow command if printed raw. */
  static final String INJECTION = "x\n::error file=a::INJECTED.yaml";

  // ASCII only: this test also runs under LC_ALL=C, where the JVM cannot name a file in Unicode.
  static final String ESCAPES = "evil\u001b[2J\u0007\u007fgnp.yaml";

  @TempDir Path tmp;

  private static void assertSafe(String output) {
    assertThat(output.lines()).noneMatch(l -> l.startsWith("::"));
    assertThat(output).doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\r");
  }

  private static Path broken(Path dir, String name) throws IOException {
    return Files.writeString(dir.resolve(name), "apiVersion: waymark/v1\nkind: [unclosed\n");
  }

  @Test
  void shouldEscapeFileNamesInTextOutput() throws IOException {
    KnownFindings repo = KnownFindings.create(tmp);
    broken(repo.dir(), INJECTION);
    broken(repo.dir(), ESCAPES);

    Cli cli = Cli.run("validate", repo.dir().toString());

    assertThat(cli.code()).isEqualTo(1);
    assertSafe(cli.out());
    assertThat(cli.out())
        .contains("x\\n::error file=a::INJECTED.yaml:")
        .contains("evil\\x1b[2J\\x07\\x7fgnp.yaml:");
  }

  @Test
  void shouldEscapeValuesQuotedInMessages() throws IOException {
    KnownFindings repo = KnownFindings.create(tmp);
    Files.writeString(
        repo.dir().resolve("odd.yaml"),
        "apiVersion: waymark/v1\nkind: \"Road\\nmap\\e[31m\\u202e\"\nmetadata: {id: odd}\n");

    Cli cli = Cli.run("validate", repo.dir().toString());

    assertSafe(cli.out());
    assertThat(cli.out()).contains("Road\\nmap\\x1b[31m\\u202e");
  }

  @Test
  void shouldShowBidiControlsAsReplacementInTheFormatsPeopleRead() throws IOException {
    KnownFindings repo = KnownFindings.create(tmp);
    Files.writeString(
        repo.dir().resolve("odd.yaml"),
        "apiVersion: waymark/v1\nkind: \"Road\\u202emap\"\nmetadata: {id: odd}\n");

    for (String format : List.of("junit", "sarif", "checkstyle", "github", "gitlab")) {
      Cli cli = Cli.run("validate", repo.dir().toString(), "--format", format);

      assertThat(cli.code()).as(format + ": " + cli.err()).isEqualTo(1);
      assertThat(cli.out()).as(format).contains("Road\uFFFDmap").doesNotContain("\u202e");
    }
    // The JSON is data for programs: the text as written.
    assertThat(Cli.run("validate", repo.dir().toString(), "--format", "json").out())
        .contains("Road\u202emap");
  }

  @Test
  void shouldEscapeFileNamesInTheDiffText() throws IOException {
    PlanRepository repo = PlanRepository.create(tmp.resolve("repo"));
    broken(repo.plan(), INJECTION);

    Cli cli = Cli.run("diff", "HEAD", "--dir", repo.plan().toString());

    assertThat(cli.out()).contains("x\\n::error file=a::INJECTED.yaml");
    assertSafe(cli.out());
  }

  @Test
  void shouldEscapeValuesInTheHistoryText() throws IOException {
    PlanRepository repo = PlanRepository.create(tmp.resolve("repo"));
    new GitWorkTreeFiles(repo.plan())
        .replace(
            "metrics/executive-dashboard.yaml",
            "      unit: days\n",
            "      unit: \"days\\n::error::x\\e[2J\"\n");

    Cli cli = Cli.run("history", repo.plan().toString());

    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("time-to-deploy-days (days\\n::error::x\\x1b[2J, ");
    assertSafe(cli.out());
  }

  @Test
  void shouldEscapeErrorMessagesOnStandardError() {
    for (List<String> args :
        List.of(
            List.of("validate", tmp.resolve("no\n::error::such\u001b[2J").toString()),
            List.of("explain", "rule\n::error::x\u202e"),
            List.of("validate", "--fail-on", "never\n::warning::x"))) {
      Cli cli = Cli.run(args.toArray(String[]::new));

      assertThat(cli.code()).isEqualTo(2);
      assertSafe(cli.err());
      assertThat(cli.err()).contains("::");
    }
  }
}
