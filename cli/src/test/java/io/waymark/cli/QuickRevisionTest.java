package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command lines of a revision ({@code --rev}, {@code --staged}; the pre-commit hook runs {@code
 * validate DIR --rev COMMIT}) are read and judged without picocli ({@link QuickValidate}), and
 * print, write and exit exactly as picocli's path does. The repository's HEAD, index and work tree
 * all differ: HEAD has no finding, the index a schema error, the work tree has the error fixed and
 * an untracked broken file besides.
 */
@Tag(LocaleSensitive.TAG)
@ResourceLock(ResidentServer.IN_PROCESS_SERVER)
class QuickRevisionTest {

  @TempDir static Path tmp;
  private static GitWorkTree repo;
  private static Path out;

  @BeforeAll
  static void repository() throws Exception {
    repo = GitWorkTree.init(tmp.resolve("repo")).copyExample("plan");
    repo.commit("the roadmap", "2027-05-01");
    repo.write("plan/roadmap.yaml", repo.read("plan/roadmap.yaml") + "# a second commit\n");
    repo.commit("a comment", "2027-05-02");
    String committed = repo.read("plan/roadmap.yaml");
    repo.write("plan/roadmap.yaml", committed.replaceFirst("status: done", "status: finished"));
    repo.git().add().addFilepattern("plan/roadmap.yaml").call();
    repo.write("plan/roadmap.yaml", committed);
    repo.write("plan/scratch.yaml", "kind: Roadmap\nspec: [unclosed\n");
    out = tmp.resolve("written/result.out");
  }

  @AfterAll
  static void close() {
    repo.close();
  }

  /** Read and judged without picocli. */
  static List<String> judgedHere() {
    return List.of(
        "validate DIR --staged",
        "validate DIR --staged --format json",
        "validate --staged DIR --quiet --no-color --format github",
        "validate DIR --staged --fail-on never --output OUT",
        "validate DIR --rev HEAD",
        "validate DIR --rev=HEAD~1 --format sarif --paths roadmap",
        "validate --rev HEAD --output OUT DIR --format junit",
        "validate DIR --rev HEAD --timeout 90s --debug",
        "validate DIR --rev nonsense",
        "validate DIR --staged --rev HEAD",
        "validate MISSING --rev HEAD",
        "validate MISSING --staged");
  }

  /** Left to picocli: its errors, and the options read nowhere else. */
  static List<String> leftToPicocli() {
    return List.of(
        "validate DIR --rev",
        "validate DIR --rev --staged",
        "validate DIR --rev HEAD --rev HEAD~1",
        "validate DIR --staged --staged",
        "validate DIR --staged --watch",
        "validate DIR --rev HEAD --base HEAD~1",
        "validate DIR --rev HEAD --no-cache",
        "validate DIR --rev HEAD --timeout nonsense");
  }

  @ParameterizedTest(name = "waymark {0}")
  @MethodSource("judgedHere")
  void judgesARevisionWithoutPicocliAsPicocliDoes(String line) throws IOException {
    String[] args = args(line);
    assertThat(QuickValidate.of(args)).as("read as a plain form").isPresent();
    assertThat(QuickValidate.of(args).get().judgesRevision()).isTrue();
    MainRun quick = run(true, args);
    MainRun picocli = run(false, args);
    assertThat(quick).as(line).isEqualTo(picocli);
  }

  @ParameterizedTest(name = "waymark {0}")
  @MethodSource("leftToPicocli")
  void leavesTheRestToPicocli(String line) throws IOException {
    String[] args = args(line);
    assertThat(run(true, args)).as(line).isEqualTo(run(false, args));
  }

  /** Through the resident validate server: the same as a local run, also for picocli's lines. */
  @Test
  void answersThroughTheResidentServerAsALocalRunDoes() throws Exception {
    try (ResidentServer server = ResidentServer.start(tmp)) {
      for (String line : judgedHere()) {
        String[] args = args(line);
        ResidentServer.Run resident = server.run(out, args);
        assertThat(resident.answered()).as(line).isTrue();
        assertThat(resident.result()).as(line).isEqualTo(run(true, args));
      }
      for (String line : leftToPicocli()) {
        String[] args = args(line);
        assertThat(server.run(out, args).result()).as(line).isEqualTo(run(true, args));
      }
    }
  }

  @Test
  void judgesTheStagedContentNeitherHeadNorTheWorkTree() throws IOException {
    MainRun staged = run(true, args("validate DIR --staged --no-color"));
    assertThat(staged.code()).as(staged.err()).isEqualTo(1);
    assertThat(staged.out()).contains("finished").doesNotContain("scratch.yaml");
    assertThat(run(true, args("validate DIR --rev HEAD --no-color")).code()).isZero();
    MainRun tree = run(true, args("validate DIR --no-color"));
    assertThat(tree.out()).contains("scratch.yaml").doesNotContain("finished");
  }

  private static MainRun run(boolean quick, String... args) throws IOException {
    return MainRun.run(out, quick, args);
  }

  private static String[] args(String line) {
    Map<String, Path> paths = new LinkedHashMap<>();
    paths.put("MISSING", tmp.resolve("missing"));
    paths.put("DIR", repo.dir().resolve("plan"));
    paths.put("OUT", out);
    return MainRun.args(line, paths);
  }
}
