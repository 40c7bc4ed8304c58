package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.history.Commit;
import io.waymark.engine.history.FileVersion;
import io.waymark.engine.history.History;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.rules.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade a front end uses: open, judge, compare, list the rules, without Git knowledge. */
class WaymarkTest {

  @TempDir Path tmp;

  private Path example() {
    return Fixtures.copyExample(tmp.resolve("plan"));
  }

  @Test
  void shouldJudgeAFolderOutsideGitAsTheValidatorDoes() throws IOException {
    Path dir = example();
    Waymark waymark = new Waymark((folder, start) -> History.none("not a Git repository"));

    ValidationResult result;
    try (Checkout target =
        waymark.open(Waymark.Request.folder(dir, "plan"), ValidationOptions.defaults())) {
      result = target.validate();
      assertThat(target.state()).isEqualTo(Checkout.State.NO_GIT);
      assertThat(target.historyAvailable()).isFalse();
      assertThat(target.lastCommitOnOrBefore(LocalDate.of(2030, 1, 1))).isEmpty();
      assertThat(target.baseNote()).isEmpty();
    }

    ValidationResult direct =
        new Validator(RuleRegistry.discover())
            .validate(
                new FolderSource(dir, "plan"),
                ValidationOptions.defaults().withHistory(History.none("not a Git repository")));
    assertThat(result.findings()).isEqualTo(direct.findings());
    assertThat(result.root()).isEqualTo("plan");
    assertThat(result.files()).isEqualTo(direct.load().files());
    assertThat(result.planHistory().available()).isFalse();
    assertThat(result.planHistory().limitation()).contains("not a Git repository");
    assertThat(result.historyLimit()).isEmpty();
    assertThat(result.analyses().slips()).allMatch(m -> m.slips().isEmpty());
    assertThat(result.analyses().coverage())
        .containsOnlyKeys("milestone-slipping", "roadmap-churn");
    // The result names the rules it was judged with, so readers need not discover them again.
    assertThat(result.rules()).isEqualTo(waymark.rules()).isNotEmpty();
  }

  @Test
  void shouldSayWhatIsWrongWithTheFolder() throws IOException {
    Waymark waymark = Waymark.withoutHistory();
    Path missing = tmp.resolve("nowhere");
    assertThatThrownBy(
            () ->
                waymark.open(
                    Waymark.Request.folder(missing, "nowhere"), ValidationOptions.defaults()))
        .isInstanceOf(RequestException.class)
        .hasMessage("cannot read '" + missing + "': no such folder");
    Path file = Files.writeString(tmp.resolve("roadmap.yaml"), "x: 1\n");
    assertThatThrownBy(() -> Waymark.requireFolder(file))
        .isInstanceOf(RequestException.class)
        .hasMessage("'" + file + "' is not a folder; give the roadmap repository's folder");
  }

  @Test
  void shouldRefuseARevisionOutsideGit() throws IOException {
    Path dir = example();
    Waymark waymark = new Waymark((folder, start) -> History.none("not a Git repository"));

    assertThatThrownBy(
            () ->
                waymark.open(
                    Waymark.Request.folder(dir, "plan").at("v1"), ValidationOptions.defaults()))
        .isInstanceOf(RequestException.class)
        .hasMessage(
            "'"
                + dir.toString().replace('\\', '/')
                + "' is not in a Git repository with commits (not a Git repository): revisions"
                + " cannot be read");
  }

  @Test
  void shouldNameTheOptionOfAnUnknownRevision() throws IOException {
    Path dir = example();
    Revisions git = new Revisions();
    git.add("HEAD", "aaaaaaa", "2027-05-01", new FolderSource(dir, "HEAD"));
    Waymark waymark = new Waymark((folder, start) -> git);

    // The base is resolved beside the head's load (LaterBase): the run fails with its message.
    try (Checkout target =
        waymark.open(
            Waymark.Request.folder(dir, "plan").against("origin/nope", false),
            ValidationOptions.defaults())) {
      assertThatThrownBy(target::validate)
          .isInstanceOf(RequestException.class)
          .hasMessage("--base origin/nope: unknown revision 'origin/nope'");
      assertThatThrownBy(target::awaitBase)
          .isInstanceOf(RequestException.class)
          .hasMessage("--base origin/nope: unknown revision 'origin/nope'");
    }
    assertThat(git.closed).as("the history is closed with the checkout").isTrue();
  }

  @Test
  void shouldJudgeARevisionUnderTheFolderNameAndReadItsHistoryOnce() throws IOException {
    Path dir = example();
    Revisions git = new Revisions();
    Commit v1 = git.add("v1", "bbbbbbb", "2027-04-30", new FolderSource(dir, "elsewhere"));
    git.versions.put(
        "roadmap.yaml",
        List.of(
            new FileVersion(v1, "roadmap.yaml", Files.readAllBytes(dir.resolve("roadmap.yaml")))));
    Waymark waymark = new Waymark((folder, start) -> git);

    try (Checkout target =
        waymark.open(Waymark.Request.folder(dir, "plan").at("v1"), ValidationOptions.defaults())) {
      assertThat(target.state()).isEqualTo(new Checkout.State(Optional.of(v1), false));
      assertThat(target.state().date(java.time.Clock.systemUTC())).isEqualTo(v1.date());
      ValidationResult result = target.validate();
      int afterRules = git.reads.get();
      assertThat(afterRules).as("the history rules read the roadmap's history").isPositive();

      assertThat(result.root()).isEqualTo("plan");
      assertThat(result.planHistory().roadmap()).hasSize(1);
      assertThat(result.analyses().slips()).isNotEmpty();
      // One milestone's re-plans are the same answer as the list's, for the reports to look up.
      var first = result.analyses().slips().get(0);
      assertThat(result.analyses().slips(first.milestone().id())).containsSame(first);
      assertThat(result.analyses().slips("no-such-milestone")).isEmpty();
      assertThat(result.analyses().history()).isSameAs(result.planHistory());
      assertThat(result.analyses().churn()).isPresent();
      assertThat(result.analyses().historyReport().commits()).isEqualTo(1);
      assertThat(git.reads.get()).as("read once, by the rules").isEqualTo(afterRules);
    }
    assertThat(git.closed).isTrue();
  }

  @Test
  void shouldGiveTheReportsTheHistoryTheRulesRead() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    Revisions git = new Revisions();
    Waymark waymark = new Waymark((folder, start) -> git);

    try (Checkout target =
        waymark.open(Waymark.Request.folder(dir, "empty"), ValidationOptions.defaults())) {
      ValidationResult result = target.validate();
      assertThat(result.planHistory()).isSameAs(result.history().orElseThrow());
      assertThat(result.planHistory().available()).isTrue();
    }
  }

  @Test
  void shouldCompareTheWorkTreeWithABaseAndJudgeThePullRequestRules() throws IOException {
    Path dir = example();
    Path base = Fixtures.copyExample(tmp.resolve("base"));
    Fixtures.replaceOnce(base.resolve("roadmap.yaml"), "due: 2027-01-29", "due: 2026-12-18");
    Revisions git = new Revisions();
    git.add("HEAD", "aaaaaaa", "2027-05-10", new FolderSource(dir, "HEAD"));
    Commit main = git.add("main", "ccccccc", "2027-05-01", new FolderSource(base, "main"));
    List<String> opened = new ArrayList<>();
    Waymark waymark =
        new Waymark(
            (folder, start) -> {
              opened.add(start);
              return git;
            });

    Comparison c =
        waymark.compare(dir, "plan", "main", Optional.empty(), false, ValidationOptions.defaults());

    assertThat(opened).containsExactly("HEAD", main.id());
    assertThat(c.baseSide().revision()).contains("main");
    assertThat(c.baseSide().commit()).contains(main);
    assertThat(c.baseSide().mergeBase()).isFalse();
    assertThat(c.baseSide().note().orElseThrow()).contains("have no common ancestor");
    assertThat(c.headSide()).isEqualTo(Comparison.Side.workTree());
    assertThat(c.head().root()).isEqualTo("plan");
    assertThat(c.diff().milestonesMoved()).isNotEmpty();
    assertThat(c.fails(Optional.empty())).isFalse();
  }

  @Test
  void shouldOpenTheRepositoryOnceWhenTheHistoryCanStartAtTheBase() throws IOException {
    Path dir = example();
    List<String> started = new ArrayList<>();
    Revisions git =
        new Revisions() {
          @Override
          public Optional<History> from(String start) {
            started.add(start);
            return Optional.of(this);
          }
        };
    git.add("HEAD", "aaaaaaa", "2027-05-10", new FolderSource(dir, "HEAD"));
    Commit main = git.add("main", "ccccccc", "2027-05-01", new FolderSource(dir, "main"));
    git.mergeBase = Optional.of(git.revision("main"));
    List<String> opened = new ArrayList<>();
    Waymark waymark =
        new Waymark(
            (folder, start) -> {
              opened.add(start);
              return git;
            });

    Comparison c =
        waymark.compare(dir, "plan", "main", Optional.empty(), false, ValidationOptions.defaults());

    assertThat(opened).containsExactly("HEAD");
    assertThat(started).containsExactly(main.id());
    assertThat(c.baseSide().mergeBase()).isTrue();
    assertThat(c.baseSide().note()).isEmpty();
    assertThat(c.diff().planUnchanged()).isTrue();
  }

  @Test
  void shouldListTheRulesAndTheSchemasAndWhatAFolderDeclares() throws IOException {
    Waymark waymark = Waymark.withoutHistory();
    assertThat(waymark.rules()).isEqualTo(RuleRegistry.discover().descriptors());
    assertThat(waymark.rule("milestone-overdue")).isPresent();
    assertThat(waymark.rule("no-such-rule")).isEmpty();
    assertThat(Waymark.schemaFiles()).contains("waymark.schema.json");
    assertThat(Waymark.schemaText("waymark.schema.json")).isPresent();

    Waymark.Contents contents = waymark.contents(example(), "plan");
    assertThat(contents.files()).contains("roadmap.yaml");
    assertThat(contents.documentIds()).isNotEmpty();
    assertThat(contents.config().currency()).isNotBlank();
    assertThat(contents.roadmapFiles()).containsExactly("roadmap.yaml");
    assertThat(contents.governanceFiles()).containsExactly("governance.yaml");
    assertThat(contents.assessments())
        .containsExactly(
            new Waymark.DatedAssessment(
                "assessment-2027-01",
                LocalDate.parse("2027-01-22"),
                "assessment/2027-01-assessment.yaml"),
            new Waymark.DatedAssessment(
                "assessment-2027-04",
                LocalDate.parse("2027-04-30"),
                "assessment/2027-04-assessment.yaml"));
    assertThat(contents.assessmentOn(LocalDate.parse("2027-04-30")))
        .map(Waymark.DatedAssessment::id)
        .hasValue("assessment-2027-04");
    assertThat(contents.assessmentOn(LocalDate.parse("2027-04-29"))).isEmpty();
  }

  @Test
  void shouldListTheDateOfAnAssessmentThatFailsItsSchemaButNotOfOneWithoutADate()
      throws IOException {
    Path root = example();
    String april = Fixtures.read(root.resolve("assessment/2027-04-assessment.yaml"));
    // an unknown key at the top of spec: the document is not in the plan, its date still reads
    Fixtures.write(
        root,
        "assessment/draft.yaml",
        april
            .replace("id: assessment-2027-04", "id: assessment-draft")
            .replace("  date: 2027-04-30", "  date: 2027-06-01\n  draft: true"));
    Fixtures.write(
        root,
        "assessment/undated.yaml",
        april
            .replace("id: assessment-2027-04", "id: assessment-undated")
            .replace("  date: 2027-04-30\n", ""));

    Waymark.Contents contents = Waymark.withoutHistory().contents(root, "plan");

    assertThat(contents.assessments())
        .extracting(Waymark.DatedAssessment::id)
        .containsExactly("assessment-2027-01", "assessment-2027-04", "assessment-draft");
    assertThat(contents.assessmentOn(LocalDate.parse("2027-06-01")))
        .map(Waymark.DatedAssessment::file)
        .hasValue("assessment/draft.yaml");
  }

  @Test
  void shouldTakeAConfigFileByNameAndBytes() {
    ValidationOptions options =
        ValidationOptions.defaults().withConfig("other.yaml", "x".getBytes(StandardCharsets.UTF_8));
    assertThat(options.config().orElseThrow().name()).isEqualTo("other.yaml");
  }
}
