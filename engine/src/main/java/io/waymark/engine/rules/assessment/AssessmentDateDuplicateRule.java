package io.waymark.engine.rules.assessment;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Assessment;
import io.waymark.engine.model.Kind;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    for (Assessment a : assessments(context)) {
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

  /**
   * The plan's assessments, then those that failed their schema but whose date reads: an invalid
   * assessment's date counts as written, as {@code waymark new assessment} counts it, so that
   * fixing its schema error does not bring a duplicate to light only then; being read after the
   * valid ones, it is the one reported. One that failed only in some items is in the plan and among
   * the invalid ones: it counts once.
   */
  private static List<Assessment> assessments(RuleContext context) {
    List<Assessment> invalid = context.documents().invalidAssessments();
    if (invalid.isEmpty()) {
      return context.plan().assessments();
    }
    List<Assessment> all = new ArrayList<>(context.plan().assessments());
    // By file, id and date, as `waymark new assessment` tells them apart: a large repository's
    // valid documents keep no positions, so where they are written cannot tell them apart.
    Set<List<Object>> seen = new HashSet<>();
    all.forEach(a -> seen.add(key(a)));
    for (Assessment a : invalid) {
      if (seen.add(key(a))) {
        all.add(a);
      }
    }
    return all;
  }

  private static List<Object> key(Assessment a) {
    return List.of(a.at().file(), a.metadata().id(), a.date());
  }
}
