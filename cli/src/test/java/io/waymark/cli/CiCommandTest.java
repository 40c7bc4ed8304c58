package io.waymark.cli;

import static io.waymark.cli.MachineFormats.children;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

// Runs alone (junit-platform.properties): it sets CiCommand.environment, which every run of `ci`
// reads.
@Isolated
@Tag(LocaleSensitive.TAG)
class CiCommandTest {

  static final List<String> MACHINE_FILES =
      List.of(
          "waymark-checkstyle.xml",
          "waymark-gitlab.json",
          "waymark-junit.xml",
          "waymark.json",
          "waymark.sarif",
          "waymark.txt");

  @TempDir Path tmp;

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static JsonNode json(Path file) throws IOException {
    return JsonMapper.builder().build().readTree(read(file));
  }

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new IllegalStateException("no '" + text + "' in " + file);
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void shouldListEveryFileItWritesOnALineOfItsOwnInTheHelp() {
    Cli cli = Cli.run("ci", "--help");

    assertThat(cli.code()).isZero();
    List<String> lines = List.of(cli.out().split("\n"));
    for (String file : CiCommand.FILES.keySet()) {
      assertThat(lines).anyMatch(line -> line.startsWith("  " + file + " "));
    }
    assertThat(lines).anyMatch(line -> line.startsWith("  " + CiCommand.REPORT_FOLDER + "/ "));
    assertThat(lines).allMatch(line -> line.length() <= 80);
  }

  @Test
  void shouldWriteEveryFormatAndTheReportsForTheExampleAndExitZero() throws IOException {
    Path out = tmp.resolve("out");

    Cli cli = Cli.run("ci", GitWorkTree.EXAMPLE.toString(), "--out", out.toString());

    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(cli.err()).isEmpty();
    assertThat(cli.out())
        .isEqualTo("✔ no findings in 24 documents (as of 2027-05-14) — results in " + out + "\n");
    List<String> expected = new java.util.ArrayList<>(MACHINE_FILES);
    expected.add("report");
    assertThat(names(out)).containsExactlyElementsOf(expected.stream().sorted().toList());
    assertThat(names(out.resolve("report")))
        .containsExactly(
            "dashboard.html",
            "qbr-2027-Q2.html",
            "qbr-2027-Q2.md",
            "qbr-2027-Q2.pdf",
            "waymark.css");
    assertThat(Files.readAllBytes(out.resolve("report/qbr-2027-Q2.pdf")))
        .startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));

    // Each file parses, and says "no findings" in its own way.
    assertThat(json(out.resolve("waymark.json")).get("summary").get("errors").asInt()).isZero();
    String junit = read(out.resolve("waymark-junit.xml"));
    assertThat(MachineFormats.junitProblems(junit)).isEmpty();
    assertThat(MachineFormats.xml(junit).getDocumentElement().getAttribute("tests"))
        .isEqualTo("24");
    String sarif = read(out.resolve("waymark.sarif"));
    assertThat(new MachineFormats.Sarif().problems(sarif)).isEmpty();
    assertThat(
            children(
                MachineFormats.xml(read(out.resolve("waymark-checkstyle.xml")))
                    .getDocumentElement(),
                "file"))
        .isEmpty();
    assertThat(json(out.resolve("waymark-gitlab.json")).isEmpty()).isTrue();
    assertThat(read(out.resolve("waymark.txt")))
        .isEqualTo("✔ no findings in 24 documents (as of 2027-05-14)\n")
        .doesNotContain("\u001b[");
  }

  @Test
  void shouldWriteTheFilesAlsoWhenThereAreFindingsAndExitOne() throws IOException {
    KnownFindings repo = KnownFindings.create(tmp);
    Path out = tmp.resolve("results");

    Cli cli = Cli.run("ci", repo.dir().toString(), "--out", out.toString(), "--no-pdf");

    assertThat(cli.code()).as(cli.err()).isEqualTo(1);
    // The log shows why the run failed: the 4 errors (at --fail-on), not the warning or infos.
    List<String> lines = cli.out().lines().toList();
    assertThat(lines)
        .filteredOn(l -> l.startsWith("  " + repo.prefix()))
        .hasSize(4)
        .allSatisfy(l -> assertThat(l).containsPattern("  error +\\["));
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        "  "
                            + repo.prefix()
                            + KnownFindings.GOVERNANCE
                            + ":"
                            + repo.titelLine()
                            + ":3  error "))
        .last()
        .isEqualTo(
            "✖ 4 errors, 1 warning, 2 infos in 24 documents (as of 2027-05-14) — results in "
                + out);
    assertThat(cli.out()).doesNotContainPattern("  (warning|info) +\\[").doesNotContain("\u001b[");
    assertThat(names(out)).containsAll(MACHINE_FILES).contains("report");
    assertThat(names(out.resolve("report")))
        .doesNotContain("qbr-2027-Q2.pdf")
        .contains("qbr-2027-Q2.html");
    assertThat(json(out.resolve("waymark.json")).get("findings").size()).isEqualTo(7);
    Element suites =
        MachineFormats.xml(read(out.resolve("waymark-junit.xml"))).getDocumentElement();
    assertThat(suites.getAttribute("failures")).isEqualTo("3");
    JsonNode sarif = json(out.resolve("waymark.sarif"));
    assertThat(sarif.get("runs").get(0).get("results").size()).isEqualTo(8); // 7 + 1 suppressed
    assertThat(new MachineFormats.Sarif().problems(read(out.resolve("waymark.sarif")))).isEmpty();
    assertThat(
            MachineFormats.elements(
                MachineFormats.xml(read(out.resolve("waymark-checkstyle.xml")))
                    .getDocumentElement(),
                "error"))
        .hasSize(7);
    assertThat(json(out.resolve("waymark-gitlab.json")).size()).isEqualTo(7);
    assertThat(read(out.resolve("waymark.txt")))
        .contains(repo.prefix() + KnownFindings.GOVERNANCE + ":" + repo.titelLine() + ":3  error")
        .contains("✖ 4 errors, 1 warning, 2 infos");
  }

  /** A log shows the first 20 failing findings and where the rest are, not hundreds of lines. */
  @Test
  void shouldShowTwentyFailingFindingsInTheLogAndPointAtTheRest() throws IOException {
    Path repo = KnownFindings.create(tmp).dir();
    for (int i = 0; i < 23; i++) {
      Files.writeString(
          repo.resolve("use-cases/broken-" + i + ".yaml"),
          "apiVersion: waymark/v1\nkind: UseCase\nmetadata: {id: broken-" + i + "}\n");
    }
    Path out = tmp.resolve("results");

    Cli cli = Cli.run("ci", repo.toString(), "--out", out.toString(), "--no-pdf");

    assertThat(cli.code()).as(cli.err()).isEqualTo(1);
    List<String> lines = cli.out().lines().toList();
    long failing =
        json(out.resolve("waymark.json"))
            .get("findings")
            .valueStream()
            .filter(f -> f.get("severity").asString().equals("error"))
            .count();
    assertThat(failing).isGreaterThan(20);
    assertThat(lines).filteredOn(l -> l.matches(".*  error +\\[.*")).hasSize(20);
    assertThat(lines)
        .contains("  … and " + (failing - 20) + " more in " + out.resolve("waymark.txt"));
  }

  @Test
  void shouldFollowFailOnAndPrintNothingWhenQuiet() {
    KnownFindings repo = KnownFindings.create(tmp);
    Path out = tmp.resolve("results");

    Cli cli =
        Cli.run(
            "ci",
            repo.dir().toString(),
            "--out",
            out.toString(),
            "--no-pdf",
            "--fail-on",
            "never",
            "--quiet");

    assertThat(cli.code()).isZero();
    assertThat(cli.out()).isEmpty();
    assertThat(Files.exists(out.resolve("waymark-junit.xml"))).isTrue();
  }

  @Test
  void shouldReplaceThePreviousResultsWithoutLeavingTemporaryFiles() throws IOException {
    KnownFindings repo = KnownFindings.create(tmp);
    Path out = tmp.resolve("results");
    Files.createDirectories(out);
    Files.writeString(out.resolve("waymark.sarif"), "stale");

    Cli first = Cli.run("ci", repo.dir().toString(), "--out", out.toString(), "--no-pdf");
    String sarif = read(out.resolve("waymark.sarif"));
    Cli second = Cli.run("ci", repo.dir().toString(), "--out", out.toString(), "--no-pdf");

    assertThat(first.code()).isEqualTo(1);
    assertThat(second.code()).isEqualTo(1);
    assertThat(sarif).startsWith("{").isEqualTo(read(out.resolve("waymark.sarif")));
    assertThat(names(out)).noneMatch(n -> n.endsWith(".tmp"));
    assertThat(names(out.resolve("report"))).noneMatch(n -> n.endsWith(".tmp"));
  }

  @Test
  void shouldKeepTheMachineFormatsWhenARepositoryTemplateFails() throws IOException {
    KnownFindings repo = KnownFindings.create(tmp);
    new GitWorkTreeFiles(repo.dir())
        .write("templates/qbr.ftlmd", "# ${review.header.title}\n${review.noSuchSection.title}\n");
    Path out = tmp.resolve("results");

    Cli cli = Cli.run("ci", repo.dir().toString(), "--out", out.toString(), "--no-pdf");

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err()).startsWith("waymark: no report written: template qbr.ftlmd");
    assertThat(names(out))
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(MACHINE_FILES.stream(), Stream.of(CiCommand.INCOMPLETE)).toList());
    assertThat(json(out.resolve("waymark.json")).get("findings").size()).isEqualTo(7);
  }

  @Test
  void shouldWriteTheMachineFormatsButNoReportWhenTheConfigCannotBeRead() throws IOException {
    KnownFindings repo = KnownFindings.create(tmp);
    new GitWorkTreeFiles(repo.dir()).replace("waymark.yaml", "currency: EUR", "currency: [EUR");
    Path out = tmp.resolve("results");

    Cli ci = Cli.run("ci", repo.dir().toString(), "--out", out.toString(), "--no-pdf");
    Cli report = Cli.run("report", repo.dir().toString(), "--out", tmp.resolve("qbr").toString());

    // The findings say why nothing was judged; the pipeline publishes them as usual.
    assertThat(ci.code()).as(ci.err()).isEqualTo(1);
    assertThat(ci.err())
        .contains(
            "waymark: no report written: waymark.yaml could not be read (see its yaml-syntax"
                + " finding)");
    assertThat(names(out)).containsExactlyInAnyOrderElementsOf(MACHINE_FILES);
    assertThat(read(out.resolve("waymark.txt")))
        .contains("no rule ran: waymark.yaml could not be read");
    assertThat(report.code()).isEqualTo(2);
    assertThat(report.err())
        .contains(
            "no report written: waymark.yaml could not be read (see its yaml-syntax finding)");
  }

  @Test
  void shouldExitTwoOnAFolderThatCannotBeReadAndWriteNothing() {
    Path out = tmp.resolve("out");

    Cli missing = Cli.run("ci", tmp.resolve("no-such-folder").toString(), "--out", out.toString());

    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such folder").doesNotContain("Exception");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void shouldExitTwoOnUsageErrors() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");

    Cli notAFolder = Cli.run("ci", GitWorkTree.EXAMPLE.toString(), "--out", file.toString());
    Cli noOut = Cli.run("ci", GitWorkTree.EXAMPLE.toString());
    Cli badQuarter =
        Cli.run(
            "ci",
            GitWorkTree.EXAMPLE.toString(),
            "--out",
            tmp.resolve("o").toString(),
            "--quarter",
            "2027-Q5");

    assertThat(notAFolder.code()).isEqualTo(2);
    assertThat(notAFolder.err()).contains("is not a folder");
    assertThat(noOut.code()).isEqualTo(2);
    assertThat(noOut.err()).contains("--out");
    assertThat(badQuarter.code()).isEqualTo(2);
    assertThat(badQuarter.err()).contains("--quarter");
    assertThat(Files.exists(tmp.resolve("o"))).isFalse();
  }

  /** A repository whose work tree rewrites a done milestone's completion date (plan/). */
  private Path rewrittenCompletion() throws IOException {
    Path work = tmp.resolve("repo");
    try (GitWorkTree git = GitWorkTree.init(work)) {
      git.copyExample("plan");
      git.commit("The roadmap", "2027-05-01");
    }
    new GitWorkTreeFiles(work.resolve("plan"))
        .replace("roadmap.yaml", "completedOn: 2027-03-26", "completedOn: 2027-03-19");
    return work.resolve("plan");
  }

  @Test
  void shouldPrintGithubAnnotationsInGithubActionsWithThePullRequestRules() throws IOException {
    Path plan = rewrittenCompletion();
    int line = lineOf(plan.resolve("roadmap.yaml"), "completedOn: 2027-03-19");
    String p = plan.toString().replace('\\', '/') + "/";
    CiCommand.environment = name -> name.equals("GITHUB_ACTIONS") ? "true" : null;
    Cli inActions;
    Cli off;
    try {
      inActions =
          Cli.run(
              "ci",
              plan.toString(),
              "--out",
              tmp.resolve("a").toString(),
              "--base",
              "HEAD",
              "--no-pdf");
      off =
          Cli.run(
              "ci",
              plan.toString(),
              "--out",
              tmp.resolve("b").toString(),
              "--base",
              "HEAD",
              "--no-pdf",
              "--annotate",
              "none");
    } finally {
      CiCommand.environment = System::getenv;
    }
    Cli elsewhere =
        Cli.run(
            "ci",
            plan.toString(),
            "--out",
            tmp.resolve("c").toString(),
            "--base",
            "HEAD",
            "--no-pdf");
    Cli asked =
        Cli.run(
            "ci",
            plan.toString(),
            "--out",
            tmp.resolve("d").toString(),
            "--base",
            "HEAD",
            "--no-pdf",
            "--annotate",
            "github",
            "--quiet");

    assertThat(inActions.code()).as(inActions.err()).isZero();
    List<String> lines = inActions.out().lines().toList();
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("::warning file=" + p + "roadmap.yaml,line=" + line + ",")
                    .contains("title=waymark history-rewritten::"));
    assertThat(lines.get(lines.size() - 1)).contains("— results in ");
    assertThat(off.out()).doesNotContain("::");
    assertThat(elsewhere.out()).doesNotContain("::");
    assertThat(asked.out())
        .startsWith("::")
        .contains("title=waymark history-rewritten::")
        .doesNotContain("results in");
  }

  @Test
  void shouldAddThePullRequestRulesWithBase() throws IOException {
    Path work = tmp.resolve("repo");
    try (GitWorkTree git = GitWorkTree.init(work)) {
      git.copyExample("plan");
      git.commit("The roadmap", "2027-05-01");
    }
    // A done milestone's completion date rewritten: a pull-request warning, nothing else.
    new GitWorkTreeFiles(work.resolve("plan"))
        .replace("roadmap.yaml", "completedOn: 2027-03-26", "completedOn: 2027-03-19");
    Path plan = work.resolve("plan");
    Path withBase = tmp.resolve("with-base");
    Path without = tmp.resolve("without");

    Cli pr =
        Cli.run(
            "ci",
            plan.toString(),
            "--out",
            withBase.toString(),
            "--base",
            "HEAD",
            "--no-pdf",
            "--fail-on",
            "warning");
    Cli plain =
        Cli.run(
            "ci", plan.toString(), "--out", without.toString(), "--no-pdf", "--fail-on", "warning");

    assertThat(pr.code()).as(pr.err()).isEqualTo(1);
    assertThat(plain.code()).as(read(without.resolve("waymark.txt"))).isZero();
    String p = plan.toString().replace('\\', '/') + "/";
    int line = lineOf(plan.resolve("roadmap.yaml"), "completedOn: 2027-03-19");
    Element suite =
        children(
                MachineFormats.xml(read(withBase.resolve("waymark-junit.xml")))
                    .getDocumentElement(),
                "testsuite")
            .stream()
            .filter(s -> s.getAttribute("name").equals(p + "roadmap.yaml"))
            .findFirst()
            .orElseThrow();
    Element rewritten = children(suite, "testcase").get(0);
    assertThat(rewritten.getAttribute("name")).isEqualTo("history-rewritten");
    Element failure = children(rewritten, "failure").get(0);
    assertThat(failure.getAttribute("type")).isEqualTo("warning");
    assertThat(failure.getAttribute("message"))
        .startsWith(p + "roadmap.yaml:" + line + ":")
        .contains("milestone 'ms-core-pipelines-automated'");
    JsonNode results = json(withBase.resolve("waymark.sarif")).get("runs").get(0).get("results");
    assertThat(results.size()).isEqualTo(1);
    assertThat(results.get(0).get("ruleId").asString()).isEqualTo("history-rewritten");
    assertThat(results.get(0).get("level").asString()).isEqualTo("warning");
    JsonNode physical = results.get(0).get("locations").get(0).get("physicalLocation");
    // Relative to the Git repository's root (--paths repository, the default).
    assertThat(physical.get("artifactLocation").get("uri").asString())
        .isEqualTo("plan/roadmap.yaml");
    assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(line);
    assertThat(json(without.resolve("waymark.json")).get("findings").size()).isZero();
  }
}
