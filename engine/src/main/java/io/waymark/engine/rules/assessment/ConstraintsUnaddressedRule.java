package io.waymark.engine.rules.assessment;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Assessment;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import io.waymark.engine.rules.Unjudged;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each of the top three constraints of the latest assessment has an initiative in the phases that
 * act on it: phase 1 for the first assessment, the current phase (the first not done at as-of) and
 * the next one for a re-assessment.
 */
public final class ConstraintsUnaddressedRule implements Rule {

  static final int TOP = 3;

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "constraints-unaddressed",
          Severity.WARNING,
          "assessment",
          "A top-three constraint of the latest assessment has no initiative in the phase that"
              + " should act on it (phase 1, or the current and next phase after a"
              + " re-assessment).",
          """
          The gap analysis ranks the constraints; the roadmap removes the biggest ones first.
          Phase 1 (months 1-3) identifies the top three constraints and implements quick fixes
          for them: if pipelines are manual, automation unblocks many use cases; if bandwidth
          limits pilot scale-up, the network upgrade pays back at once. A top constraint with no
          phase-1 initiative means the plan spends its first 90 days on something that is not
          the bottleneck. The guide also says to return to constraint identification when
          stuck, and to re-assess regularly: the top three of a re-assessment are judged
          against the phase that is current at as-of (the first phase not done) and the one
          after it, not against a phase-1 that is already over. A re-assessment may re-rank an
          earlier constraint by naming its id again.""",
          """
          Add an initiative (any category) whose `constraint` names this constraint id to the
          phase the message names, or re-rank the constraints in a new assessment if it is no
          longer in the top three.""",
          """
          constraints:
            - {id: c-manual-pipelines, dimension: data, rank: 1, description: ...}
          # no phase-1 initiative has constraint: c-manual-pipelines
          """,
          """
          initiatives:                     # in the first phase
            - id: i-automate-core-pipelines
              constraint: c-manual-pipelines
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.ASSESSMENT, Kind.ROADMAP);
  }

  @Override
  public void check(RuleContext context) {
    Optional<Assessment> latest = context.plan().latestAssessment(context.asOf());
    Optional<Roadmap> roadmap = context.plan().roadmap();
    if (latest.isEmpty() || roadmap.isEmpty() || roadmap.get().phases().isEmpty()) {
      return;
    }
    List<Phase> judged = judgedPhases(roadmap.get(), context.plan().firstAssessment(latest.get()));
    if (judged.isEmpty()) {
      return;
    }
    Set<String> named =
        judged.stream()
            .flatMap(p -> p.initiatives().stream())
            .filter(i -> !i.stoppedBy(context.asOf())) // a stopped initiative removes nothing
            .map(Initiative::constraint)
            .flatMap(Optional::stream)
            .collect(Collectors.toSet());
    String unjudged = Unjudged.note(context, Kind.ASSESSMENT, "assessment");
    String phases = judged.stream().map(Phase::id).collect(Collectors.joining(" or "));
    for (Assessment.Constraint c : latest.get().constraints()) {
      if (c.rank() < 1 || c.rank() > TOP || named.contains(c.id())) {
        continue;
      }
      String unnamed =
          "constraint "
              + c.id()
              + " (rank "
              + c.rank()
              + ", "
              + c.dimension()
              + ") of "
              + latest.get().metadata().id()
              + " is not named by any initiative of "
              + (judged.size() == 1 && judged.get(0) == first(roadmap.get())
                  ? "the first phase " + phases
                  : "the current or next phase " + phases);
      String followUp = "initiative to " + judged.get(0).id() + " with constraint: " + c.id();
      // An earlier phase's initiative already named it: the re-assessment says it outlived it.
      Optional<String> earlier = earlierRemovers(roadmap.get(), judged, c.id());
      if (earlier.isPresent()) {
        context.report(
            c.at().location(),
            unnamed
                + ", though "
                + earlier.get()
                + " named it: the re-assessment still ranks it "
                + c.rank()
                + unjudged,
            "If that initiative removed it, leave it out of the next assessment's constraints (they"
                + " list what holds the programme back now); if it persists, add a follow-up "
                + followUp
                + ".");
      } else {
        context.report(
            c.at().location(),
            unnamed + unjudged,
            "Add an " + followUp + ", or re-rank the constraints in a new assessment.");
      }
    }
  }

  /**
   * The initiatives of the phases before {@code judged} that name {@code constraint}, as "i-x
   * (phase phase-a, done)" joined with "and"; empty when none does.
   */
  private static Optional<String> earlierRemovers(
      Roadmap roadmap, List<Phase> judged, String constraint) {
    int firstJudged = judged.get(0).firstMonth();
    List<String> named =
        roadmap.phases().stream()
            .filter(p -> p.firstMonth() < firstJudged)
            .sorted(Comparator.comparingInt(Phase::firstMonth))
            .flatMap(
                p ->
                    p.initiatives().stream()
                        .filter(i -> i.constraint().filter(constraint::equals).isPresent())
                        .map(
                            i ->
                                i.id()
                                    + " (phase "
                                    + p.id()
                                    + (p.status() == Phase.Status.DONE ? ", done)" : ")")))
            .toList();
    return named.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", named));
  }

  /** Phase 1 for the first assessment; else the first phase not done, and the one after it. */
  static List<Phase> judgedPhases(Roadmap roadmap, boolean firstAssessment) {
    List<Phase> ordered =
        roadmap.phases().stream().sorted(Comparator.comparingInt(Phase::firstMonth)).toList();
    if (firstAssessment) {
      return List.of(ordered.get(0));
    }
    for (int k = 0; k < ordered.size(); k++) {
      if (ordered.get(k).status() != Phase.Status.DONE) {
        return ordered.subList(k, Math.min(k + 2, ordered.size()));
      }
    }
    return List.of();
  }

  private static Phase first(Roadmap roadmap) {
    return roadmap.phases().stream().min(Comparator.comparingInt(Phase::firstMonth)).orElseThrow();
  }
}
