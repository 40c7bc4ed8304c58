package io.waymark.engine.diff;

import io.waymark.engine.analysis.CaseEdits;
import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Kebab;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.model.UseCase;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.vendor.VendorScore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a change does to the plan: the head revision (or work tree) compared with the base. Lists
 * are in plan order (head first, then what only the base had); findings are in finding order.
 *
 * @param base the base's root label ("origin/main")
 * @param head the head's root label
 * @param asOf the head's as-of date
 * @param currency the head's Config currency
 * @param newFindings findings of the head at a place (rule, file, JSON path) where the base has
 *     none
 * @param changedFindings findings at a place where the base has one too, with another message (a
 *     milestone that slipped once more, a figure that moved again)
 * @param fixedFindings findings of the base at a place where the head has none
 * @param phases phases whose status or months changed, with the reason for a move
 * @param useCases use cases whose status changed (pilot → production moves the gate counts)
 * @param phasesAdded phases only the head has (a roadmap refresh appends them)
 * @param phasesRemoved phases only the base had
 * @param metricTargets metrics (on both sides) whose target value or date changed: a goalpost moved
 * @param notCompared the files left out of the comparison on both sides because one side could not
 *     judge a document in them whole (it could not be read, or failed its schema): what they change
 *     is not shown, rather than shown as removed or added
 */
public record PlanDiff(
    String base,
    String head,
    LocalDate asOf,
    String currency,
    List<MilestoneMove> milestonesMoved,
    List<MilestoneEntry> milestonesAdded,
    List<MilestoneEntry> milestonesRemoved,
    List<StatusChange> milestoneStatusChanges,
    List<GateChange> gates,
    Optional<BudgetChange> budget,
    List<InitiativeBudget> initiatives,
    List<CaseChange> businessCases,
    List<VendorChange> vendors,
    List<Finding> newFindings,
    List<ChangedFinding> changedFindings,
    List<Finding> fixedFindings,
    List<PhaseChange> phases,
    List<UseCaseChange> useCases,
    List<NotCompared> notCompared,
    List<PhaseEntry> phasesAdded,
    List<PhaseEntry> phasesRemoved,
    List<TargetChange> metricTargets) {

  public PlanDiff {
    metricTargets = List.copyOf(metricTargets);
    notCompared = List.copyOf(notCompared);
    phasesAdded = List.copyOf(phasesAdded);
    phasesRemoved = List.copyOf(phasesRemoved);
    phases = List.copyOf(phases);
    useCases = List.copyOf(useCases);
    milestonesMoved = List.copyOf(milestonesMoved);
    milestonesAdded = List.copyOf(milestonesAdded);
    milestonesRemoved = List.copyOf(milestonesRemoved);
    milestoneStatusChanges = List.copyOf(milestoneStatusChanges);
    gates = List.copyOf(gates);
    initiatives = List.copyOf(initiatives);
    businessCases = List.copyOf(businessCases);
    vendors = List.copyOf(vendors);
    newFindings = List.copyOf(newFindings);
    changedFindings = List.copyOf(changedFindings);
    fixedFindings = List.copyOf(fixedFindings);
  }

  /**
   * A file left out of the comparison: on {@code side} ("base" or "head") a document in it {@code
   * why} ("could not be read", "failed its schema").
   */
  public record NotCompared(String file, String side, String why) {}

  /** A finding the base had at the same place (rule, file, JSON path), now with another message. */
  public record ChangedFinding(Finding before, Finding after) {

    /** True when the change made it more severe (a warning turned into an error). */
    public boolean worse() {
      return after.severity().compareTo(before.severity()) < 0;
    }
  }

  /**
   * A milestone whose due date moved; {@code days} is positive when it moved later. {@code reason}
   * is the {@code replanned} entry the milestone gained in the change, if any.
   */
  public record MilestoneMove(
      String id, String title, LocalDate from, LocalDate to, Optional<String> reason) {

    public MilestoneMove(String id, String title, LocalDate from, LocalDate to) {
      this(id, title, from, to, Optional.empty());
    }

    public long days() {
      return ChronoUnit.DAYS.between(from, to);
    }
  }

  /**
   * A phase whose status or months changed; {@code reason} is the {@code replanned} entry it gained
   * in the change, if any.
   */
  public record PhaseChange(
      String id,
      String name,
      String statusBefore,
      String statusAfter,
      int firstMonthBefore,
      int lastMonthBefore,
      int firstMonthAfter,
      int lastMonthAfter,
      Optional<String> reason) {

    public boolean statusChanged() {
      return !statusBefore.equals(statusAfter);
    }

    public boolean monthsChanged() {
      return firstMonthBefore != firstMonthAfter || lastMonthBefore != lastMonthAfter;
    }
  }

  /** A use case whose status changed ("pilot" → "production"). */
  public record UseCaseChange(String id, String statusBefore, String statusAfter) {}

  /**
   * A phase only one side has; {@code reason} is the newest {@code replanned} entry it carries, if
   * any.
   */
  public record PhaseEntry(
      String id,
      String name,
      int firstMonth,
      int lastMonth,
      String status,
      Optional<String> reason) {}

  /** A metric whose target changed; a side without a target is empty. */
  public record TargetChange(
      String id, String name, String unit, Optional<Target> before, Optional<Target> after) {}

  /** A metric target: the value and the day it is due. */
  public record Target(BigDecimal value, LocalDate by) {}

  /** A milestone only one side has. */
  public record MilestoneEntry(String id, String title, LocalDate due, String status) {}

  /** A milestone whose status changed ("in-progress" → "done"). */
  public record StatusChange(
      String id, String title, String from, String to, Optional<LocalDate> completedOn) {}

  /** A gate's decision state on one side. */
  public record GateState(String status, Optional<LocalDate> decidedOn, int criteria) {}

  /** A gate whose status, decision date or number of criteria changed; a side may lack it. */
  public record GateChange(
      String phase,
      String gate,
      Optional<GateState> before,
      Optional<GateState> after,
      List<CriterionChange> criteria) {

    public GateChange {
      criteria = List.copyOf(criteria);
    }

    public GateChange(
        String phase, String gate, Optional<GateState> before, Optional<GateState> after) {
      this(phase, gate, before, after, List.of());
    }
  }

  /**
   * A gate criterion added, removed, or whose operator or target changed: a lowered target is a
   * re-plan the steering committee must see, with both values.
   *
   * @param description the criterion's description (the head's; the base's when removed)
   * @param before {@code "> 99"}, empty when added
   * @param after {@code "> 93.7"}, empty when removed
   */
  public record CriterionChange(
      String id, String description, Optional<String> before, Optional<String> after) {}

  /** The roadmap budget's total and contingency; a side without a budget is empty. */
  public record BudgetChange(
      Optional<BigDecimal> totalBefore,
      Optional<BigDecimal> totalAfter,
      Optional<BigDecimal> contingencyBefore,
      Optional<BigDecimal> contingencyAfter) {}

  /**
   * An initiative whose budget changed, that one side lacks, or that was stopped in the change.
   *
   * @param stopped the {@code stopped} record the initiative gained (empty when it was already
   *     stopped on the base side, or is not stopped)
   * @param spent what it had spent by the day it was stopped (zero when not stopped)
   */
  public record InitiativeBudget(
      String id,
      String title,
      Optional<BigDecimal> before,
      Optional<BigDecimal> after,
      Optional<Initiative.Stop> stopped,
      BigDecimal spent) {

    public InitiativeBudget(
        String id, String title, Optional<BigDecimal> before, Optional<BigDecimal> after) {
      this(id, title, before, after, Optional.empty(), BigDecimal.ZERO);
    }

    /** True when only the stop changed, not the budget. */
    public boolean budgetSame() {
      return before.isPresent() && after.isPresent() && before.get().compareTo(after.get()) == 0;
    }
  }

  /**
   * A business case whose figures or status changed, with its computed NPV and planned investment
   * (one-off costs with contingency, |C0|) on each side.
   *
   * @param edits the changed figures (empty when only the status changed, or a side lacks it)
   */
  public record CaseChange(
      String id,
      String title,
      Optional<String> statusBefore,
      Optional<String> statusAfter,
      Optional<BigDecimal> npvBefore,
      Optional<BigDecimal> npvAfter,
      List<CaseEdits.Edit> edits,
      Optional<BigDecimal> investmentBefore,
      Optional<BigDecimal> investmentAfter) {
    public CaseChange {
      edits = List.copyOf(edits);
    }

    /** A change without the planned investment of either side. */
    public CaseChange(
        String id,
        String title,
        Optional<String> statusBefore,
        Optional<String> statusAfter,
        Optional<BigDecimal> npvBefore,
        Optional<BigDecimal> npvAfter,
        List<CaseEdits.Edit> edits) {
      this(
          id,
          title,
          statusBefore,
          statusAfter,
          npvBefore,
          npvAfter,
          edits,
          Optional.empty(),
          Optional.empty());
    }
  }

  /** A vendor whose computed score, band or declared decision changed, or that one side lacks. */
  public record VendorChange(
      String evaluation,
      String vendor,
      String name,
      Optional<BigDecimal> scoreBefore,
      Optional<BigDecimal> scoreAfter,
      Optional<String> bandBefore,
      Optional<String> bandAfter,
      Optional<String> decisionBefore,
      Optional<String> decisionAfter) {}

  /**
   * True when the plan itself did not change (findings may still differ): every file compared, and
   * nothing in them changed.
   */
  public boolean planUnchanged() {
    return notCompared.isEmpty()
        && milestonesMoved.isEmpty()
        && milestonesAdded.isEmpty()
        && milestonesRemoved.isEmpty()
        && milestoneStatusChanges.isEmpty()
        && gates.isEmpty()
        && budget.isEmpty()
        && initiatives.isEmpty()
        && businessCases.isEmpty()
        && vendors.isEmpty()
        && phases.isEmpty()
        && phasesAdded.isEmpty()
        && phasesRemoved.isEmpty()
        && metricTargets.isEmpty()
        && useCases.isEmpty();
  }

  /**
   * Compares the head of a change with its base, the base judged twice: at the head's as-of date
   * for the findings the change adds or changes (time alone makes no finding new), and at its own
   * date for the findings the change fixes (a fix is something the base really had, not an artefact
   * of judging an old commit at a later date).
   */
  public static PlanDiff between(
      JudgedPlan baseAtHeadDate, JudgedPlan baseAtOwnDate, JudgedPlan head) {
    PlanDiff diff = between(baseAtHeadDate, head);
    List<Finding> fixed = Findings.between(baseAtOwnDate.findings(), head.findings()).fixed;
    return new PlanDiff(
        diff.base,
        diff.head,
        diff.asOf,
        diff.currency,
        diff.milestonesMoved,
        diff.milestonesAdded,
        diff.milestonesRemoved,
        diff.milestoneStatusChanges,
        diff.gates,
        diff.budget,
        diff.initiatives,
        diff.businessCases,
        diff.vendors,
        diff.newFindings,
        diff.changedFindings,
        fixed,
        diff.phases,
        diff.useCases,
        diff.notCompared,
        diff.phasesAdded,
        diff.phasesRemoved,
        diff.metricTargets);
  }

  /** Compares the head of a change with its base. */
  public static PlanDiff between(JudgedPlan base, JudgedPlan head) {
    List<NotCompared> notCompared = new ArrayList<>();
    Map<String, JudgedPlan.Gap> inBase = base.unjudgedFiles();
    Map<String, JudgedPlan.Gap> inHead = head.unjudgedFiles();
    Set<String> files = new TreeSet<>(inBase.keySet());
    files.addAll(inHead.keySet());
    // A document that lacks the same items on both sides compares as it is; one that lacks items
    // on one side only, or is missing whole on either, would read as items removed or added.
    files.removeIf(
        f ->
            inBase.get(f) == JudgedPlan.Gap.PARTLY_INVALID
                && inHead.get(f) == JudgedPlan.Gap.PARTLY_INVALID);
    for (String file : files) {
      Optional.ofNullable(inBase.get(file))
          .ifPresent(gap -> notCompared.add(new NotCompared(file, "base", gap.why())));
      Optional.ofNullable(inHead.get(file))
          .ifPresent(gap -> notCompared.add(new NotCompared(file, "head", gap.why())));
    }
    Plan before = base.plan().without(files);
    Plan after = head.plan().without(files);
    List<MilestoneMove> moved = new ArrayList<>();
    List<MilestoneEntry> added = new ArrayList<>();
    List<MilestoneEntry> removed = new ArrayList<>();
    List<StatusChange> statuses = new ArrayList<>();
    List<PhaseChange> phases = phaseChanges(before, after);
    milestones(before, after, moved, added, removed, statuses);
    Findings findings = Findings.between(base.findings(), head.findings());
    return new PlanDiff(
        base.root(),
        head.root(),
        head.asOf(),
        after.config().currency(),
        moved,
        added,
        removed,
        statuses,
        gates(before, after),
        budget(before, after),
        initiatives(before, after),
        cases(before, after),
        vendors(before, after),
        findings.added,
        findings.changed,
        findings.fixed,
        phases,
        useCaseChanges(before, after),
        notCompared,
        phasesOnlyIn(after, before),
        phasesOnlyIn(before, after),
        targetChanges(before, after));
  }

  /** Metrics both sides have whose target value or date differs, in the head's order. */
  private static List<TargetChange> targetChanges(Plan before, Plan after) {
    Map<String, Metrics.Metric> old = new LinkedHashMap<>();
    before.metrics().forEach(m -> old.putIfAbsent(m.id(), m));
    List<TargetChange> out = new ArrayList<>();
    after
        .metrics()
        .forEach(
            m -> {
              Metrics.Metric o = old.remove(m.id());
              if (o == null) {
                return;
              }
              Optional<Target> was = o.target().map(x -> new Target(x.value(), x.by()));
              Optional<Target> now = m.target().map(x -> new Target(x.value(), x.by()));
              boolean same =
                  was.isPresent() == now.isPresent()
                      && (was.isEmpty()
                          || (was.get().value().compareTo(now.get().value()) == 0
                              && was.get().by().equals(now.get().by())));
              if (!same) {
                out.add(new TargetChange(m.id(), m.name(), m.unit(), was, now));
              }
            });
    return out;
  }

  /** The phases of {@code plan} whose id {@code other} does not have, in plan order. */
  private static List<PhaseEntry> phasesOnlyIn(Plan plan, Plan other) {
    Set<String> there = new HashSet<>();
    other.roadmaps().forEach(r -> r.phases().forEach(p -> there.add(p.id())));
    List<PhaseEntry> out = new ArrayList<>();
    for (Roadmap r : plan.roadmaps()) {
      for (Phase p : r.phases()) {
        if (there.add(p.id())) {
          out.add(
              new PhaseEntry(
                  p.id(),
                  p.name(),
                  p.firstMonth(),
                  p.lastMonth(),
                  Kebab.of(p.status()),
                  ChangeReasons.added(List.of(), p.replanned()).map(ChangeReasons::describe)));
        }
      }
    }
    return out;
  }

  private static List<PhaseChange> phaseChanges(Plan before, Plan after) {
    Map<String, Phase> old = new LinkedHashMap<>();
    before.roadmaps().forEach(r -> r.phases().forEach(p -> old.putIfAbsent(p.id(), p)));
    List<PhaseChange> out = new ArrayList<>();
    for (Roadmap r : after.roadmaps()) {
      for (Phase p : r.phases()) {
        Phase o = old.get(p.id());
        if (o == null) {
          continue;
        }
        PhaseChange c =
            new PhaseChange(
                p.id(),
                p.name(),
                Kebab.of(o.status()),
                Kebab.of(p.status()),
                o.firstMonth(),
                o.lastMonth(),
                p.firstMonth(),
                p.lastMonth(),
                ChangeReasons.added(o.replanned(), p.replanned()).map(ChangeReasons::describe));
        if (c.statusChanged() || c.monthsChanged()) {
          out.add(c);
        }
      }
    }
    return out;
  }

  private static List<UseCaseChange> useCaseChanges(Plan before, Plan after) {
    Map<String, UseCase> old = new LinkedHashMap<>();
    before.useCases().forEach(u -> old.putIfAbsent(u.metadata().id(), u));
    List<UseCaseChange> out = new ArrayList<>();
    for (UseCase u : after.useCases()) {
      UseCase o = old.get(u.metadata().id());
      if (o != null && o.status() != u.status()) {
        out.add(new UseCaseChange(u.metadata().id(), Kebab.of(o.status()), Kebab.of(u.status())));
      }
    }
    return out;
  }

  /** New, changed and fixed findings: same fingerprint first, then same place. */
  private record Findings(List<Finding> added, List<ChangedFinding> changed, List<Finding> fixed) {

    static Findings between(List<Finding> base, List<Finding> head) {
      Map<String, Integer> unchanged = new LinkedHashMap<>();
      base.forEach(f -> unchanged.merge(f.fingerprint(), 1, Integer::sum));
      List<Finding> headLeft = new ArrayList<>();
      for (Finding f : head) {
        Integer n = unchanged.get(f.fingerprint());
        if (n != null && n > 0) {
          unchanged.put(f.fingerprint(), n - 1);
        } else {
          headLeft.add(f);
        }
      }
      Map<String, Integer> matched = new LinkedHashMap<>();
      head.forEach(f -> matched.merge(f.fingerprint(), 1, Integer::sum));
      List<Finding> baseLeft = new ArrayList<>();
      for (Finding f : base) {
        Integer n = matched.get(f.fingerprint());
        if (n != null && n > 0) {
          matched.put(f.fingerprint(), n - 1);
        } else {
          baseLeft.add(f);
        }
      }
      List<Finding> added = new ArrayList<>();
      List<ChangedFinding> changed = new ArrayList<>();
      for (Finding f : headLeft) {
        Finding was =
            baseLeft.stream()
                .filter(
                    b ->
                        b.rule().equals(f.rule())
                            && b.file().equals(f.file())
                            && b.path().equals(f.path()))
                .findFirst()
                .orElse(null);
        if (was == null) {
          added.add(f);
        } else {
          baseLeft.remove(was);
          changed.add(new ChangedFinding(was, f));
        }
      }
      return new Findings(added, changed, baseLeft);
    }
  }

  private static void milestones(
      Plan before,
      Plan after,
      List<MilestoneMove> moved,
      List<MilestoneEntry> added,
      List<MilestoneEntry> removed,
      List<StatusChange> statuses) {
    Map<String, Milestone> old = byId(milestones(before), Milestone::id);
    Map<String, Milestone> now = byId(milestones(after), Milestone::id);
    // A phase moved for a recorded reason carries its milestones: that reason is theirs too.
    Map<String, String> carried = new HashMap<>();
    Map<String, Phase> oldPhases = byId(phases(before), Phase::id);
    for (Phase q : phases(after)) {
      Phase was = oldPhases.get(q.id());
      if (was != null) {
        q.movedFor(was)
            .map(ChangeReasons::describe)
            .ifPresent(reason -> q.milestones().forEach(m -> carried.put(m.id(), reason)));
      }
    }
    for (Milestone m : now.values()) {
      Milestone o = old.get(m.id());
      if (o == null) {
        added.add(new MilestoneEntry(m.id(), m.title(), m.due(), Kebab.of(m.status())));
        continue;
      }
      if (!o.due().equals(m.due())) {
        moved.add(
            new MilestoneMove(
                m.id(),
                m.title(),
                o.due(),
                m.due(),
                ChangeReasons.added(o.replanned(), m.replanned())
                    .map(ChangeReasons::describe)
                    .or(() -> Optional.ofNullable(carried.get(m.id())))));
      }
      if (o.status() != m.status()) {
        statuses.add(
            new StatusChange(
                m.id(), m.title(), Kebab.of(o.status()), Kebab.of(m.status()), m.completedOn()));
      }
    }
    for (Milestone o : old.values()) {
      if (!now.containsKey(o.id())) {
        removed.add(new MilestoneEntry(o.id(), o.title(), o.due(), Kebab.of(o.status())));
      }
    }
  }

  private static List<Milestone> milestones(Plan plan) {
    return plan.roadmaps().stream().flatMap(r -> r.milestones().stream()).toList();
  }

  private static List<GateChange> gates(Plan before, Plan after) {
    Map<String, Phase> old = byId(phases(before), p -> p.gate().id());
    Map<String, Phase> now = byId(phases(after), p -> p.gate().id());
    List<GateChange> out = new ArrayList<>();
    for (Phase p : now.values()) {
      Phase o = old.get(p.gate().id());
      Optional<GateState> b = Optional.ofNullable(o).map(x -> state(x.gate()));
      GateState a = state(p.gate());
      List<CriterionChange> criteria =
          o == null ? List.of() : criteria(o.gate().criteria(), p.gate().criteria());
      if (b.isEmpty() || !b.get().equals(a) || !criteria.isEmpty()) {
        out.add(new GateChange(p.id(), p.gate().id(), b, Optional.of(a), criteria));
      }
    }
    for (Phase o : old.values()) {
      if (!now.containsKey(o.gate().id())) {
        out.add(
            new GateChange(o.id(), o.gate().id(), Optional.of(state(o.gate())), Optional.empty()));
      }
    }
    return out;
  }

  private static List<CriterionChange> criteria(
      List<Gate.Criterion> before, List<Gate.Criterion> after) {
    Map<String, Gate.Criterion> old = new LinkedHashMap<>();
    before.forEach(c -> old.putIfAbsent(c.id(), c));
    Map<String, Gate.Criterion> now = new LinkedHashMap<>();
    after.forEach(c -> now.putIfAbsent(c.id(), c));
    List<CriterionChange> out = new ArrayList<>();
    for (Gate.Criterion c : now.values()) {
      Gate.Criterion o = old.get(c.id());
      if (o == null) {
        out.add(
            new CriterionChange(c.id(), c.description(), Optional.empty(), Optional.of(bar(c))));
      } else if (!bar(o).equals(bar(c))) {
        out.add(
            new CriterionChange(c.id(), c.description(), Optional.of(bar(o)), Optional.of(bar(c))));
      }
    }
    for (Gate.Criterion o : old.values()) {
      if (!now.containsKey(o.id())) {
        out.add(
            new CriterionChange(o.id(), o.description(), Optional.of(bar(o)), Optional.empty()));
      }
    }
    return out;
  }

  /** "> 99", "measured": the bar a criterion sets, numbers without trailing zeros. */
  private static String bar(Gate.Criterion c) {
    return (c.operator()
            + c.target().map(t -> " " + t.stripTrailingZeros().toPlainString()).orElse(""))
        .strip();
  }

  private static GateState state(Gate g) {
    return new GateState(Kebab.of(g.status()), g.decidedOn(), g.criteria().size());
  }

  private static List<Phase> phases(Plan plan) {
    return plan.roadmaps().stream()
        .flatMap(r -> r.phases().stream())
        .filter(p -> !p.gate().id().isBlank())
        .toList();
  }

  private static Optional<BudgetChange> budget(Plan before, Plan after) {
    Optional<Roadmap.Budget> b = before.roadmap().flatMap(Roadmap::budget);
    Optional<Roadmap.Budget> a = after.roadmap().flatMap(Roadmap::budget);
    Optional<BigDecimal> tb = b.map(Roadmap.Budget::total);
    Optional<BigDecimal> ta = a.map(Roadmap.Budget::total);
    Optional<BigDecimal> cb = b.map(Roadmap.Budget::contingency);
    Optional<BigDecimal> ca = a.map(Roadmap.Budget::contingency);
    if (same(tb, ta) && same(cb, ca)) {
      return Optional.empty();
    }
    return Optional.of(new BudgetChange(tb, ta, cb, ca));
  }

  private static List<InitiativeBudget> initiatives(Plan before, Plan after) {
    Map<String, Initiative> old = byId(initiatives(before), Initiative::id);
    Map<String, Initiative> now = byId(initiatives(after), Initiative::id);
    List<InitiativeBudget> out = new ArrayList<>();
    for (Initiative i : now.values()) {
      Optional<Initiative> was = Optional.ofNullable(old.get(i.id()));
      Optional<BigDecimal> b = was.map(Initiative::budget);
      Optional<Initiative.Stop> stop =
          i.stopped().filter(s -> was.flatMap(Initiative::stopped).isEmpty());
      if (!same(b, Optional.of(i.budget())) || stop.isPresent()) {
        out.add(
            new InitiativeBudget(
                i.id(),
                i.title(),
                b,
                Optional.of(i.budget()),
                stop,
                stop.map(s -> i.spentBy(s.on())).orElse(BigDecimal.ZERO)));
      }
    }
    for (Initiative o : old.values()) {
      if (!now.containsKey(o.id())) {
        out.add(new InitiativeBudget(o.id(), o.title(), Optional.of(o.budget()), Optional.empty()));
      }
    }
    return out;
  }

  private static List<Initiative> initiatives(Plan plan) {
    return plan.roadmaps().stream().flatMap(r -> r.initiatives().stream()).toList();
  }

  private static List<CaseChange> cases(Plan before, Plan after) {
    Map<String, BusinessCase> old = byId(before.businessCases(), b -> b.metadata().id());
    Map<String, BusinessCase> now = byId(after.businessCases(), b -> b.metadata().id());
    List<CaseChange> out = new ArrayList<>();
    for (BusinessCase n : now.values()) {
      BusinessCase o = old.get(n.metadata().id());
      List<CaseEdits.Edit> edits = o == null ? List.of() : CaseEdits.between(o, n);
      if (o != null && edits.isEmpty() && o.status() == n.status()) {
        continue;
      }
      out.add(
          new CaseChange(
              n.metadata().id(),
              n.metadata().title(),
              Optional.ofNullable(o).map(x -> Kebab.of(x.status())),
              Optional.of(Kebab.of(n.status())),
              Optional.ofNullable(o).flatMap(PlanDiff::npv),
              npv(n),
              edits,
              Optional.ofNullable(o).flatMap(PlanDiff::investment),
              investment(n)));
    }
    for (BusinessCase o : old.values()) {
      if (!now.containsKey(o.metadata().id())) {
        out.add(
            new CaseChange(
                o.metadata().id(),
                o.metadata().title(),
                Optional.of(Kebab.of(o.status())),
                Optional.empty(),
                npv(o),
                Optional.empty(),
                List.of(),
                investment(o),
                Optional.empty()));
      }
    }
    return out;
  }

  private static Optional<BigDecimal> npv(BusinessCase bc) {
    try {
      return Optional.of(CaseFinancials.of(bc).npv());
    } catch (RuntimeException e) {
      return Optional.empty(); // figures too odd to discount; the case is still listed
    }
  }

  /** The planned investment: the one-off costs with their contingency, |C0|. */
  private static Optional<BigDecimal> investment(BusinessCase bc) {
    try {
      return Optional.of(CaseFinancials.of(bc).c0().abs());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private record Rated(VendorEvaluation evaluation, VendorEvaluation.Vendor vendor) {
    String key() {
      return evaluation.metadata().id() + "/" + vendor.id();
    }
  }

  private static List<VendorChange> vendors(Plan before, Plan after) {
    Map<String, Rated> old = byId(rated(before), Rated::key);
    Map<String, Rated> now = byId(rated(after), Rated::key);
    List<VendorChange> out = new ArrayList<>();
    for (Rated n : now.values()) {
      Optional<VendorScore> b = Optional.ofNullable(old.get(n.key())).map(PlanDiff::score);
      VendorScore a = score(n);
      Optional<String> db = Optional.ofNullable(old.get(n.key())).map(r -> r.vendor().decision());
      if (b.isPresent()
          && b.get().band() == a.band()
          && b.get().weightedPct().compareTo(a.weightedPct()) == 0
          && db.get().equals(n.vendor().decision())) {
        continue;
      }
      out.add(
          new VendorChange(
              n.evaluation().metadata().id(),
              n.vendor().id(),
              n.vendor().name(),
              b.map(VendorScore::weightedPct),
              Optional.of(a.weightedPct()),
              b.map(s -> s.band().id()),
              Optional.of(a.band().id()),
              db,
              Optional.of(n.vendor().decision())));
    }
    for (Rated o : old.values()) {
      if (!now.containsKey(o.key())) {
        VendorScore s = score(o);
        out.add(
            new VendorChange(
                o.evaluation().metadata().id(),
                o.vendor().id(),
                o.vendor().name(),
                Optional.of(s.weightedPct()),
                Optional.empty(),
                Optional.of(s.band().id()),
                Optional.empty(),
                Optional.of(o.vendor().decision()),
                Optional.empty()));
      }
    }
    return out;
  }

  private static List<Rated> rated(Plan plan) {
    List<Rated> out = new ArrayList<>();
    for (VendorEvaluation e : plan.vendorEvaluations()) {
      for (VendorEvaluation.Vendor v : e.vendors()) {
        out.add(new Rated(e, v));
      }
    }
    return out;
  }

  private static VendorScore score(Rated r) {
    return VendorScore.of(r.evaluation(), r.vendor());
  }

  private static boolean same(Optional<BigDecimal> a, Optional<BigDecimal> b) {
    if (a.isPresent() && b.isPresent()) {
      return a.get().compareTo(b.get()) == 0;
    }
    return Objects.equals(a, b);
  }

  private static <T> Map<String, T> byId(List<T> items, java.util.function.Function<T, String> id) {
    Map<String, T> out = new LinkedHashMap<>();
    for (T item : items) {
      String key = id.apply(item);
      if (key != null && !key.isBlank()) {
        out.putIfAbsent(key, item);
      }
    }
    return out;
  }
}
