package io.waymark.engine.rules.roadmap;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.model.UseCase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A greenfield build replaces infrastructure that is at least seven years old, and comes after a
 * use case reached production.
 */
public final class GreenfieldUnjustifiedRule implements Rule {

  /** Infrastructure younger than this is worth retrofitting (brownfield). */
  static final BigDecimal MIN_REPLACED_AGE_YEARS = BigDecimal.valueOf(7);

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "greenfield-unjustified",
          Severity.WARNING,
          "roadmap",
          "A greenfield build replaces infrastructure under seven years old, or comes before any"
              + " use case reached production.",
          """
          The guide: "For most organisations, retrofitting existing infrastructure (brownfield)
          makes sense with lower capital requirement, faster time-to-value, and incremental
          risk. Greenfield AI factories make sense when existing infrastructure is more than
          seven years old and due for replacement anyway ... Start brownfield, upgrade to
          greenfield only when the business case is proven." Investing "in greenfield AI
          infrastructure before proving use cases" is one of its named prioritisation mistakes.
          An initiative with `site: greenfield` is checked against `replacedAgeYears` (when
          given) and against the use cases in production at as-of.""",
          """
          Retrofit (`site: brownfield`) until a use case is in production and the
          infrastructure being replaced is seven years old or more; record its age in
          `replacedAgeYears`.""",
          """
          - {id: i-ai-factory, type: on-premises, site: greenfield, replacedAgeYears: 3}
          # no use case in production yet
          """,
          """
          - {id: i-ai-factory, type: on-premises, site: greenfield, replacedAgeYears: 9}
          # three use cases in production
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.ROADMAP, Kind.USE_CASE);
  }

  @Override
  public void check(RuleContext context) {
    boolean proven =
        context.plan().useCases().stream()
            .anyMatch(
                u ->
                    u.status() == UseCase.Status.PRODUCTION
                        && u.since().map(d -> !d.isAfter(context.asOf())).orElse(true));
    for (Roadmap r : context.plan().roadmaps()) {
      for (Initiative i : r.initiatives()) {
        if (i.site().filter(s -> s == Initiative.Site.GREENFIELD).isEmpty()) {
          continue;
        }
        List<String> why = new ArrayList<>();
        i.replacedAgeYears()
            .filter(age -> age.compareTo(MIN_REPLACED_AGE_YEARS) < 0)
            .ifPresent(
                age ->
                    why.add(
                        "the infrastructure it replaces is "
                            + Numbers.plain(age)
                            + " years old (under "
                            + Numbers.plain(MIN_REPLACED_AGE_YEARS)
                            + ")"));
        if (!proven) {
          why.add("no use case has reached production");
        }
        if (why.isEmpty()) {
          continue;
        }
        context.report(
            i.at().location("site"),
            "greenfield initiative " + i.id() + " is not justified: " + String.join(" and ", why),
            "Retrofit the existing infrastructure (site: brownfield) first; build greenfield once"
                + " use cases are in production and what it replaces is "
                + Numbers.plain(MIN_REPLACED_AGE_YEARS)
                + "+ years old.");
      }
    }
  }
}
