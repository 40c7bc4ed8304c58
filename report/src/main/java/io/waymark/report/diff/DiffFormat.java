package io.waymark.report.diff;

import io.waymark.engine.Analyses;
import io.waymark.engine.Comparison;
import io.waymark.engine.analysis.CaseEdits;
import io.waymark.engine.diff.PlanDiff;
import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.history.Coverage;
import io.waymark.report.json.FindingJson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The output of {@code waymark diff}: a summary a reviewer reads in a pull request (text), and the
 * same content for reports and pipeline steps (JSON).
 */
public final class DiffFormat {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DiffFormat() {}

  // ---------------------------------------------------------------- text

  /**
   * What {@code waymark diff} prints: the engine's comparison as text, with a note for each history
   * question the head's history could not fully answer.
   */
  public static String text(Comparison comparison, String displayRoot) {
    return render(comparison, displayRoot, new TextOut());
  }

  /**
   * What {@code waymark diff --format markdown} prints: the same comparison as GitHub-flavoured
   * Markdown, for a pull-request comment or a job summary. Every text from the repository (ids,
   * reasons, messages, commit subjects) is escaped, so none becomes a link, an image or HTML.
   */
  public static String markdown(Comparison comparison, String displayRoot) {
    return render(comparison, displayRoot, new MarkdownOut());
  }

  /**
   * The comparison written to {@code out}; with the head's history, a note for each history
   * question (the history rules' findings among the new ones) that a shallow or partial clone could
   * not fully answer.
   */
  private static String render(Comparison comparison, String displayRoot, DiffOut out) {
    PlanDiff diff = comparison.diff();
    Comparison.Side base = comparison.baseSide();
    Comparison.Side head = comparison.headSide();
    Optional<Analyses> history = headAnalyses(comparison);
    String prefix =
        displayRoot.equals(".") ? "" : displayRoot.endsWith("/") ? displayRoot : displayRoot + "/";
    String currency = diff.currency();
    out.header(base.describe(), head.describe(), diff.asOf());
    base.note().ifPresent(out::trustedNote);
    history.ifPresent(h -> limits(h).forEach(out::note));
    for (PlanDiff.NotCompared n : diff.notCompared()) {
      String where = ("base".equals(n.side()) ? base : head).describe();
      out.note(notCompared(n, where));
    }
    if (diff.planUnchanged()) {
      out.unchanged();
    }
    List<String> lines = new ArrayList<>();
    for (PlanDiff.MilestoneMove m : diff.milestonesMoved()) {
      lines.add(
          m.id()
              + ": due "
              + m.from()
              + " → "
              + m.to()
              + " ("
              + Math.abs(m.days())
              + (Math.abs(m.days()) == 1 ? " day" : " days")
              + (m.days() > 0 ? " later" : " earlier")
              + ")"
              + why(m.reason(), head));
    }
    for (PlanDiff.MilestoneEntry m : diff.milestonesAdded()) {
      lines.add(m.id() + ": added, due " + m.due() + " (" + m.status() + ")");
    }
    for (PlanDiff.MilestoneEntry m : diff.milestonesRemoved()) {
      lines.add(m.id() + ": removed (was due " + m.due() + ", " + m.status() + ")");
    }
    for (PlanDiff.StatusChange s : diff.milestoneStatusChanges()) {
      lines.add(
          s.id()
              + ": "
              + s.from()
              + " → "
              + s.to()
              + s.completedOn().map(d -> " (completed " + d + ")").orElse(""));
    }
    out.section("Milestones", lines);

    lines = new ArrayList<>();
    for (PlanDiff.PhaseChange p : diff.phases()) {
      List<String> what = new ArrayList<>();
      if (p.statusChanged()) {
        what.add(p.statusBefore() + " → " + p.statusAfter());
      }
      if (p.monthsChanged()) {
        what.add(
            "months "
                + p.firstMonthBefore()
                + "-"
                + p.lastMonthBefore()
                + " → "
                + p.firstMonthAfter()
                + "-"
                + p.lastMonthAfter()
                + why(p.reason(), head));
      }
      lines.add(p.id() + ": " + String.join(", ", what));
    }
    for (PlanDiff.PhaseEntry p : diff.phasesAdded()) {
      lines.add(
          p.id()
              + ": added, months "
              + p.firstMonth()
              + "-"
              + p.lastMonth()
              + " ("
              + p.status()
              + ")"
              + why(p.reason(), head));
    }
    for (PlanDiff.PhaseEntry p : diff.phasesRemoved()) {
      lines.add(
          p.id()
              + ": removed (was months "
              + p.firstMonth()
              + "-"
              + p.lastMonth()
              + ", "
              + p.status()
              + ")"
              + why(Optional.empty(), head));
    }
    out.section("Phases", lines);

    lines = new ArrayList<>();
    for (PlanDiff.UseCaseChange u : diff.useCases()) {
      lines.add(u.id() + ": " + u.statusBefore() + " → " + u.statusAfter());
    }
    out.section("Use cases", lines);

    lines = new ArrayList<>();
    for (PlanDiff.TargetChange k : diff.metricTargets()) {
      lines.add(k.id() + ": target " + target(k.before()) + " → " + target(k.after()));
    }
    out.section("Metric targets", lines);

    lines = new ArrayList<>();
    for (PlanDiff.GateChange g : diff.gates()) {
      lines.add(g.gate() + " (" + g.phase() + "): " + gate(g));
      for (PlanDiff.CriterionChange k : g.criteria()) {
        lines.add(
            "  criterion "
                + k.id()
                + ": "
                + k.before().orElse("(added)")
                + " → "
                + k.after().orElse("(removed)"));
      }
    }
    out.section("Gates", lines);

    lines = new ArrayList<>();
    if (diff.budget().isPresent()) {
      PlanDiff.BudgetChange b = diff.budget().get();
      lines.add(
          "roadmap budget: total "
              + change(b.totalBefore(), b.totalAfter(), currency)
              + "; contingency "
              + change(b.contingencyBefore(), b.contingencyAfter(), currency));
    }
    for (PlanDiff.InitiativeBudget i : diff.initiatives()) {
      lines.add(
          i.id()
              + (i.budgetSame() ? "" : ": budget " + change(i.before(), i.after(), currency))
              + i.stopped()
                  .map(
                      s ->
                          (i.budgetSame() ? ": " : "; ")
                              + "stopped on "
                              + s.on()
                              + " ("
                              + s.reason().strip()
                              + ")")
                  .orElse(""));
    }
    out.section("Budgets", lines);

    lines = new ArrayList<>();
    for (PlanDiff.CaseChange c : diff.businessCases()) {
      StringBuilder line = new StringBuilder(c.id()).append(": ");
      if (c.statusAfter().isEmpty()) {
        line.append("removed (was ").append(c.statusBefore().orElse("")).append(")");
      } else if (c.statusBefore().isEmpty()) {
        line.append("added (").append(c.statusAfter().get()).append(")");
      } else {
        List<String> parts = new ArrayList<>();
        if (!c.statusBefore().equals(c.statusAfter())) {
          parts.add("status " + c.statusBefore().get() + " → " + c.statusAfter().get());
        } else {
          parts.add(c.statusAfter().get());
        }
        for (CaseEdits.Edit e : c.edits()) {
          parts.add(e.section().label() + ": " + e.describe(currency));
        }
        line.append(String.join("; ", parts));
      }
      line.append("; computed NPV ").append(change(c.npvBefore(), c.npvAfter(), currency));
      lines.add(line.toString());
    }
    out.section("Business cases", lines);

    lines = new ArrayList<>();
    for (PlanDiff.VendorChange v : diff.vendors()) {
      String band =
          v.bandBefore().isPresent() && v.bandAfter().isPresent()
              ? (v.bandBefore().equals(v.bandAfter())
                  ? "band " + v.bandAfter().get()
                  : "band " + v.bandBefore().get() + " → " + v.bandAfter().get())
              : "band " + v.bandBefore().or(v::bandAfter).orElse("?");
      String score = "score " + pct(v.scoreBefore()) + " → " + pct(v.scoreAfter());
      String decision =
          v.decisionBefore().equals(v.decisionAfter())
              ? "declared " + v.decisionAfter().orElse("-")
              : "declared "
                  + v.decisionBefore().orElse("-")
                  + " → "
                  + v.decisionAfter().orElse("-");
      lines.add(
          v.vendor() + " (" + v.evaluation() + "): " + band + " (" + score + "), " + decision);
    }
    out.section("Vendors", lines);

    out.findings("New findings", diff.newFindings(), prefix);
    out.changed(diff.changedFindings(), prefix);
    out.findings("Fixed findings", diff.fixedFindings(), prefix);
    out.summary(summary(diff));
    return out.toString();
  }

  /** "2 milestones moved, 1 gate changed, …; 3 new findings (1 error), 1 fixed". */
  public static String summary(PlanDiff diff) {
    List<String> parts = new ArrayList<>();
    count(parts, diff.milestonesMoved().size(), "milestone moved", "milestones moved");
    count(parts, diff.milestonesAdded().size(), "milestone added", "milestones added");
    count(parts, diff.milestonesRemoved().size(), "milestone removed", "milestones removed");
    count(parts, diff.phasesAdded().size(), "phase added", "phases added");
    count(parts, diff.phasesRemoved().size(), "phase removed", "phases removed");
    count(parts, diff.phases().size(), "phase changed", "phases changed");
    count(parts, diff.useCases().size(), "use case changed", "use cases changed");
    count(parts, diff.metricTargets().size(), "metric target changed", "metric targets changed");
    count(parts, diff.gates().size(), "gate changed", "gates changed");
    count(
        parts,
        diff.initiatives().size() + (diff.budget().isPresent() ? 1 : 0),
        "budget changed",
        "budgets changed");
    count(parts, diff.businessCases().size(), "business case changed", "business cases changed");
    count(parts, diff.vendors().size(), "vendor changed", "vendors changed");
    count(
        parts,
        (int) diff.notCompared().stream().map(PlanDiff.NotCompared::file).distinct().count(),
        "file not compared",
        "files not compared");
    String plan = parts.isEmpty() ? "plan unchanged" : String.join(", ", parts);
    long errors = diff.newFindings().stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings =
        diff.newFindings().stream().filter(f -> f.severity() == Severity.WARNING).count();
    return plan
        + "; "
        + diff.newFindings().size()
        + (diff.newFindings().size() == 1 ? " new finding" : " new findings")
        + " ("
        + errors
        + (errors == 1 ? " error, " : " errors, ")
        + warnings
        + (warnings == 1 ? " warning" : " warnings")
        + "), "
        + (diff.changedFindings().isEmpty() ? "" : diff.changedFindings().size() + " changed, ")
        + diff.fixedFindings().size()
        + " fixed";
  }

  private static void count(List<String> parts, int n, String one, String many) {
    if (n > 0) {
      parts.add(n + " " + (n == 1 ? one : many));
    }
  }

  /**
   * Why a date moved: the {@code replanned} reason the change added, else the head commit's
   * message, else nothing (the working tree has no message).
   */
  private static String why(Optional<String> reason, Comparison.Side head) {
    if (reason.isPresent()) {
      return "; why: " + reason.get();
    }
    return head.commit().map(c -> "; why (commit message): " + c.subject().strip()).orElse("");
  }

  static Optional<String> reasonOrCommit(Optional<String> reason, Comparison.Side head) {
    return reason.or(() -> head.commit().map(c -> "commit: " + c.subject().strip()));
  }

  private static String gate(PlanDiff.GateChange g) {
    if (g.before().isEmpty()) {
      return "added (" + g.after().get().status() + ")";
    }
    if (g.after().isEmpty()) {
      return "removed (was " + g.before().get().status() + ")";
    }
    PlanDiff.GateState b = g.before().get();
    PlanDiff.GateState a = g.after().get();
    List<String> parts = new ArrayList<>();
    parts.add(b.status().equals(a.status()) ? a.status() : b.status() + " → " + a.status());
    if (!b.decidedOn().equals(a.decidedOn())) {
      parts.add("decidedOn " + date(b.decidedOn()) + " → " + date(a.decidedOn()));
    }
    if (b.criteria() != a.criteria()) {
      parts.add("criteria " + b.criteria() + " → " + a.criteria());
    }
    return String.join(", ", parts);
  }

  private static String date(Optional<LocalDate> d) {
    return d.map(LocalDate::toString).orElse("(none)");
  }

  private static String change(
      Optional<BigDecimal> before, Optional<BigDecimal> after, String currency) {
    if (before.isPresent() && after.isPresent() && before.get().compareTo(after.get()) == 0) {
      return Numbers.money(after.get(), currency) + " (unchanged)";
    }
    return before.map(b -> Numbers.money(b, currency).replace(" " + currency, "")).orElse("(none)")
        + " → "
        + after.map(a -> Numbers.money(a, currency)).orElse("(none)");
  }

  private static String pct(Optional<BigDecimal> value) {
    return value.map(Numbers::percent).orElse("(none)");
  }

  // ---------------------------------------------------------------- JSON

  /**
   * The engine's comparison as JSON, with the coverage of the head's history ({@code
   * historyCoverage}) when its history rules read it.
   *
   * @param version the version of Waymark that compared, for the {@code tool} object
   */
  public static String json(Comparison comparison, String version) {
    return json(
        comparison.diff(),
        comparison.baseSide(),
        comparison.headSide(),
        headAnalyses(comparison),
        version);
  }

  /**
   * The comparison as JSON; with the head's history, its coverage ({@code historyCoverage}).
   *
   * @param version the version of Waymark that compared, for the {@code tool} object
   */
  public static String json(
      PlanDiff diff,
      Comparison.Side base,
      Comparison.Side head,
      Optional<Analyses> history,
      String version) {
    ObjectNode root = tree(diff, base, head, version);
    history.ifPresent(h -> HistoryFormat.historyCoverage(h, root));
    return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root)
        + System.lineSeparator();
  }

  /** The engine's analyses of the head's history, when its history rules read one. */
  private static Optional<Analyses> headAnalyses(Comparison comparison) {
    return comparison.head().history().map(h -> comparison.head().analyses());
  }

  /**
   * Why a file's changes are not shown: "roadmap.yaml is not compared: it could not be read in the
   * working tree (see its findings)", {@code where} naming the side.
   */
  static String notCompared(PlanDiff.NotCompared n, String where) {
    return n.file()
        + " is not compared: it "
        + n.why()
        + " in "
        + where
        + ("head".equals(n.side()) ? " (see its findings)" : "");
  }

  /** What the head's history cannot fully answer for the history rules, one statement each. */
  static List<String> limits(Analyses analyses) {
    if (!analyses.history().available()) {
      return List.of();
    }
    return analyses.coverage().entrySet().stream()
        .flatMap(e -> named(e.getValue(), e.getKey()).statement().stream())
        .toList();
  }

  /** The same coverage, its question naming the rule that asks it ("… (roadmap-churn)"). */
  private static Coverage named(Coverage c, String rule) {
    return new Coverage(
        c.question() + " (" + rule + ")", c.extent(), c.gap(), c.since(), c.reason());
  }

  public static ObjectNode tree(
      PlanDiff diff, Comparison.Side base, Comparison.Side head, String version) {
    ObjectNode root = NODES.objectNode();
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "waymark");
    tool.put("version", version);
    side(root.putObject("base"), base);
    side(root.putObject("head"), head);
    root.put("asOf", diff.asOf().toString());
    root.put("currency", diff.currency());
    ObjectNode summary = root.putObject("summary");
    summary.put("planChanged", !diff.planUnchanged());
    summary.put("milestonesMoved", diff.milestonesMoved().size());
    summary.put("gatesChanged", diff.gates().size());
    summary.put("businessCasesChanged", diff.businessCases().size());
    summary.put("vendorsChanged", diff.vendors().size());
    summary.put("newFindings", diff.newFindings().size());
    summary.put(
        "newErrors",
        diff.newFindings().stream().filter(f -> f.severity() == Severity.ERROR).count());
    summary.put(
        "newWarnings",
        diff.newFindings().stream().filter(f -> f.severity() == Severity.WARNING).count());
    summary.put(
        "newInfos", diff.newFindings().stream().filter(f -> f.severity() == Severity.INFO).count());
    summary.put("changedFindings", diff.changedFindings().size());
    summary.put("fixedFindings", diff.fixedFindings().size());
    summary.put("text", summary(diff));

    ArrayNode notCompared = root.putArray("notCompared");
    for (PlanDiff.NotCompared n : diff.notCompared()) {
      ObjectNode o = notCompared.addObject();
      o.put("file", n.file());
      o.put("side", n.side());
      o.put("why", n.why());
    }

    ObjectNode milestones = root.putObject("milestones");
    ArrayNode moved = milestones.putArray("moved");
    for (PlanDiff.MilestoneMove m : diff.milestonesMoved()) {
      ObjectNode n = moved.addObject();
      n.put("id", m.id());
      n.put("title", m.title());
      n.put("from", m.from().toString());
      n.put("to", m.to().toString());
      n.put("days", m.days());
      reasonOrCommit(m.reason(), head).ifPresent(r -> n.put("reason", r));
    }
    ArrayNode phases = root.putArray("phases");
    for (PlanDiff.PhaseChange p : diff.phases()) {
      ObjectNode n = phases.addObject();
      n.put("id", p.id());
      n.put("statusBefore", p.statusBefore());
      n.put("statusAfter", p.statusAfter());
      n.putArray("monthsBefore").add(p.firstMonthBefore()).add(p.lastMonthBefore());
      n.putArray("monthsAfter").add(p.firstMonthAfter()).add(p.lastMonthAfter());
      if (p.monthsChanged()) {
        reasonOrCommit(p.reason(), head).ifPresent(r -> n.put("reason", r));
      }
    }
    phaseEntries(root.putArray("phasesAdded"), diff.phasesAdded(), true, head);
    phaseEntries(root.putArray("phasesRemoved"), diff.phasesRemoved(), false, head);
    ArrayNode targets = root.putArray("metricTargets");
    for (PlanDiff.TargetChange k : diff.metricTargets()) {
      ObjectNode n = targets.addObject();
      n.put("id", k.id());
      n.put("name", k.name());
      targetJson(n, "before", k.before());
      targetJson(n, "after", k.after());
    }
    ArrayNode useCases = root.putArray("useCases");
    for (PlanDiff.UseCaseChange u : diff.useCases()) {
      ObjectNode n = useCases.addObject();
      n.put("id", u.id());
      n.put("statusBefore", u.statusBefore());
      n.put("statusAfter", u.statusAfter());
    }
    entries(milestones.putArray("added"), diff.milestonesAdded());
    entries(milestones.putArray("removed"), diff.milestonesRemoved());
    ArrayNode status = milestones.putArray("statusChanged");
    for (PlanDiff.StatusChange s : diff.milestoneStatusChanges()) {
      ObjectNode n = status.addObject();
      n.put("id", s.id());
      n.put("title", s.title());
      n.put("from", s.from());
      n.put("to", s.to());
      s.completedOn().ifPresent(d -> n.put("completedOn", d.toString()));
    }

    ArrayNode gates = root.putArray("gates");
    for (PlanDiff.GateChange g : diff.gates()) {
      ObjectNode n = gates.addObject();
      n.put("phase", g.phase());
      n.put("gate", g.gate());
      gateState(n, "before", g.before());
      gateState(n, "after", g.after());
      ArrayNode criteria = n.putArray("criteria");
      for (PlanDiff.CriterionChange k : g.criteria()) {
        ObjectNode cn = criteria.addObject();
        cn.put("id", k.id());
        cn.put("description", k.description());
        k.before().ifPresent(v -> cn.put("before", v));
        k.after().ifPresent(v -> cn.put("after", v));
      }
    }

    ObjectNode budget = root.putObject("budget");
    diff.budget()
        .ifPresent(
            b -> {
              money(budget.putObject("total"), b.totalBefore(), b.totalAfter());
              money(budget.putObject("contingency"), b.contingencyBefore(), b.contingencyAfter());
            });
    ArrayNode initiatives = root.putArray("initiatives");
    for (PlanDiff.InitiativeBudget i : diff.initiatives()) {
      ObjectNode n = initiatives.addObject();
      n.put("id", i.id());
      n.put("title", i.title());
      money(n, i.before(), i.after());
      i.stopped()
          .ifPresent(
              s -> {
                ObjectNode stop = n.putObject("stopped");
                stop.put("on", s.on().toString());
                stop.put("reason", s.reason().strip());
                s.decision().ifPresent(d -> stop.put("decision", d));
                stop.put("spent", i.spent());
              });
    }

    ArrayNode cases = root.putArray("businessCases");
    for (PlanDiff.CaseChange c : diff.businessCases()) {
      ObjectNode n = cases.addObject();
      n.put("id", c.id());
      n.put("title", c.title());
      optional(n, "statusBefore", c.statusBefore());
      optional(n, "statusAfter", c.statusAfter());
      c.npvBefore().ifPresent(v -> n.put("npvBefore", v));
      c.npvAfter().ifPresent(v -> n.put("npvAfter", v));
      ArrayNode changes = n.putArray("changes");
      for (CaseEdits.Edit e : c.edits()) {
        ObjectNode cn = changes.addObject();
        cn.put("section", e.section().label());
        cn.put("item", e.item());
        cn.put("field", e.field());
        e.before().ifPresent(v -> cn.put("before", v));
        e.after().ifPresent(v -> cn.put("after", v));
        cn.put("text", e.describe(diff.currency()));
      }
    }

    ArrayNode vendors = root.putArray("vendors");
    for (PlanDiff.VendorChange v : diff.vendors()) {
      ObjectNode n = vendors.addObject();
      n.put("evaluation", v.evaluation());
      n.put("vendor", v.vendor());
      n.put("name", v.name());
      v.scoreBefore().ifPresent(x -> n.put("weightedPctBefore", x));
      v.scoreAfter().ifPresent(x -> n.put("weightedPctAfter", x));
      optional(n, "bandBefore", v.bandBefore());
      optional(n, "bandAfter", v.bandAfter());
      optional(n, "decisionBefore", v.decisionBefore());
      optional(n, "decisionAfter", v.decisionAfter());
    }

    ObjectNode findings = root.putObject("findings");
    ArrayNode added = findings.putArray("new");
    diff.newFindings().forEach(f -> added.add(FindingJson.of(f)));
    ArrayNode changed = findings.putArray("changed");
    for (PlanDiff.ChangedFinding c : diff.changedFindings()) {
      ObjectNode n = changed.addObject();
      n.set("before", FindingJson.of(c.before()));
      n.set("after", FindingJson.of(c.after()));
    }
    ArrayNode fixed = findings.putArray("fixed");
    diff.fixedFindings().forEach(f -> fixed.add(FindingJson.of(f)));
    return root;
  }

  private static void side(ObjectNode n, Comparison.Side side) {
    if (side.revision().isEmpty()) {
      n.put("workTree", true);
      return;
    }
    n.put("revision", side.revision().get());
    side.commit()
        .ifPresent(
            c -> {
              n.put("commit", c.id());
              n.put("date", c.date().toString());
              n.put("subject", c.subject());
            });
    if (side.revision().isPresent()) {
      n.put("mergeBase", side.mergeBase());
    }
    side.tip()
        .ifPresent(
            t -> {
              ObjectNode tip = n.putObject("tip");
              tip.put("commit", t.id());
              tip.put("date", t.date().toString());
              tip.put("subject", t.subject());
            });
    side.note().ifPresent(x -> n.put("note", x));
  }

  /**
   * Phases only one side has; the reason of an added phase is its own {@code replanned} entry, else
   * the commit's subject, and a removed phase's is the commit's subject.
   */
  private static void phaseEntries(
      ArrayNode array, List<PlanDiff.PhaseEntry> entries, boolean added, Comparison.Side head) {
    for (PlanDiff.PhaseEntry p : entries) {
      ObjectNode n = array.addObject();
      n.put("id", p.id());
      n.put("name", p.name());
      n.putArray("months").add(p.firstMonth()).add(p.lastMonth());
      n.put("status", p.status());
      reasonOrCommit(added ? p.reason() : Optional.empty(), head)
          .ifPresent(r -> n.put("reason", r));
    }
  }

  private static void entries(ArrayNode array, List<PlanDiff.MilestoneEntry> entries) {
    for (PlanDiff.MilestoneEntry m : entries) {
      ObjectNode n = array.addObject();
      n.put("id", m.id());
      n.put("title", m.title());
      n.put("due", m.due().toString());
      n.put("status", m.status());
    }
  }

  /** "2.8 by 2028-05-31", or "(none)". */
  private static String target(Optional<PlanDiff.Target> t) {
    return t.map(x -> x.value().stripTrailingZeros().toPlainString() + " by " + x.by())
        .orElse("(none)");
  }

  private static void targetJson(ObjectNode parent, String key, Optional<PlanDiff.Target> t) {
    if (t.isEmpty()) {
      parent.putNull(key);
      return;
    }
    ObjectNode n = parent.putObject(key);
    n.put("value", t.get().value());
    n.put("by", t.get().by().toString());
  }

  private static void gateState(ObjectNode parent, String key, Optional<PlanDiff.GateState> s) {
    if (s.isEmpty()) {
      parent.putNull(key);
      return;
    }
    ObjectNode n = parent.putObject(key);
    n.put("status", s.get().status());
    s.get().decidedOn().ifPresent(d -> n.put("decidedOn", d.toString()));
    n.put("criteria", s.get().criteria());
  }

  private static void money(ObjectNode n, Optional<BigDecimal> before, Optional<BigDecimal> after) {
    if (before.isPresent()) {
      n.put("before", before.get());
    } else {
      n.putNull("before");
    }
    if (after.isPresent()) {
      n.put("after", after.get());
    } else {
      n.putNull("after");
    }
  }

  private static void optional(ObjectNode n, String key, Optional<String> value) {
    if (value.isPresent()) {
      n.put(key, value.get());
    } else {
      n.putNull(key);
    }
  }
}
