package io.waymark.engine.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The plan itself (SPEC §2.2 Roadmap): horizon, budget, future state and phases. */
public record Roadmap(
    Metadata metadata,
    LocalDate start,
    int horizonMonths,
    Optional<Budget> budget,
    Optional<FutureState> futureState,
    List<Phase> phases,
    Anchor at)
    implements DocumentModel {

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.roadmap(this);
  }

  /** The programme budget: total and the contingency reserve within it. */
  public record Budget(BigDecimal total, BigDecimal contingency, Anchor at) {}

  /** Where the organisation wants to be. */
  public record FutureState(
      List<String> workloads, String architecture, List<String> successCriteria, Anchor at) {}

  /** The first day of 1-based month {@code month} of the plan. */
  public LocalDate monthStart(int month) {
    return start.plusMonths(month - 1L);
  }

  /** The last day of 1-based month {@code month} of the plan. */
  public LocalDate monthEnd(int month) {
    return start.plusMonths(month).minusDays(1);
  }

  /**
   * What the initiatives take of the programme's money as of {@code day}: their budgets, a stopped
   * initiative's spend to date instead of its budget ({@link Initiative#allocationBy}).
   */
  public BigDecimal allocatedBy(LocalDate day) {
    return initiatives().stream()
        .map(i -> i.allocationBy(day))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public List<Initiative> initiatives() {
    return phases.stream().flatMap(p -> p.initiatives().stream()).toList();
  }

  public List<Milestone> milestones() {
    return phases.stream().flatMap(p -> p.milestones().stream()).toList();
  }

  public Optional<Phase> phaseOf(Initiative initiative) {
    return phases.stream().filter(p -> p.initiatives().contains(initiative)).findFirst();
  }

  static Roadmap read(Fields f) {
    Fields spec = f.objectOrEmpty("spec");
    return new Roadmap(
        Metadata.read(f),
        spec.date("start"),
        spec.integer("horizonMonths"),
        spec.object("budget")
            .map(b -> new Budget(b.number("total"), b.number("contingency"), b.anchor())),
        spec.object("futureState")
            .map(
                s ->
                    new FutureState(
                        s.strings("workloads"),
                        s.string("architecture"),
                        s.strings("successCriteria"),
                        s.anchor())),
        spec.list("phases", Phase::read),
        f.anchor());
  }
}
