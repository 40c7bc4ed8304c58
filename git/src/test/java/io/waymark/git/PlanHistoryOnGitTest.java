package io.waymark.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.ValidationOptions;
import io.waymark.engine.Validator;
import io.waymark.engine.analysis.MilestoneSlips;
import io.waymark.engine.analysis.RoadmapStates;
import io.waymark.engine.history.History;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.RuleRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PlanHistory} read from real repositories through the JGit adapter. */
class PlanHistoryOnGitTest {

  private static final String MILESTONE_DUE = "due: 2027-02-26";

  @TempDir Path dir;

  private static LoadResult load(Path folder) throws Exception {
    return new Validator(RuleRegistry.discover())
        .validate(new FolderSource(folder, "northwind"), ValidationOptions.defaults())
        .load();
  }

  @Test
  void shouldSkipAnUnreadableVersionWithANoteAndKeepTheValidOnes() throws Exception {
    Path folder = dir.resolve("plans/northwind");
    RevCommit broken;
    try (GitRepo repo = GitRepo.init(dir)) {
      Fixtures.copyExample(folder);
      repo.commit("The Northwind roadmap");
      String valid = Files.readString(folder.resolve("roadmap.yaml"));
      repo.write("plans/northwind/roadmap.yaml", valid.replace("kind: Roadmap", "kind: [Roadmap"));
      broken = repo.commit("Half-finished edit");
      repo.write("plans/northwind/roadmap.yaml", valid.replace(MILESTONE_DUE, "due: 2027-03-12"));
      repo.commit("Slip a milestone by two weeks");
    }
    LoadResult current = load(folder);

    PlanHistory plan;
    try (History history = GitHistory.open(folder, "HEAD")) {
      plan = PlanHistory.read(history, current.documents(), current.config().limits());
    }

    assertThat(plan.limitation()).isEmpty();
    assertThat(plan.roadmap())
        .extracting(s -> s.commit().subject())
        .containsExactly("The Northwind roadmap", "Slip a milestone by two weeks");
    assertThat(plan.roadmap()).extracting(s -> s.path()).containsOnly("roadmap.yaml");
    assertThat(plan.notes())
        .singleElement()
        .asString()
        .contains("commit " + broken.name().substring(0, 7))
        .contains("roadmap.yaml")
        .contains("skipped");
    assertThat(plan.metrics())
        .isNotEmpty()
        .allSatisfy((file, versions) -> assertThat(versions).hasSize(1));
  }

  /**
   * A commit dated before its parent (a rebase, a skewed clock) stays where the first-parent line
   * puts it: the re-plans are attributed to the commits that made them, never to a commit that only
   * retitled another milestone.
   */
  @Test
  void shouldOrderVersionsByTheFirstParentLineNotByCommitDate() throws Exception {
    RevCommit moved;
    RevCommit skewed;
    RevCommit movedAgain;
    try (GitRepo repo = GitRepo.init(dir)) {
      Fixtures.copyExample(dir);
      repo.at(Instant.parse("2027-01-10T10:00:00Z")).commit("The Northwind roadmap");
      String valid = Files.readString(dir.resolve("roadmap.yaml"));
      String slipped = valid.replace(MILESTONE_DUE, "due: 2027-03-12");
      repo.write("roadmap.yaml", slipped);
      moved = repo.at(Instant.parse("2027-01-20T10:00:00Z")).commit("Slip the baseline");
      repo.write(
          "roadmap.yaml",
          slipped.replace("title: Cost per inference metered", "title: Cost metered"));
      skewed =
          repo.at(Instant.parse("2027-01-15T10:00:00Z")).commit("Retitle, dated before its parent");
      repo.write(
          "roadmap.yaml",
          slipped
              .replace("title: Cost per inference metered", "title: Cost metered")
              .replace("due: 2027-03-12", "due: 2027-03-26"));
      movedAgain = repo.at(Instant.parse("2027-01-25T10:00:00Z")).commit("Slip it again");
    }
    LoadResult current = load(dir);

    PlanHistory plan;
    try (History history = GitHistory.open(dir, "HEAD")) {
      plan = PlanHistory.read(history, current.documents(), current.config().limits());
    }

    assertThat(plan.roadmap())
        .extracting(s -> s.commit().subject())
        .containsExactly(
            "The Northwind roadmap",
            "Slip the baseline",
            "Retitle, dated before its parent",
            "Slip it again");
    Roadmap now = plan.roadmap().get(3).model();
    MilestoneSlips.MilestoneHistory baseline =
        MilestoneSlips.of(RoadmapStates.of(plan, now)).stream()
            .filter(h -> h.milestone().id().equals("ms-cost-per-inference-baseline"))
            .findFirst()
            .orElseThrow();
    assertThat(baseline.moves())
        .extracting(m -> m.commit().orElseThrow().id())
        .containsExactly(moved.name(), movedAgain.name())
        .doesNotContain(skewed.name());
    assertThat(baseline.slips())
        .extracting(MilestoneSlips.Move::describe)
        .containsExactly(
            "2027-02-26 → 2027-03-12 in " + moved.name().substring(0, 7) + " (2027-01-20)",
            "2027-03-12 → 2027-03-26 in " + movedAgain.name().substring(0, 7) + " (2027-01-25)");
  }

  /** 2,000 commits that each change the roadmap, made straight in the object database. */
  @Test
  void shouldReadTwoThousandVersionsOfTheRoadmap() throws Exception {
    int commits = 2_000;
    try (GitRepo repo = GitRepo.init(dir)) {
      Fixtures.copyExample(dir);
      repo.commit("The Northwind roadmap");
      commitEdits(
          repo.git().getRepository(), Files.readString(dir.resolve("roadmap.yaml")), commits);
    }
    LoadResult current = load(dir);

    PlanHistory plan;
    try (History history = GitHistory.open(dir, "HEAD")) {
      assertThat(history.versions("roadmap.yaml")).hasSize(commits + 1);
      plan = PlanHistory.read(history, current.documents(), current.config().limits());
    }

    // Speed is measured by bench/history.sh, never asserted here.
    assertThat(plan.notes()).isEmpty();
    assertThat(plan.roadmap()).hasSize(commits + 1);
    assertThat(plan.roadmap().get(commits).model().milestones())
        .extracting(Milestone::due)
        .contains(LocalDate.parse("2027-02-26"))
        .doesNotContain(LocalDate.parse("2027-03-05"));
    assertThat(plan.roadmap().get(commits - 1).model().milestones())
        .extracting(Milestone::due)
        .contains(LocalDate.parse("2027-03-05"));
  }

  private static void commitEdits(Repository repository, String roadmap, int count)
      throws Exception {
    ObjectId parent = repository.resolve(Constants.HEAD);
    DirCache index = DirCache.newInCore();
    try (ObjectInserter inserter = repository.newObjectInserter();
        ObjectReader reader = repository.newObjectReader();
        RevWalk walk = new RevWalk(reader)) {
      DirCacheBuilder builder = index.builder();
      builder.addTree(new byte[0], 0, reader, walk.parseCommit(parent).getTree());
      builder.finish();
      for (int i = 1; i <= count; i++) {
        String text =
            roadmap.replace(MILESTONE_DUE, i % 2 == 0 ? MILESTONE_DUE : "due: 2027-03-05")
                + "# edit "
                + i
                + "\n";
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
        DirCacheEditor editor = index.editor();
        editor.add(
            new DirCacheEditor.PathEdit("roadmap.yaml") {
              @Override
              public void apply(DirCacheEntry entry) {
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(blob);
              }
            });
        editor.finish();
        Instant when = GitRepo.FIRST_DAY.plus(Duration.ofHours(6L * i));
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(index.writeTree(inserter));
        commit.setParentId(parent);
        commit.setAuthor(GitRepo.ident("Ada", when));
        commit.setCommitter(GitRepo.ident("Ada", when));
        commit.setMessage("Edit " + i + "\n");
        parent = inserter.insert(commit);
      }
      inserter.flush();
    }
    RefUpdate update = repository.updateRef(Constants.HEAD);
    update.setNewObjectId(parent);
    update.setForceUpdate(true);
    update.forceUpdate();
  }
}
