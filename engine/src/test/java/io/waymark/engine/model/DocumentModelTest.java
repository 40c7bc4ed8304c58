package io.waymark.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.load.Loader;
import io.waymark.engine.schema.BundledSchemas;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Document kinds are checked by the compiler (a sealed {@link DocumentModel}, an exhaustive switch
 * in {@link Document#read}, {@link DocumentModel.Visitor}); these tests pin the run-time half: one
 * record per kind, each read from its kind, and {@link Plan#of} keeps every document.
 */
class DocumentModelTest {

  @Test
  void shouldPermitExactlyOneRecordPerKind() {
    assertThat(DocumentModel.class.isSealed()).isTrue();
    Set<String> permitted =
        Arrays.stream(DocumentModel.class.getPermittedSubclasses())
            .peek(c -> assertThat(c.isRecord()).as(c + " is a record").isTrue())
            .map(Class::getSimpleName)
            .collect(Collectors.toSet());
    Set<String> kinds = Arrays.stream(Kind.values()).map(Kind::id).collect(Collectors.toSet());
    assertThat(permitted).isEqualTo(kinds);
  }

  @Test
  void shouldReadEveryKindOfTheExampleIntoItsRecordAndKeepItInThePlan() throws Exception {
    LoadResult load =
        new Loader(new BundledSchemas())
            .load(new FolderSource(Fixtures.exampleRoadmap(), "example"), Optional.empty());

    Map<Kind, Integer> documents = new HashMap<>();
    load.documents().forEach(d -> documents.merge(d.kind(), 1, Integer::sum));
    Map<String, Integer> models = new HashMap<>();
    load.models().forEach(m -> models.merge(m.getClass().getSimpleName(), 1, Integer::sum));
    assertThat(documents.keySet()).isEqualTo(EnumSet.allOf(Kind.class));
    for (Kind kind : Kind.values()) {
      assertThat(models.get(kind.id())).as(kind.id()).isEqualTo(documents.get(kind));
    }

    Plan plan = Plan.of(load.config(), load.models());
    List<List<?>> lists =
        List.of(
            plan.roadmaps(),
            plan.assessments(),
            plan.businessCases(),
            plan.vendorEvaluations(),
            plan.useCases(),
            plan.metricsFiles(),
            plan.governance());
    int inPlan = lists.stream().mapToInt(List::size).sum();
    assertThat(inPlan).isEqualTo(load.models().size() - documents.get(Kind.CONFIG));
    assertThat(plan.roadmaps()).hasSize(documents.get(Kind.ROADMAP));
    assertThat(plan.governance()).hasSize(documents.get(Kind.GOVERNANCE));
  }

  @Test
  void shouldReadAWaiverExpiryAndLeaveItEmptyWithoutOne(@TempDir Path dir) throws Exception {
    Path root = Fixtures.copyExample(dir);
    // The example's retrieval criterion waiver has an expiry; a waived gate's waiver without one:
    Fixtures.replaceOnce(
        root.resolve("roadmap.yaml"),
        "id: gate-build-foundations\n        status: pending",
        "id: gate-build-foundations\n        status: waived\n"
            + "        waiver: {decision: dec-waive-p1-retrieval-latency, reason: accepted}");
    LoadResult load =
        new Loader(new BundledSchemas()).load(new FolderSource(root, "repo"), Optional.empty());
    assertThat(load.documents()).isNotEmpty();
    Roadmap roadmap = Plan.of(load.config(), load.models()).roadmaps().get(0);

    Gate.Waiver criterion = roadmap.phases().get(0).gate().criteria().get(3).waiver().orElseThrow();
    assertThat(criterion.expires()).contains(LocalDate.of(2027, 4, 30));
    assertThat(criterion.expiredOn(LocalDate.of(2027, 4, 30))).isFalse();
    assertThat(criterion.expiredOn(LocalDate.of(2027, 5, 1))).isTrue();
    Gate.Waiver gate = roadmap.phases().get(1).gate().waiver().orElseThrow();
    assertThat(gate.expires()).isEmpty();
    assertThat(gate.expiredOn(LocalDate.of(2099, 1, 1))).isFalse();
  }
}
