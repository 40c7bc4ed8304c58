package io.waymark.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Location;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.model.Config;
import io.waymark.engine.model.DocumentIndex;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.model.UnreadableFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A long history is read version by version and parsed in batches (issue 20: 10,000 commits in
 * bounded memory): the order of the commits survives the batching, a content met again is parsed
 * once, and the typed models of older commits keep no YAML node tree.
 */
class PlanHistoryStreamingTest {

  private static final String DUE = "due: 2027-02-26";

  private final ValidationResult validated = Fixtures.validate(Fixtures.exampleRoadmap());
  private final LoadResult current = validated.load();
  private final String roadmap = Fixtures.read(Fixtures.exampleRoadmap().resolve("roadmap.yaml"));

  /** A complete history of no commit but those its files' versions name. */
  private abstract static class VersionsOnly implements History {
    @Override
    public boolean available() {
      return true;
    }

    @Override
    public Optional<String> limitation() {
      return Optional.empty();
    }

    @Override
    public Revision revision(String name) {
      throw new UnknownRevisionException(name);
    }
  }

  /** Versions handed out newest first, each with the content id given. */
  private static History history(List<FileVersion> newestFirst) {
    return new VersionsOnly() {
      @Override
      public List<FileVersion> versions(String path) {
        return "roadmap.yaml".equals(path) ? newestFirst : List.of();
      }
    };
  }

  private FileVersion version(int n, String text, String contentId) {
    Commit commit =
        new Commit(String.format("%040d", n), Instant.EPOCH.plusSeconds(n), "Ada", "edit " + n, 1);
    return new FileVersion(
        commit, "roadmap.yaml", text.getBytes(StandardCharsets.UTF_8), 0, contentId);
  }

  private PlanHistory read(List<FileVersion> newestFirst) {
    return PlanHistory.read(history(newestFirst), current.documents(), Config.Limits.DEFAULT);
  }

  @Test
  void shouldFollowARoadmapThatCannotBeReadToday() {
    // Today's roadmap.yaml stops the YAML reader: no Roadmap document, but its lines show one.
    String broken = roadmap.replace("kind: Roadmap\n", "kind: Roadmap\ntitle: [unclosed\n");
    DocumentIndex today =
        new DocumentIndex(
            "repo",
            List.of("roadmap.yaml"),
            List.of(),
            List.of(
                new UnreadableFile(
                    "roadmap.yaml",
                    List.of(new UnreadableFile.Declared(Kind.ROADMAP, "ai-infra-2027")),
                    List.of("ai-infra-2027"))));
    History history = history(List.of(version(2, broken, "bbb"), version(1, roadmap, "aaa")));

    PlanHistory plan = PlanHistory.read(history, today, Config.Limits.DEFAULT);

    assertThat(plan.roadmap()).extracting(s -> s.commit().subject()).containsExactly("edit 1");
    assertThat(plan.notes()).anyMatch(n -> n.contains("roadmap.yaml: skipped, unreadable YAML"));
  }

  @Test
  void shouldKeepTheCommitOrderAcrossManyBatches() {
    List<FileVersion> newestFirst = new ArrayList<>();
    int versions = 300; // several batches
    for (int n = versions; n >= 1; n--) {
      String day = String.format("due: 2027-%02d-%02d", 1 + n % 12, 1 + n % 28);
      newestFirst.add(version(n, roadmap.replace(DUE, day), "blob" + n));
    }

    PlanHistory plan = read(newestFirst);

    assertThat(plan.roadmap()).hasSize(versions);
    for (int i = 0; i < versions; i++) {
      int n = i + 1;
      Snapshot<Roadmap> s = plan.roadmap().get(i);
      assertThat(s.commit().subject()).isEqualTo("edit " + n);
      assertThat(s.model().milestones())
          .extracting(Milestone::due)
          .contains(LocalDate.of(2027, 1 + n % 12, 1 + n % 28));
    }
  }

  @Test
  void shouldParseAContentMetAgainOnce() {
    String slipped = roadmap.replace(DUE, "due: 2027-03-12");
    List<FileVersion> newestFirst =
        List.of(
            version(3, roadmap, "aaa"), // the revert: same content as commit 1
            version(2, slipped, "bbb"),
            version(1, roadmap, "aaa"));

    PlanHistory plan = read(newestFirst);

    assertThat(plan.roadmap())
        .extracting(s -> s.commit().subject())
        .containsExactly("edit 1", "edit 2", "edit 3");
    assertThat(plan.roadmap().get(2).model()).isSameAs(plan.roadmap().get(0).model());
    assertThat(plan.roadmap().get(1).model()).isNotSameAs(plan.roadmap().get(0).model());
  }

  /**
   * A long-lived process (the resident server, the language server) reads the same history on every
   * request: a version this JVM parsed before is not parsed again, and each read still has its own
   * commits and notes.
   */
  @Test
  void shouldParseAVersionOnceInAJvmAndKeepEachReadsCommits() {
    String id = "jvm-" + java.util.UUID.randomUUID();
    String slipped = roadmap.replace(DUE, "due: 2027-03-12");
    List<FileVersion> first =
        List.of(
            version(2, slipped, id + "-b"),
            withCommit(version(1, "kind: [", id + "-bad"), "1111111"));
    List<FileVersion> again =
        List.of(
            version(12, slipped, id + "-b"),
            withCommit(version(11, "kind: [", id + "-bad"), "2222222"),
            version(10, roadmap, id + "-a"));

    PlanHistory one = read(first);
    PlanHistory two = read(again);

    assertThat(two.roadmap())
        .extracting(s -> s.commit().subject())
        .containsExactly("edit 10", "edit 12");
    assertThat(two.roadmap().get(1).model())
        .as("parsed by the first read")
        .isSameAs(one.roadmap().get(0).model());
    assertThat(one.notes())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("commit 1111111 roadmap.yaml: skipped, unreadable YAML at line 1 (");
    assertThat(two.notes()).containsExactly(one.notes().get(0).replace("1111111", "2222222"));
  }

  /** The same version at a commit with another id (its first seven characters {@code prefix}). */
  private static FileVersion withCommit(FileVersion v, String prefix) {
    Commit c = v.commit();
    Commit other =
        new Commit(
            prefix + c.id().substring(prefix.length()),
            c.time(),
            c.author(),
            c.subject(),
            c.parents());
    return new FileVersion(other, v.path(), v.bytes(), v.depth(), v.contentId());
  }

  /** Another content under a content id already met (a test's, never Git's) is parsed anew. */
  @Test
  void shouldNotTakeAnotherContentForTheSameContentId() {
    String id = "jvm-" + java.util.UUID.randomUUID();
    PlanHistory one = read(List.of(version(1, roadmap, id)));
    PlanHistory two = read(List.of(version(2, roadmap.replace(DUE, "due: 2027-03-12"), id)));

    assertThat(two.roadmap().get(0).model()).isNotSameAs(one.roadmap().get(0).model());
    assertThat(two.roadmap().get(0).model().milestones())
        .extracting(Milestone::due)
        .contains(LocalDate.of(2027, 3, 12));
  }

  @Test
  void shouldReadEachVersionOnItsOwnWithoutAContentId() {
    List<FileVersion> newestFirst = List.of(version(2, roadmap, ""), version(1, roadmap, ""));

    PlanHistory plan = read(newestFirst);

    assertThat(plan.roadmap()).hasSize(2);
    assertThat(plan.roadmap().get(1).model()).isNotSameAs(plan.roadmap().get(0).model());
  }

  @Test
  void shouldKeepNoNodeTreeInTheModelsOfOlderCommits() {
    PlanHistory plan = read(List.of(version(1, roadmap, "aaa")));

    Roadmap old = plan.roadmap().get(0).model();
    assertThat(old.at().isDetached()).isTrue();
    assertThat(old.milestones()).allSatisfy(m -> assertThat(m.at().isDetached()).isTrue());
    // A finding on an older version points at its file, never at a line of a tree it dropped.
    assertThat(old.milestones().get(0).at().location("due"))
        .isEqualTo(Location.ofFile("roadmap.yaml"));
    // The roadmap being validated keeps its positions.
    Roadmap now = validated.plan().roadmap().orElseThrow();
    assertThat(now.at().isDetached()).isFalse();
    assertThat(now.milestones().get(0).at().location("due").line()).isGreaterThan(1);
  }

  /**
   * A file whose history cannot be read (a pack gone half-way) is a note, and every other file's
   * history is read whole: the parser threads serve every file, and the failed file's versions
   * still waiting are dropped with it.
   */
  @Test
  void shouldReadTheOtherFilesWhenOneFileCannotBeRead() {
    String metrics = "metrics/executive-dashboard.yaml";
    byte[] dashboard =
        Fixtures.read(Fixtures.exampleRoadmap().resolve(metrics)).getBytes(StandardCharsets.UTF_8);
    History history =
        new VersionsOnly() {
          @Override
          public List<FileVersion> versions(String path) {
            throw new UnsupportedOperationException("read version by version");
          }

          @Override
          public Optional<HistoryGap> eachVersion(String path, Consumer<FileVersion> visitor)
              throws IOException {
            if (path.equals("roadmap.yaml")) {
              for (int n = 20; n > 10; n--) {
                visitor.accept(version(n, roadmap, "r" + n));
              }
              throw new IOException("pack gone");
            }
            visitor.accept(
                new FileVersion(
                    new Commit(String.format("%040d", 1), Instant.EPOCH, "Ada", "metrics", 1),
                    path,
                    dashboard,
                    0,
                    "m1"));
            return Optional.empty();
          }
        };

    PlanHistory plan = PlanHistory.read(history, current.documents(), Config.Limits.DEFAULT);

    assertThat(plan.roadmap()).isEmpty();
    assertThat(plan.notes()).contains("roadmap.yaml: history cannot be read: pack gone");
    assertThat(plan.metrics().get(metrics)).hasSize(1);
  }
}
