package io.waymark.engine.rules.core;

import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.finding.Suggestion;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.history.Snapshot;
import io.waymark.engine.model.Anchor;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Governance;
import io.waymark.engine.model.IdIndex;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.model.UseCase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every cross reference of SPEC §2 resolves. Waiver and approval decisions are checked by {@code
 * decision-unknown}; facts other than {@code metrics.<id>...} by {@code gate-unmeasurable}.
 */
public final class RefUnresolvedRule implements Rule {

  private static final Pattern METRIC_FACT = Pattern.compile("metrics\\.([a-z0-9][a-z0-9-]*)\\..+");

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "ref-unresolved",
          Severity.ERROR,
          "references",
          "A reference names an id that no document declares.",
          """
          The plan is a graph: initiatives point at the constraint they remove, the business
          case that funds them, the vendor that delivers them and the use cases they enable;
          gates and benefits point at metrics. A dangling reference usually means a rename that
          was not carried through, and every rule that follows the reference would then judge
          nothing. A governance decision is the exception in time: it records the past, so the
          decision that stopped an initiative or dropped a milestone names it after it left the
          roadmap. Its `relatesTo` may name a phase, gate, criterion, milestone or initiative that
          a version of the roadmap in the Git history had.""",
          """
          Fix the id (the message names the kind it should be), or add the missing document or
          item. `waymark rules` and the schema list which field refers to which kind. When a
          file could not be read (`file-skipped`, e.g. permission denied) the message names it:
          the id may be declared there, so make it readable and validate again first.""",
          """
          initiatives:
            - id: automate-etl
              businessCase: etl-automaton      # no BusinessCase with this id
          """,
          """
          initiatives:
            - id: automate-etl
              businessCase: etl-automation
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext context) {
    Plan plan = context.plan();
    IdIndex ids = context.ids();
    Checker c = new Checker(context, ids);
    for (Roadmap roadmap : plan.roadmaps()) {
      for (Phase phase : roadmap.phases()) {
        for (Gate.Criterion criterion : phase.gate().criteria()) {
          criterion.metric().ifPresent(m -> c.expect("metric", m, criterion.at(), "metric"));
          criterion
              .fact()
              .map(METRIC_FACT::matcher)
              .filter(Matcher::matches)
              .ifPresent(m -> c.expect("metric", m.group(1), criterion.at(), "fact"));
        }
        for (Initiative i : phase.initiatives()) {
          i.constraint().ifPresent(x -> c.expect("constraint", x, i.at(), "constraint"));
          i.businessCase()
              .ifPresent(x -> c.expect(Kind.BUSINESS_CASE.id(), x, i.at(), "businessCase"));
          i.vendor().ifPresent(x -> c.expect("vendor", x, i.at(), "vendor"));
          c.expectAll(Kind.USE_CASE.id(), i.useCases(), i.at(), "useCases");
          c.expectAll("initiative", i.dependsOn(), i.at(), "dependsOn");
        }
      }
    }
    for (BusinessCase bc : plan.businessCases()) {
      bc.solution().vendor().ifPresent(x -> c.expect("vendor", x, bc.solution().at(), "vendor"));
      for (BusinessCase.Benefit b : bc.benefits()) {
        b.kpi().ifPresent(x -> c.expect("metric", x, b.at(), "kpi"));
      }
    }
    for (UseCase u : plan.useCases()) {
      c.expectAll("metric", u.metrics(), u.at(), "spec/metrics");
    }
    for (Metrics m : plan.metricsFiles()) {
      c.expectAll("metric", m.dashboard(), m.at(), "spec/dashboard");
    }
    RemovedIds removed = new RemovedIds(context);
    for (Governance g : plan.governance()) {
      for (Governance.Decision d : g.decisions()) {
        for (int k = 0; k < d.relatesTo().size(); k++) {
          String id = d.relatesTo().get(k);
          // A decision is a record of the past: it may name a phase, initiative or milestone
          // removed from the roadmap since (the decision that stopped it), as Git shows.
          if (!ids.declaresAnywhere(id) && !removed.contains(id)) {
            c.unrelated(d.at().location("relatesTo/" + k), id, removed.hint());
          }
        }
        c.expectAll("vendor", d.selects(), d.at(), "selects");
      }
    }
  }

  /** Checks references of one kind and reports the dangling ones. */
  private record Checker(RuleContext context, IdIndex ids) {

    void expect(String space, String id, Anchor at, String field) {
      if (!ids.declares(space, id)) {
        report(at.location(field), id, space);
      }
    }

    void expectAll(String space, List<String> refs, Anchor at, String field) {
      for (int k = 0; k < refs.size(); k++) {
        if (!ids.declares(space, refs.get(k))) {
          report(at.location(field + "/" + k), refs.get(k), space);
        }
      }
    }

    /** An unknown id a decision relates to: any space may hold it. */
    void unrelated(Location location, String id, String hint) {
      Optional<String> near = nearest(id, "");
      context.report(
          location,
          "'" + id + "' does not name any document or item in this repository" + unread(),
          near.map(n -> "Did you mean '" + n + "'? ").orElse("") + readable(hint));
    }

    void report(Location location, String id, String space) {
      Optional<String> near = nearest(id, space);
      context.report(
          location,
          "'" + id + "' does not name any " + space + " in this repository" + unread(),
          near.map(n -> "Did you mean '" + n + "'? ").orElse("")
              + readable("Fix the id, or add the " + space + " it refers to."));
    }

    /**
     * When a file could not be read (permission denied), what the message adds: the id may be
     * declared there, as one in a file with a YAML syntax error may be.
     */
    private String unread() {
      return ids.mayBeUnread().map(m -> ": " + m).orElse("");
    }

    /** The hint, after the one to make the files that could not be read readable, if any. */
    private String readable(String hint) {
      List<String> notRead = ids.notRead();
      return notRead.isEmpty()
          ? hint
          : "Make "
              + notRead.get(0)
              + (notRead.size() == 1 ? "" : " and the other files that could not be read")
              + " readable for the user that runs Waymark and validate again; if the id is still"
              + " unknown, "
              + Character.toLowerCase(hint.charAt(0))
              + hint.substring(1);
    }

    private Optional<String> nearest(String id, String space) {
      return Suggestion.nearest(
          id,
          (space.isEmpty()
                  ? ids.spaces().values().stream().flatMap(List::stream)
                  : ids.spaces().getOrDefault(space, List.of()).stream())
              .map(IdIndex.Declaration::id)
              .toList());
    }
  }

  /**
   * The ids of the phases, gates, criteria, milestones and initiatives that a version of the
   * roadmap in the Git history had: what a governance decision may name after it was removed. The
   * history is read only when a decision names something unknown.
   */
  private static final class RemovedIds {
    private final RuleContext context;
    private Set<String> ids;

    RemovedIds(RuleContext context) {
      this.context = context;
    }

    boolean contains(String id) {
      if (ids == null) {
        ids = new HashSet<>();
        for (Snapshot<Roadmap> version : context.history().roadmap()) {
          for (Phase phase : version.model().phases()) {
            ids.add(phase.id());
            ids.add(phase.gate().id());
            phase.gate().criteria().forEach(x -> ids.add(x.id()));
            phase.milestones().forEach(x -> ids.add(x.id()));
            phase.initiatives().forEach(x -> ids.add(x.id()));
          }
        }
      }
      return ids.contains(id);
    }

    String hint() {
      PlanHistory history = context.history();
      String told;
      if (!history.available()) {
        told =
            "without the Git history ("
                + history.limitation().orElse("none is available").strip()
                + ") Waymark cannot tell whether it was";
      } else if (history.roadmapGap().isPresent()) {
        told =
            "the roadmap's history ends early ("
                + history.roadmapGap().get().what()
                + "), so Waymark cannot tell whether it was: a full clone shows it";
      } else {
        told = "no version of the roadmap in the Git history has it either";
      }
      return "Fix the id, or add what it refers to; a decision may name a phase, gate, milestone or"
          + " initiative removed from the roadmap since, but "
          + told
          + ".";
    }
  }
}
