package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag(LocaleSensitive.TAG)
class FixCommandTest {

  @TempDir Path tmp;

  /** The engine's ten planted mistakes (file of the example, original text, planted text). */
  private static final Path PLANTED =
      Path.of("../engine/src/test/resources/io/waymark/engine/fix/planted-mistakes.tsv");

  @Test
  void shouldGiveBackTheExampleByteForByteAfterTenPlantedMechanicalMistakes() throws IOException {
    try (GitWorkTree repo = GitWorkTree.init(tmp.resolve("repo")).copyExample("plan")) {
      repo.commit("the example roadmap", "2027-05-01");
      for (String[] p : plantedMistakes()) {
        repo.replace("plan/" + p[0], p[1], p[2]);
      }
      Path plan = repo.dir().resolve("plan");
      assertThat(bytes(plan)).isNotEqualTo(bytes(GitWorkTree.EXAMPLE));

      Cli fix = Cli.run("fix", plan.toString(), "--base", "HEAD");

      assertThat(fix.code()).as(fix.out() + fix.err()).isZero();
      assertThat(bytes(plan)).isEqualTo(bytes(GitWorkTree.EXAMPLE));
      assertThat(fix.out())
          .contains(
              "plan/business-cases/pipeline-automation.yaml:92:12 bc-financials-mismatch: set npv"
                  + " to the computed 273338 (was 300000)")
          .contains(
              "roadmap.yaml:117:11 history-rewritten: add completedOn: 2027-01-27 to done"
                  + " milestone 'ms-readiness-scorecard'")
          .contains("waymark fix: fixed 10 findings in 9 files; nothing left for a person");
      assertThat(Cli.run("validate", plan.toString(), "--base", "HEAD").out())
          .doesNotContain("bc-financials-mismatch")
          .doesNotContain("vendor-decision-mismatch")
          .doesNotContain("history-rewritten");
    }
  }

  /**
   * A done milestone without completedOn (milestone-done-undated): the commit that marked it done
   * gives the date, and the fix writes exactly the example's line back.
   */
  @Test
  void shouldDateADoneMilestoneFromTheCommitThatMarkedItDone() throws IOException {
    String dated = "due: 2027-04-23\n          status: done\n          completedOn: 2027-04-21";
    String open = "due: 2027-04-23\n          status: in-progress";
    String undated = "due: 2027-04-23\n          status: done";
    try (GitWorkTree repo = GitWorkTree.init(tmp.resolve("dated")).copyExample("plan")) {
      repo.replace("plan/roadmap.yaml", dated, open);
      repo.commit("Vector database pilot tier under way", "2027-03-01");
      repo.replace("plan/roadmap.yaml", open, undated);
      RevCommit done = repo.commit("Vector database pilot tier delivered", "2027-04-21");
      Path plan = repo.dir().resolve("plan");

      Cli validate = Cli.run("validate", plan.toString(), "--as-of", "2027-05-14");
      assertThat(validate.out())
          .contains("milestone-done-undated")
          .contains(
              "Add completedOn: 2027-04-21 below its status: commit "
                  + done.getId().abbreviate(7).name());

      Cli fix = Cli.run("fix", plan.toString(), "--as-of", "2027-05-14");

      assertThat(fix.code()).as(fix.out() + fix.err()).isZero();
      assertThat(fix.out())
          .contains(
              "roadmap.yaml:234:19 milestone-done-undated: add completedOn: 2027-04-21 to done"
                  + " milestone 'ms-vector-db-pilot-tier' (the date of the commit that first"
                  + " marked it done)");
      assertThat(bytes(plan)).isEqualTo(bytes(GitWorkTree.EXAMPLE));
    }
  }

  @Test
  void shouldLeaveEveryYamlFileOfTheProjectByteForByteWhenNothingIsFixable() throws IOException {
    Path all = tmp.resolve("all");
    Path project = Path.of("..").toAbsolutePath().normalize();
    int copied = 0;
    for (Path p : yamlOfTheProject(project)) {
      Path to = all.resolve(project.relativize(p).toString());
      Files.createDirectories(to.getParent());
      Files.copy(p, to);
      copied++;
    }
    Map<String, String> before = bytes(all);

    Cli fix = Cli.run("fix", all.toString(), "--fail-on", "never");

    assertThat(copied).isGreaterThan(100);
    assertThat(fix.code()).as(fix.err()).isZero();
    // Two schema fixtures carry a business case whose schema error sits in a cost line, so the
    // rest is judged and its declared figures differ from those computed without that cost:
    // they are not fixed (the cost left out would make them wrong), and every byte stays.
    assertThat(fix.out())
        .contains(
            "business-case-cost-category-enum.yaml:37:12 bc-financials-mismatch: not fixed: the"
                + " file has schema errors")
        .contains("business-case-negative-cost.yaml:38:22 bc-financials-mismatch: not fixed")
        .contains("waymark fix: nothing to fix, 4 not fixable here");
    assertThat(bytes(all)).isEqualTo(before);
  }

  /**
   * A cost written "70,000" fails its schema, and the rules judge the case without it: fix must not
   * declare the figures computed from the rest (it overwrote the author's right ones), and validate
   * must not say the document was left out of the plan rules when it was judged.
   */
  @Test
  void shouldLeaveTheFiguresOfACaseJudgedWithoutAnItemThatFailsItsSchema() {
    Path plan = copyExample();
    Path bc = plan.resolve("business-cases/pipeline-automation.yaml");
    replace(bc, "oneOff: 70000", "oneOff: 70,000");
    Map<String, String> before = bytes(plan);

    Cli validate = Cli.run("validate", plan.toString());
    Cli fix = Cli.run("fix", plan.toString());

    assertThat(validate.out())
        .contains("'70,000' is a number with thousands separators")
        .contains("bc-financials-mismatch")
        .contains("note: 1 document failed its schema only in list items")
        .doesNotContain("left out of the plan rules");
    assertThat(fix.code()).isEqualTo(ExitCode.FINDINGS);
    assertThat(fix.out()).contains("not fixed: the file has schema errors");
    assertThat(bytes(plan)).isEqualTo(before);
  }

  @Test
  void shouldPrintAUnifiedDiffAndWriteNothingOnADryRun() {
    Path plan = copyExample();
    replace(plan.resolve("business-cases/mlops-skills.yaml"), "irr: 92.0", "irr: 80.5");
    replace(
        plan.resolve("vendors/gpu-cloud-capacity.yaml"),
        "decision: diligence",
        "decision: 'go'  # planted");
    Map<String, String> before = bytes(plan);

    Cli dry = Cli.run("fix", "--dry-run", plan.toString());

    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(bytes(plan)).isEqualTo(before);
    String shown = plan.toString().replace('\\', '/');
    assertThat(dry.out())
        .isEqualTo(
            "--- a/"
                + shown
                + "/business-cases/mlops-skills.yaml\n"
                + "+++ b/"
                + shown
                + "/business-cases/mlops-skills.yaml\n"
                + "@@ -59,7 +59,7 @@\n"
                + "     declared:\n"
                + "       roi: 221.5\n"
                + "       npv: 184135\n"
                + "-      irr: 80.5\n"
                + "+      irr: 92.0\n"
                + "       paybackMonths: 12\n"
                + "   risks:\n"
                + "     ifNotInvested: >-\n"
                + "--- a/"
                + shown
                + "/vendors/gpu-cloud-capacity.yaml\n"
                + "+++ b/"
                + shown
                + "/vendors/gpu-cloud-capacity.yaml\n"
                + "@@ -55,7 +55,7 @@\n"
                + "         lockIn: {dataPortability: 3, openStandards: 3, exitTerms: 3}\n"
                + "       references: 3\n"
                + "       redFlags: [no-segment-references]\n"
                + "-      decision: 'go'  # planted\n"
                + "+      decision: 'diligence'  # planted\n"
                + "       benchmark:\n"
                + "         p95InferenceLatencyMs: 51\n"
                + "         reservedGpuHourEur: 1.6\n");
    assertThat(dry.err())
        .contains("waymark fix: would fix 2 findings in 2 files")
        .doesNotContain("left for a person");
  }

  @Test
  void shouldNeverChangeAGateStatusOrAnApprovalAndExitOneForWhatIsLeft() {
    Path plan = copyExample();
    Path roadmap = plan.resolve("roadmap.yaml");
    String text = read(roadmap);
    int gate = text.indexOf("gate:", text.indexOf("id: phase-build-foundations"));
    int status = text.indexOf("status: pending", gate);
    write(roadmap, text.substring(0, status) + "status: passed" + text.substring(status + 15));
    replace(
        plan.resolve("business-cases/pipeline-automation.yaml"),
        "decision: dec-bc-pipeline-automation",
        "decision: dec-unknown-decision");
    replace(plan.resolve("business-cases/mlops-skills.yaml"), "irr: 92.0", "irr: 80.5");
    Map<String, String> before = bytes(plan);

    Cli fix = Cli.run("fix", plan.toString());

    assertThat(fix.code()).isEqualTo(1);
    assertThat(fix.out())
        .contains("fixed 1 finding in 1 file")
        .containsPattern("\\d+ findings left for a person \\(\\d+ errors?")
        .contains("run 'waymark validate' to see them");
    Map<String, String> after = bytes(plan);
    assertThat(after.get("business-cases/mlops-skills.yaml"))
        .isNotEqualTo(before.get("business-cases/mlops-skills.yaml"));
    after.remove("business-cases/mlops-skills.yaml");
    before.remove("business-cases/mlops-skills.yaml");
    assertThat(after).isEqualTo(before);
  }

  @Test
  void shouldRefuseAFolderThatIsASymbolicLinkAndARevision() throws IOException {
    Path plan = copyExample();
    replace(plan.resolve("business-cases/mlops-skills.yaml"), "irr: 92.0", "irr: 80.5");
    Path link = Files.createSymbolicLink(tmp.resolve("link"), plan);

    Cli linked = Cli.run("fix", link.toString());
    Cli revision = Cli.run("fix", plan.toString(), "--rev", "HEAD");

    assertThat(linked.code()).isEqualTo(2);
    assertThat(linked.err()).contains("is a symbolic link");
    assertThat(revision.code()).isEqualTo(2);
    assertThat(revision.err()).contains("--rev: waymark fix edits the files of the work tree");
    assertThat(read(plan.resolve("business-cases/mlops-skills.yaml"))).contains("irr: 80.5");
  }

  @Test
  void shouldNeverWriteThroughAYamlFileThatIsASymbolicLink() throws IOException {
    Path plan = copyExample();
    Path outside = tmp.resolve("outside.yaml");
    Files.move(plan.resolve("business-cases/mlops-skills.yaml"), outside);
    replace(outside, "irr: 92.0", "irr: 80.5");
    Files.createSymbolicLink(plan.resolve("business-cases/mlops-skills.yaml"), outside);

    Cli fix = Cli.run("fix", plan.toString(), "--fail-on", "never");

    assertThat(fix.code()).as(fix.err()).isZero();
    assertThat(read(outside)).contains("irr: 80.5");
    assertThat(Files.isSymbolicLink(plan.resolve("business-cases/mlops-skills.yaml"))).isTrue();
  }

  @Test
  void shouldRefuseALinkPlantedBetweenValidationAndWriting() throws IOException {
    Path plan = copyExample();
    Files.createDirectories(tmp.resolve("elsewhere"));
    Files.move(plan.resolve("vendors"), tmp.resolve("elsewhere/vendors"));
    Files.createSymbolicLink(plan.resolve("vendors"), tmp.resolve("elsewhere/vendors"));

    assertThatThrownBy(
            () -> FixCommand.refuseLinks(plan, "vendors/gpu-cloud-capacity.yaml", "plan"))
        .isInstanceOf(UserError.class)
        .hasMessage(
            "refusing to write plan/vendors/gpu-cloud-capacity.yaml: plan/vendors is a symbolic"
                + " link; nothing was written");
  }

  @Test
  void shouldRefuseAReadOnlyFileAndWriteNothing() throws IOException {
    Path plan = copyExample();
    Path vendors = plan.resolve("vendors/data-pipeline-platform.yaml");
    replace(vendors, "decision: no-go", "decision: go");
    Path bc = plan.resolve("business-cases/mlops-skills.yaml");
    replace(bc, "irr: 92.0", "irr: 80.5");
    Assumptions.assumeTrue(
        Files.getFileAttributeView(bc, PosixFileAttributeView.class) != null, "POSIX modes");
    // Made read-only on purpose (chmod a-w; attrib +R on Windows, where the rename fails).
    Files.setPosixFilePermissions(bc, PosixFilePermissions.fromString("r--r--r--"));
    Map<String, String> before = bytes(plan);

    Cli fix = Cli.run("fix", plan.toString());

    assertThat(fix.code()).isEqualTo(2);
    assertThat(fix.err())
        .contains("business-cases/mlops-skills.yaml")
        .contains("read-only")
        .contains("nothing was written");
    assertThat(bytes(plan)).isEqualTo(before);
  }

  @Test
  void shouldDocumentTheExitCodesInItsHelp() {
    Cli help = Cli.run("fix", "--help");

    assertThat(help.code()).isZero();
    assertThat(help.out())
        .contains("Usage: waymark fix")
        .contains("--dry-run")
        .contains("Exit codes: 0 nothing at or above --fail-on is left")
        .contains("no gate")
        .contains("status, no approval");
  }

  private Path copyExample() {
    Path plan = tmp.resolve("plan");
    try {
      // Without the example's cache: another test class may be writing it right now.
      CacheCliTest.copy(GitWorkTree.EXAMPLE, plan);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return plan;
  }

  /**
   * The project's YAML files; build folders, Git's and npm's left out before they are entered: the
   * other modules' builds write and delete files there meanwhile (a walk that filtered them out
   * afterwards failed on a file gone between the listing and the reading of its attributes).
   */
  private static List<Path> yamlOfTheProject(Path project) throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        project,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
            return Set.of("target", ".git", "node_modules").contains(name)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            if (attrs.isRegularFile() && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return files;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void replace(Path file, String from, String to) {
    String text = read(file);
    assertThat(text.indexOf(from)).as(from).isNotNegative().isEqualTo(text.lastIndexOf(from));
    write(file, text.replace(from, to));
  }

  /**
   * Every regular file below {@code root} (links not followed), each byte as one character
   * (ISO-8859-1), so that equal maps mean equal bytes and a difference prints readably.
   */
  private static Map<String, String> bytes(Path root) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(p).toString().replace('\\', '/');
        // .waymark/cache/: what a validation of the folder keeps, rewritten by any test's run.
        if (!name.startsWith(".git/") && !name.startsWith(".waymark/cache/")) {
          files.put(name, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static List<String[]> plantedMistakes() throws IOException {
    try (Stream<String> lines = Files.lines(PLANTED)) {
      return lines
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.replace("\\n", "\n").split("\t", -1))
          .toList();
    }
  }
}
