package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request controls the repository and often the folder its pipeline writes into: a symbolic
 * link planted at an output path must never redirect a write. Every writer is tried with a link to
 * a file and a link to a folder; the victims stay as they were and the run ends with exit 2 and one
 * line naming the link.
 */
class PlantedLinkTest {

  private static final String VICTIM_TEXT = "the victim's own content\n";

  @TempDir Path tmp;

  private Path victimFile;
  private Path victimFolder;

  @BeforeEach
  void plantVictims() throws IOException {
    victimFile = Files.writeString(tmp.resolve("victim.txt"), VICTIM_TEXT);
    victimFolder = Files.createDirectories(tmp.resolve("victim-folder"));
  }

  private void assertVictimsUntouched() throws IOException {
    assertThat(Files.readString(victimFile, StandardCharsets.UTF_8)).isEqualTo(VICTIM_TEXT);
    try (Stream<Path> list = Files.list(victimFolder)) {
      assertThat(list).isEmpty();
    }
  }

  private static void assertRefused(Cli cli, String link) {
    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err())
        .startsWith("waymark: refusing to write through the symbolic link ")
        .contains(link)
        .doesNotContain("Exception")
        .hasLineCount(1);
  }

  private Path repository() {
    return KnownFindings.create(tmp).dir();
  }

  @Test
  void shouldNotWriteTheBaselineThroughALink() throws IOException {
    Path repo = repository();
    Path link = Files.createSymbolicLink(repo.resolve(".waymark-baseline.json"), victimFile);

    Cli cli = Cli.run("baseline", repo.toString());

    assertRefused(cli, link.toString());
    assertVictimsUntouched();
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void shouldNotWriteValidateOutputThroughAFileOrAFolderLink() throws IOException {
    Path repo = repository();
    Path fileLink = Files.createSymbolicLink(tmp.resolve("result.json"), victimFile);
    Path folderLink = Files.createSymbolicLink(tmp.resolve("results"), victimFolder);

    Cli toFile =
        Cli.run("validate", repo.toString(), "--format", "json", "--output", fileLink.toString());
    Cli intoFolder =
        Cli.run(
            "validate",
            repo.toString(),
            "--format",
            "json",
            "--output",
            folderLink.resolve("waymark.json").toString());

    assertRefused(toFile, fileLink.toString());
    assertRefused(intoFolder, folderLink.toString());
    assertVictimsUntouched();
  }

  @Test
  void shouldNotExportSchemasThroughALink() throws IOException {
    Path folderLink = Files.createSymbolicLink(tmp.resolve("schema"), victimFolder);
    Path real = Files.createDirectories(tmp.resolve("real-schema"));
    Files.createSymbolicLink(real.resolve("waymark.schema.json"), victimFile);

    Cli intoLinkedFolder = Cli.run("schema", "--out", folderLink.toString());
    Cli ontoLinkedFile = Cli.run("schema", "--out", real.toString());

    assertRefused(intoLinkedFolder, folderLink.toString());
    assertRefused(ontoLinkedFile, "waymark.schema.json");
    assertVictimsUntouched();
  }

  @Test
  void shouldNotWriteCiResultsIntoALinkedOutputFolder() throws IOException {
    Path repo = repository();
    Path target = Files.createDirectories(tmp.resolve("target"));
    Path out = Files.createSymbolicLink(target.resolve("waymark"), victimFolder);

    Cli cli = Cli.run("ci", repo.toString(), "--out", out.toString(), "--no-pdf");

    assertRefused(cli, out.toString());
    assertVictimsUntouched();
  }

  @Test
  void shouldNotWriteCiReportsIntoALinkedReportFolder() throws IOException {
    Path repo = repository();
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.createSymbolicLink(out.resolve("report"), victimFolder);

    Cli cli = Cli.run("ci", repo.toString(), "--out", out.toString(), "--no-pdf");

    assertRefused(cli, "/report");
    assertVictimsUntouched();
  }

  @Test
  void shouldNotReplaceALinkedResultFileOrReportFile() throws IOException {
    Path repo = repository();
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.createSymbolicLink(out.resolve("waymark.sarif"), victimFile);
    Path out2 = Files.createDirectories(tmp.resolve("out2").resolve("report"));
    Files.createSymbolicLink(out2.resolve("qbr-2027-Q2.md"), victimFile);

    Cli result = Cli.run("ci", repo.toString(), "--out", out.toString(), "--no-pdf");
    Cli report = Cli.run("ci", repo.toString(), "--out", out2.getParent().toString(), "--no-pdf");

    assertRefused(result, "waymark.sarif");
    assertRefused(report, "report/qbr-2027-Q2.md");
    assertVictimsUntouched();
  }

  @Test
  void shouldNotWriteReportsThroughALink() throws IOException {
    Path repo = repository();
    Path folderLink = Files.createSymbolicLink(tmp.resolve("qbr"), victimFolder);
    Path real = Files.createDirectories(tmp.resolve("real-qbr"));
    Files.createSymbolicLink(real.resolve("dashboard.html"), victimFile);

    Cli intoLinkedFolder = Cli.run("report", repo.toString(), "--out", folderLink.toString());
    Cli ontoLinkedFile = Cli.run("report", repo.toString(), "--out", real.toString(), "--no-pdf");

    assertRefused(intoLinkedFolder, folderLink.toString());
    assertRefused(ontoLinkedFile, "dashboard.html");
    assertVictimsUntouched();
  }

  @Test
  void shouldNotScaffoldThroughALinkedFolderOrFile() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("new-roadmap"));
    Files.createSymbolicLink(dir.resolve(".vscode"), victimFolder);
    Path other = Files.createDirectories(tmp.resolve("other-roadmap"));
    Files.createSymbolicLink(other.resolve("roadmap.yaml"), victimFile);

    Cli linkedFolder = Cli.run("init", dir.toString(), "--force");
    Cli linkedFile = Cli.run("init", other.toString(), "--force");

    assertRefused(linkedFolder, ".vscode");
    assertRefused(linkedFile, "roadmap.yaml");
    assertVictimsUntouched();
  }

  @Test
  void shouldNotInstallTheHookThroughALink() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      StoredConfig config = git.getRepository().getConfig();
      config.setString("core", null, "hooksPath", ".githooks");
      config.save();
    }
    Path hooks = Files.createSymbolicLink(repo.resolve(".githooks"), victimFolder);

    Cli linkedFolder = Cli.run("hook", "install", "--dir", repo.toString());
    Files.delete(hooks);
    Files.createDirectories(hooks);
    Files.createSymbolicLink(hooks.resolve("pre-commit"), victimFile);
    Cli linkedFile = Cli.run("hook", "install", "--dir", repo.toString(), "--force");

    assertRefused(linkedFolder, ".githooks");
    assertThat(linkedFile.code()).isZero(); // --force keeps the link aside as the backup...
    assertThat(Files.isSymbolicLink(hooks.resolve(HookCommand.BACKUP))).isTrue();
    assertThat(Files.isSymbolicLink(hooks.resolve("pre-commit"))).isFalse(); // ...and replaces it
    assertVictimsUntouched();
  }

  @Test
  void shouldRefuseALinkBetweenTheCurrentFolderAndTheOutputFolder() throws IOException {
    // Relative to the current folder (the module folder in a test run), as a pipeline writes.
    Path base = Path.of("target", "planted-links-" + UUID.randomUUID());
    Files.createDirectories(base);
    try {
      Files.createSymbolicLink(base.resolve("build"), victimFolder.toAbsolutePath());
      Path out = base.resolve("build").resolve("waymark");

      Cli cli = Cli.run("ci", repository().toString(), "--out", out.toString(), "--no-pdf");

      assertRefused(cli, base.resolve("build").toAbsolutePath().toString());
      assertVictimsUntouched();
    } finally {
      Files.delete(base.resolve("build"));
      Files.delete(base);
    }
  }
}
