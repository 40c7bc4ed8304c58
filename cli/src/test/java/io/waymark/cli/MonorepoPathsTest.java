package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --paths}: a roadmap in a subfolder of a Git repository (a monorepo) gives SARIF,
 * checkstyle and GitLab Code Quality paths that are valid from the repository's root, the way code
 * scanning and GitLab resolve them, so the files upload unchanged.
 */
@Tag(LocaleSensitive.TAG)
class MonorepoPathsTest {

  private static final String PLAN = "teams/ai platform/roadmap";

  @TempDir Path tmp;

  /** A repository whose roadmap lives in {@link #PLAN}, with findings in two files. */
  private Path monorepo() {
    try (GitWorkTree repo = GitWorkTree.init(tmp.resolve("repo")).copyExample(PLAN)) {
      repo.write("README.md", "The company monorepo\n");
      repo.write(
          PLAN + "/roadmap.yaml",
          repo.read(PLAN + "/roadmap.yaml").replaceFirst("status: done", "status: finished"));
      repo.replace(PLAN + "/governance.yaml", "kind: Governance", "kind: Governance\nextra: 1");
      repo.commit("monorepo", "2027-05-01");
      return repo.dir();
    }
  }

  private static JsonNode json(Path file) throws IOException {
    return JsonMapper.builder().build().readTree(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** The artifact URIs of every SARIF result, decoded to paths. */
  private static List<String> sarifPaths(JsonNode log) {
    List<String> paths = new ArrayList<>();
    for (JsonNode result : log.get("runs").get(0).get("results")) {
      JsonNode artifact =
          result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
      assertThat(artifact.get("uriBaseId").asString()).isEqualTo("%SRCROOT%");
      paths.add(URI.create(artifact.get("uri").asString()).getPath());
    }
    return paths;
  }

  private static List<String> checkstylePaths(Path file) throws IOException {
    List<String> paths = new ArrayList<>();
    Matcher m =
        Pattern.compile("<file name=\"([^\"]*)\"")
            .matcher(Files.readString(file, StandardCharsets.UTF_8));
    while (m.find()) {
      paths.add(m.group(1));
    }
    return paths;
  }

  private static List<String> gitlabPaths(Path file) throws IOException {
    List<String> paths = new ArrayList<>();
    json(file).forEach(issue -> paths.add(issue.get("location").get("path").asString()));
    return paths;
  }

  @Test
  void shouldWritePathsValidFromTheRepositoryRootByDefault() throws IOException {
    Path repo = monorepo();
    Path out = tmp.resolve("out");

    Cli cli = Cli.run("ci", repo.resolve(PLAN).toString(), "--out", out.toString(), "--no-pdf");

    assertThat(cli.code()).as(cli.err()).isEqualTo(1);
    String sarif = Files.readString(out.resolve("waymark.sarif"), StandardCharsets.UTF_8);
    MachineFormats.Sarif schema = new MachineFormats.Sarif();
    assertThat(schema.problems(sarif)).isEmpty();
    assertThat(schema.refused).isEmpty();
    JsonNode log = json(out.resolve("waymark.sarif"));
    List<String> paths = new ArrayList<>(sarifPaths(log));
    paths.addAll(checkstylePaths(out.resolve("waymark-checkstyle.xml")));
    paths.addAll(gitlabPaths(out.resolve("waymark-gitlab.json")));

    assertThat(paths)
        .hasSizeGreaterThanOrEqualTo(6)
        .contains(PLAN + "/roadmap.yaml", PLAN + "/governance.yaml")
        .allSatisfy(p -> assertThat(repo.resolve(p)).as(p).isRegularFile());
    assertThat(MachineFormats.sourceRootDescription(log))
        .isEqualTo(
            "The root of the Git work tree that holds the roadmap folder '"
                + PLAN
                + "'; every artifact uri is relative to it.");
    // The space of the folder name is percent-encoded in the URI.
    assertThat(sarif).contains("\"uri\" : \"teams/ai%20platform/roadmap/roadmap.yaml\"");
  }

  @Test
  void shouldWritePathsRelativeToTheRoadmapFolderWhenAsked() throws IOException {
    Path repo = monorepo();
    Path roadmap = repo.resolve(PLAN);

    Cli sarif = Cli.run("validate", roadmap.toString(), "--format", "sarif", "--paths", "roadmap");
    Cli gitlab =
        Cli.run("validate", roadmap.toString(), "--format", "gitlab", "--paths", "roadmap");

    assertThat(sarifPaths(JsonMapper.builder().build().readTree(sarif.out())))
        .contains("roadmap.yaml", "governance.yaml")
        .allSatisfy(p -> assertThat(roadmap.resolve(p)).as(p).isRegularFile());
    List<String> paths = new ArrayList<>();
    JsonMapper.builder()
        .build()
        .readTree(gitlab.out())
        .forEach(issue -> paths.add(issue.get("location").get("path").asString()));
    assertThat(paths).isNotEmpty().allSatisfy(p -> assertThat(roadmap.resolve(p)).isRegularFile());
  }

  @Test
  void shouldWritePathsRelativeToTheRoadmapFolderOutsideGit() throws IOException {
    Path plain = tmp.resolve("plain");
    KnownFindings.copy(GitWorkTree.EXAMPLE, plain);
    Path roadmap = plain.resolve("roadmap.yaml");
    Files.writeString(
        roadmap, Files.readString(roadmap).replaceFirst("status: done", "status: finished"));

    Cli cli = Cli.run("validate", plain.toString(), "--format", "checkstyle");

    assertThat(cli.code()).isEqualTo(1);
    assertThat(cli.out()).contains("<file name=\"roadmap.yaml\">");
  }

  @Test
  void shouldRejectAnUnknownPathsBase() {
    Cli cli = Cli.run("validate", tmp.toString(), "--format", "sarif", "--paths", "absolute");

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err()).contains("--paths").contains("repository, roadmap");
  }
}
