package io.waymark.engine.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A funded piece of work inside a phase, placed on the impact/effort matrix. */
public record Initiative(
    String id,
    String title,
    Category category,
    Type type,
    Optional<String> constraint,
    int impact,
    int effort,
    BigDecimal budget,
    Optional<String> businessCase,
    Optional<String> vendor,
    List<String> useCases,
    List<String> dependsOn,
    Optional<Site> site,
    Optional<BigDecimal> replacedAgeYears,
    List<Actual> actuals,
    Optional<Stop> stopped,
    Anchor at) {

  public Initiative {
    actuals = List.copyOf(actuals);
  }

  /**
   * Retrofit existing infrastructure (brownfield) or build new (greenfield). The guide: start
   * brownfield; greenfield only when what it replaces is over seven years old and the business case
   * is proven.
   */
  public enum Site {
    BROWNFIELD,
    GREENFIELD
  }

  /**
   * Money actually spent (issue 10 §1): the amount booked for the period that ends on {@code date}
   * (a month, typically), in the repository currency, with where the figure comes from.
   */
  public record Actual(LocalDate date, BigDecimal amount, Optional<String> source, Anchor at) {}

  /**
   * The initiative was stopped before it finished: on which day, why, and the Governance decision
   * behind it. Its spend stays on the books; the rest of its budget is released.
   */
  public record Stop(LocalDate on, String reason, Optional<String> decision, Anchor at) {}

  /** The stop, when the initiative was stopped on or before {@code day}. */
  public Optional<Stop> stopBy(LocalDate day) {
    return stopped.filter(s -> !s.on().isAfter(day));
  }

  /** True when the initiative was stopped on or before {@code day}. */
  public boolean stoppedBy(LocalDate day) {
    return stopBy(day).isPresent();
  }

  /**
   * What the initiative takes of the programme's money as of {@code day}: its budget, or, once
   * stopped, what it spent by then (the rest is released).
   */
  public BigDecimal allocationBy(LocalDate day) {
    return stoppedBy(day) ? spentBy(day) : budget;
  }

  /** The spend booked on or before {@code day}. */
  public BigDecimal spentBy(LocalDate day) {
    return actuals.stream()
        .filter(a -> !a.date().isAfter(day))
        .map(Actual::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The 70-20-10 buckets. */
  public enum Category {
    CONSTRAINT_REMOVAL,
    QUICK_WIN,
    FOUNDATION,
    EXPERIMENTATION
  }

  /** What kind of infrastructure the initiative touches. */
  public enum Type {
    DATA_PIPELINE,
    NETWORK,
    GPU_PURCHASE,
    CLOUD_COMPUTE,
    VECTOR_DATABASE,
    ORCHESTRATION,
    SECURITY,
    SKILLS,
    OBSERVABILITY,
    ON_PREMISES,
    OTHER
  }

  /** GPU purchases and on-premises infrastructure are decisions to own rather than rent. */
  public boolean owns() {
    return type == Type.GPU_PURCHASE || type == Type.ON_PREMISES;
  }

  /** GPU purchases and cloud compute scale infrastructure (pitfall 3). */
  public boolean scalesInfrastructure() {
    return type == Type.GPU_PURCHASE || type == Type.CLOUD_COMPUTE;
  }

  static Initiative read(Fields f) {
    return new Initiative(
        f.string("id"),
        f.string("title"),
        Kebab.parse(Category.class, f.string("category"), Category.FOUNDATION),
        Kebab.parse(Type.class, f.string("type"), Type.OTHER),
        f.optString("constraint"),
        f.integer("impact"),
        f.integer("effort"),
        f.number("budget"),
        f.optString("businessCase"),
        f.optString("vendor"),
        f.strings("useCases"),
        f.strings("dependsOn"),
        f.optString("site").map(v -> Kebab.parse(Site.class, v, Site.BROWNFIELD)),
        f.optNumber("replacedAgeYears"),
        f.list(
            "actuals",
            a -> new Actual(a.date("date"), a.number("amount"), a.optString("source"), a.anchor())),
        f.object("stopped")
            .map(
                x ->
                    new Stop(
                        x.date("on"), x.string("reason"), x.optString("decision"), x.anchor())),
        f.anchor());
  }
}
