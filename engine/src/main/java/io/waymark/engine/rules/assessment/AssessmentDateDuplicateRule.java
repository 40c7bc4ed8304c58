package io.waymark.engine.rules.assessment;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Assessment;
import io.waymark.engine.model.Kind;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** One assessment per assessment date. */
public final class AssessmentDateDuplicateRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "assessment-date-duplicate",
          Severity.ERROR,
          "assessment",
          "Two assessments have the same date.",
          """
          Assessments are ordered by their date: "the latest assessment" (the one GPU purchases,
          agentic use cases, the diagnostic questions and the core team are judged on) is the
          one with the greatest date on or before the as-of date, and a re-assessment re-ranks
          the constraints of the earlier ones. Two assessments of one date have no order: which
          one counts as the latest, and whose ranking of a constraint holds, would depend on the
          order the files are read in. The repository keeps one assessment per date. An
          assessment that fails its schema counts too when its date reads as one, as it does for
          `waymark new assessment`: its duplicate date is reported now, not only once the schema
          error is fixed.""",
          """
          Give the re-assessment the date it was made on (`spec.date`), or merge the two into
          one document and delete the other. `waymark new assessment --date DATE` adds one
          dated DATE.""",
          """
          # assessment/2027-04-assessment.yaml is dated 2027-04-30; another file holds:
          spec:
            date: 2027-04-30
          """,
          """
          # assessment/2027-04-assessment.yaml is dated 2027-04-30; another file holds:
          spec:
            date: 2027-05-12
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the assessments (also those that failed their schema). */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.ASSESSMENT);
  }

  @Override
  public void check(RuleContext context) {
    Map<LocalDate, Assessment> firstOfDate = new HashMap<>();
    for (Assessment a : context.documents().datedAssessments(context.plan().assessments())) {
      Assessment earlier = firstOfDate.putIfAbsent(a.date(), a);
      if (earlier != null) {
        context.report(
            a.at().location("spec/date"),
            "assessment '"
                + a.metadata().id()
                + "' has the same date, "
                + a.date()
                + ", as assessment '"
                + earlier.metadata().id()
                + "' at "
                + earlier.at().location("spec/date")
                + "; which of them is the latest assessment depends on the order the files are"
                + " read in",
            "Date the re-assessment the day it was made on, or merge the two into one assessment"
                + " and delete the other.");
      }
    }
  }
}
