package io.waymark.engine.rules.roadmap;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Phases follow one another without overlap or gap and end within the horizon. Each finding is on
 * the later phase's {@code months}.
 */
public final class PhaseOverlapRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "phase-overlap",
          Severity.ERROR,
          "roadmap",
          "Phase months overlap, leave a gap, run past the horizon or are reversed.",
          """
          Phases run one after another, each opened by the previous phase's success gate:
          Assess and Stabilise (months 1-3), Build Foundations (months 4-9), Scale and
          Optimise (months 10-18). Overlapping phases start work before the gate that should
          allow it; a gap leaves months that belong to no phase, with no deliverables and no
          gate; a phase past the horizon plans work the roadmap does not cover.""",
          """
          Make the phases' `months` contiguous: each phase starts the month after the previous
          one ends, the first month is not after the last, and the last phase ends by
          `horizonMonths`.""",
          """
          phases:
            - id: phase-assess-stabilise
              months: [1, 3]
            - id: phase-build-foundations
              months: [3, 9]          # month 3 is in both phases
          """,
          """
          phases:
            - id: phase-assess-stabilise
              months: [1, 3]
            - id: phase-build-foundations
              months: [4, 9]
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Findings on a file depend only on that file's documents. */
  @Override
  public RuleScope scope() {
    return RuleScope.perDocument();
  }

  @Override
  public void check(RuleContext context) {
    for (Roadmap roadmap : context.plan().roadmaps()) {
      check(context, roadmap);
    }
  }

  private static void check(RuleContext context, Roadmap roadmap) {
    List<Phase> judged = new ArrayList<>();
    List<Phase> sorted =
        roadmap.phases().stream()
            .filter(p -> p.firstMonth() >= 1) // months the schema rejected are not judged
            .sorted(Comparator.comparingInt(Phase::firstMonth).thenComparingInt(Phase::lastMonth))
            .toList();
    for (Phase phase : sorted) {
      if (phase.firstMonth() > phase.lastMonth()) {
        context.report(
            phase.at().location("months"),
            "phase '"
                + phase.id()
                + "' has months ["
                + phase.firstMonth()
                + ", "
                + phase.lastMonth()
                + "]: the first month is after the last",
            "Write months as [first, last], e.g. ["
                + phase.lastMonth()
                + ", "
                + phase.firstMonth()
                + "].");
        continue;
      }
      if (phase.lastMonth() > roadmap.horizonMonths()) {
        context.report(
            phase.at().location("months"),
            "phase '"
                + phase.id()
                + "' ("
                + months(phase)
                + ") runs past the "
                + roadmap.horizonMonths()
                + "-month horizon",
            "End phase '"
                + phase.id()
                + "' by month "
                + roadmap.horizonMonths()
                + ", or lengthen horizonMonths (at most 18) if the plan really needs it.");
      }
      judged.add(phase);
    }
    reportOverlaps(context, judged);
    reportGaps(context, judged);
  }

  private static void reportOverlaps(RuleContext context, List<Phase> phases) {
    for (int later = 1; later < phases.size(); later++) {
      Phase phase = phases.get(later);
      for (int earlier = 0; earlier < later; earlier++) {
        Phase other = phases.get(earlier);
        if (phase.firstMonth() > other.lastMonth()) {
          continue;
        }
        int from = phase.firstMonth();
        int to = Math.min(phase.lastMonth(), other.lastMonth());
        context.report(
            phase.at().location("months"),
            "phase '"
                + phase.id()
                + "' ("
                + months(phase)
                + ") overlaps phase '"
                + other.id()
                + "' ("
                + months(other)
                + ") in "
                + span(from, to),
            "Start phase '"
                + phase.id()
                + "' in month "
                + (other.lastMonth() + 1)
                + ", after '"
                + other.id()
                + "' ends, or end '"
                + other.id()
                + "' in month "
                + (phase.firstMonth() - 1)
                + "; a phase starts only once the previous gate has passed.");
      }
    }
  }

  private static void reportGaps(RuleContext context, List<Phase> phases) {
    if (phases.isEmpty()) {
      return;
    }
    Phase reaching = phases.get(0);
    for (Phase phase : phases.subList(1, phases.size())) {
      if (phase.firstMonth() > reaching.lastMonth() + 1) {
        context.report(
            phase.at().location("months"),
            span(reaching.lastMonth() + 1, phase.firstMonth() - 1)
                + " between phase '"
                + reaching.id()
                + "' ("
                + months(reaching)
                + ") and phase '"
                + phase.id()
                + "' ("
                + months(phase)
                + ") belong to no phase",
            "Start phase '"
                + phase.id()
                + "' in month "
                + (reaching.lastMonth() + 1)
                + ", or extend '"
                + reaching.id()
                + "' to month "
                + (phase.firstMonth() - 1)
                + ".");
      }
      if (phase.lastMonth() > reaching.lastMonth()) {
        reaching = phase;
      }
    }
  }

  private static String months(Phase phase) {
    return span(phase.firstMonth(), phase.lastMonth());
  }

  private static String span(int from, int to) {
    return from == to ? "month " + from : "months " + from + "-" + to;
  }
}
