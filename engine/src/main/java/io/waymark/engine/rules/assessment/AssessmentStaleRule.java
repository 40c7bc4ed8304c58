package io.waymark.engine.rules.assessment;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Assessment;
import io.waymark.engine.model.Kind;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import io.waymark.engine.rules.Unjudged;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The latest assessment on or before as-of is at most six months old. */
public final class AssessmentStaleRule implements Rule {

  static final int MAX_AGE_MONTHS = 6;

  private static final String REASSESS =
      "Re-assess readiness (diagnostic questions and scorecard) and add it as a new Assessment"
          + " document with today's date.";

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "assessment-stale",
          Severity.WARNING,
          "assessment",
          "The latest readiness assessment is older than six months at the as-of date.",
          """
          The readiness assessment is the starting point of the roadmap: its gaps decide what is
          fixed first, and later rules (premature GPU purchases, agentic readiness, the top
          constraints of phase 1) are judged against it. The roadmap is updated semi-annually
          with what was learned; an assessment older than that describes an infrastructure that
          no longer exists, so the plan is steering by an old map.""",
          """
          Re-run the five diagnostic questions and the scorecard and add a new dated Assessment
          document (keep the old one: it is the baseline the progress is measured from).""",
          """
          # as of 2027-11-14
          spec:
            date: 2027-01-22
          """,
          """
          # as of 2027-11-14
          spec:
            date: 2027-10-29
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.ASSESSMENT);
  }

  @Override
  public void check(RuleContext context) {
    List<Assessment> all = context.plan().assessments();
    if (all.isEmpty()) {
      return; // component-missing covers a roadmap without any assessment
    }
    LocalDate asOf = context.asOf();
    // A re-assessment that failed its schema is not counted: say so, rather than call an older one
    // the latest.
    String unjudged = Unjudged.note(context, Kind.ASSESSMENT, "assessment");
    Optional<Assessment> latest = context.plan().latestAssessment(asOf);
    if (latest.isEmpty()) {
      Assessment earliest = all.stream().min(Comparator.comparing(Assessment::date)).get();
      context.report(
          earliest.at().location("spec/date"),
          "no assessment is dated on or before the as-of date "
              + asOf
              + "; the earliest, "
              + earliest.metadata().id()
              + ", is dated "
              + earliest.date()
              + unjudged,
          "Check the assessment date (a future date is usually a typo), or add the assessment"
              + " the roadmap was actually planned from.");
      return;
    }
    Assessment a = latest.get();
    LocalDate freshUntil = a.date().plusMonths(MAX_AGE_MONTHS);
    if (freshUntil.isBefore(asOf)) {
      context.report(
          a.at().location("spec/date"),
          (unjudged.isEmpty() ? "the latest assessment, " : "the latest valid assessment, ")
              + a.metadata().id()
              + " of "
              + a.date()
              + ", is more than "
              + MAX_AGE_MONTHS
              + " months old at "
              + asOf
              + " (stale since "
              + freshUntil.plusDays(1)
              + ")"
              + unjudged,
          (unjudged.isEmpty()
                  ? ""
                  : "Fix the schema errors of the invalid assessment first: it may be the"
                      + " re-assessment. ")
              + REASSESS);
    }
  }
}
