package io.waymark.engine.rules;

import io.waymark.engine.model.Assessment;
import io.waymark.engine.model.IdIndex;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Plan;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How a rule names the documents of a kind that failed their schema (or could not be read) and are
 * not in the plan it judged, so that "the latest assessment" or "no cost metric" is never said of
 * the repository when a newer or fuller document is there but invalid.
 */
public final class Unjudged {

  private Unjudged() {}

  /**
   * "; assessment 'a-2027' is invalid, see the schema finding in assessment/2027.yaml" for each
   * document of {@code kind} that is not in the plan, named {@code what}; empty when there is none.
   */
  public static String note(RuleContext context, Kind kind, String what) {
    // A file that could not be read at all may hold one too: its kind is not known.
    return invalidNote(context, kind, what)
        + context
            .ids()
            .unreadFiles()
            .map(files -> "; " + article(what) + " " + what + " may be in " + files)
            .orElse("");
  }

  /** "a" or "an", as {@code noun} begins. */
  private static String article(String noun) {
    return noun.isEmpty() || "aeiouAEIOU".indexOf(noun.charAt(0)) < 0 ? "a" : "an";
  }

  private static String invalidNote(RuleContext context, Kind kind, String what) {
    List<IdIndex.Declaration> invalid = context.ids().invalidDocuments(kind.id());
    if (invalid.isEmpty()) {
      return "";
    }
    Set<String> inPlan = idsInPlan(context.plan(), kind);
    StringBuilder note = new StringBuilder();
    for (IdIndex.Declaration d : invalid) {
      if (!inPlan.contains(d.id())) {
        note.append("; ")
            .append(context.ids().invalid(what + " '" + d.id() + "'", d.location().file()));
      }
    }
    return note.toString();
  }

  /**
   * "judged on assessment-2027-01 because assessment 'assessment-2027-04' is invalid, see the
   * schema finding in ...": which assessment a rule judged when one that failed its schema, perhaps
   * the latest, is not in the plan; empty when every assessment is.
   */
  public static Optional<String> judgedOn(RuleContext context, Optional<Assessment> latest) {
    String note = invalidNote(context, Kind.ASSESSMENT, "assessment");
    return note.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "judged on "
                + latest.map(a -> a.metadata().id()).orElse("no assessment")
                + " because "
                + note.substring("; ".length()));
  }

  /**
   * The {@code metadata.id} of each document of {@code kind} in the plan (some documents that
   * failed their schema stay in it without their invalid items).
   */
  private static Set<String> idsInPlan(Plan plan, Kind kind) {
    Stream<String> ids =
        switch (kind) {
          case CONFIG -> Stream.of();
          case ROADMAP -> plan.roadmaps().stream().map(x -> x.metadata().id());
          case ASSESSMENT -> plan.assessments().stream().map(x -> x.metadata().id());
          case BUSINESS_CASE -> plan.businessCases().stream().map(x -> x.metadata().id());
          case VENDOR_EVALUATION -> plan.vendorEvaluations().stream().map(x -> x.metadata().id());
          case USE_CASE -> plan.useCases().stream().map(x -> x.metadata().id());
          case METRICS -> plan.metricsFiles().stream().map(x -> x.metadata().id());
          case GOVERNANCE -> plan.governance().stream().map(x -> x.metadata().id());
        };
    return ids.collect(Collectors.toSet());
  }

  /**
   * "the latest assessment assessment-2027-04", or "the latest valid assessment ..." when {@code
   * note} ({@link #note}) says an invalid one was left out: which assessment a rule judged.
   */
  public static String latestAssessment(String note, Assessment latest) {
    return (note.isEmpty() ? "the latest assessment " : "the latest valid assessment ")
        + latest.metadata().id();
  }
}
