package io.waymark.engine.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An investment's business case (SPEC §2.2): problem, solution, costs, benefits, financials. */
public record BusinessCase(
    Metadata metadata,
    Status status,
    Optional<Approval> approval,
    String outcome,
    Problem problem,
    Solution solution,
    List<Cost> costs,
    BigDecimal contingencyPct,
    ContingencyBasis contingencyOn,
    List<Benefit> benefits,
    Financials financials,
    Risks risks,
    Anchor at,
    Optional<Realised> realised)
    implements DocumentModel {

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.businessCase(this);
  }

  /**
   * What the case has really delivered and cost so far, as recorded on {@code asOf}: cumulative
   * realised benefits and actual costs (one-off and running) in the configured currency.
   */
  public record Realised(BigDecimal benefits, BigDecimal costs, LocalDate asOf, Anchor at) {

    /** True when the realised benefits exceed the actual costs: a positive realised ROI. */
    public boolean positiveRoi() {
      return benefits.compareTo(costs) > 0;
    }

    /**
     * The realised ROI in percent, (benefits − costs) / costs × 100 (16 significant digits); empty
     * when nothing was spent.
     */
    public Optional<BigDecimal> roiPct() {
      return costs.signum() == 0
          ? Optional.empty()
          : Optional.of(
              benefits
                  .subtract(costs)
                  .multiply(BigDecimal.valueOf(100))
                  .divide(costs, java.math.MathContext.DECIMAL64));
    }
  }

  /** Where the case stands in the approval process. */
  public enum Status {
    DRAFT,
    PROPOSED,
    APPROVED,
    REJECTED
  }

  /**
   * What the contingency reserve is added to: the one-off costs only (the default, SPEC §3.1), or
   * every cost over the horizon (for cases that are mostly operating expense).
   */
  public enum ContingencyBasis {
    ONE_OFF,
    TOTAL
  }

  /** A case with contingency on {@code contingencyOn} and no realised figures recorded yet. */
  public BusinessCase(
      Metadata metadata,
      Status status,
      Optional<Approval> approval,
      String outcome,
      Problem problem,
      Solution solution,
      List<Cost> costs,
      BigDecimal contingencyPct,
      ContingencyBasis contingencyOn,
      List<Benefit> benefits,
      Financials financials,
      Risks risks,
      Anchor at) {
    this(
        metadata,
        status,
        approval,
        outcome,
        problem,
        solution,
        costs,
        contingencyPct,
        contingencyOn,
        benefits,
        financials,
        risks,
        at,
        Optional.empty());
  }

  /** The Governance decision that approved the case. */
  public record Approval(String decision, Optional<LocalDate> date, Anchor at) {}

  /** Today's cost and constraint. */
  public record Problem(String statement, Optional<BigDecimal> currentAnnualCost, Anchor at) {}

  /** What is proposed: approach, sourcing, vendor, timeline, and the cloud-vs-owned figures. */
  public record Solution(
      String approach,
      String sourcing,
      Optional<String> vendor,
      BigDecimal timelineWeeks,
      Optional<BigDecimal> cloudAnnualCost,
      Optional<BigDecimal> ownedAnnualTco,
      Anchor at) {}

  /**
   * One cost line: a one-off amount in year 0 and a recurring amount in years 1..H, which is {@code
   * byYear[t-1]} for the years {@code byYear} lists and {@code annual} after them.
   */
  public record Cost(
      String category, BigDecimal oneOff, BigDecimal annual, List<BigDecimal> byYear, Anchor at) {

    public Cost {
      byYear = List.copyOf(byYear);
    }

    /** A flat cost line: the same amount every year. */
    public Cost(String category, BigDecimal oneOff, BigDecimal annual, Anchor at) {
      this(category, oneOff, annual, List.of(), at);
    }

    /** The recurring amount in year {@code year} (1-based). */
    public BigDecimal inYear(int year) {
      return year <= byYear.size() ? byYear.get(year - 1) : annual;
    }
  }

  /**
   * One expected benefit per year, tied to a KPI metric: {@code byYear[t-1]} in the years {@code
   * byYear} lists (a ramp-up), {@code annual} after them.
   */
  public record Benefit(
      String description,
      BigDecimal annual,
      List<BigDecimal> byYear,
      Optional<String> kpi,
      Optional<BigDecimal> baseline,
      Optional<BigDecimal> target,
      Anchor at) {

    public Benefit {
      byYear = List.copyOf(byYear);
    }

    /** A flat benefit: the same amount every year. */
    public Benefit(
        String description,
        BigDecimal annual,
        Optional<String> kpi,
        Optional<BigDecimal> baseline,
        Optional<BigDecimal> target,
        Anchor at) {
      this(description, annual, List.of(), kpi, baseline, target, at);
    }

    /** The amount in year {@code year} (1-based). */
    public BigDecimal inYear(int year) {
      return year <= byYear.size() ? byYear.get(year - 1) : annual;
    }
  }

  /** Discounting inputs and the figures the authors declare. */
  public record Financials(
      BigDecimal discountRatePct, int horizonYears, Declared declared, Anchor at) {}

  /** Declared figures that Waymark recomputes from the cash flows. */
  public record Declared(
      Optional<BigDecimal> roi,
      Optional<BigDecimal> npv,
      Optional<BigDecimal> irr,
      Optional<BigDecimal> paybackMonths,
      Anchor at) {}

  /** The cost of not investing and the downside if it under-delivers. */
  public record Risks(String ifNotInvested, String ifUnderdelivers, Anchor at) {}

  public boolean approved() {
    return status == Status.APPROVED;
  }

  /**
   * The costs of a {@link #released} case: an empty list of its own, told apart by identity, so
   * that the figures are never worked out again from what is left.
   */
  private static final List<Cost> RELEASED_COSTS =
      java.util.Collections.unmodifiableList(new java.util.ArrayList<>());

  /**
   * This case as the rest of a run reads it once it was judged alone (the per-document rules) and
   * its figures were worked out: its texts, cost lines and benefit amounts dropped, every anchor,
   * status, approval, solution, declared figure, contingency and realised figure kept, and of the
   * benefits only those that name a KPI (with that name and their anchor). A streaming load keeps
   * this instead of the case (docs/streaming.md): about a fifth of its memory.
   */
  @Override
  public BusinessCase released() {
    if (isReleased()) {
      return this;
    }
    List<Benefit> kpis = new java.util.ArrayList<>();
    for (Benefit b : benefits) {
      if (b.kpi().isPresent()) {
        kpis.add(
            new Benefit(
                "",
                BigDecimal.ZERO,
                List.of(),
                b.kpi(),
                Optional.empty(),
                Optional.empty(),
                b.at()));
      }
    }
    return new BusinessCase(
        metadata,
        status,
        approval,
        "",
        new Problem("", problem.currentAnnualCost(), problem.at()),
        new Solution(
            "",
            solution.sourcing(),
            solution.vendor(),
            solution.timelineWeeks(),
            solution.cloudAnnualCost(),
            solution.ownedAnnualTco(),
            solution.at()),
        RELEASED_COSTS,
        contingencyPct,
        contingencyOn,
        List.copyOf(kpis),
        financials,
        new Risks("", "", risks.at()),
        at,
        realised);
  }

  /**
   * True for a case {@link #released()} after it was judged: its cash flows are gone, and working
   * out its figures from it is a mistake ({@code CashFlows} refuses).
   */
  public boolean isReleased() {
    return costs == RELEASED_COSTS;
  }

  static BusinessCase read(Fields f) {
    Fields spec = f.objectOrEmpty("spec");
    Fields problem = spec.objectOrEmpty("problem");
    Fields solution = spec.objectOrEmpty("solution");
    Fields financials = spec.objectOrEmpty("financials");
    Fields declared = financials.objectOrEmpty("declared");
    Fields risks = spec.objectOrEmpty("risks");
    return new BusinessCase(
        Metadata.read(f),
        Kebab.parse(Status.class, spec.string("status"), Status.DRAFT),
        spec.object("approval")
            .map(a -> new Approval(a.string("decision"), a.optDate("date"), a.anchor())),
        spec.string("outcome"),
        new Problem(
            problem.string("statement"), problem.optNumber("currentAnnualCost"), problem.anchor()),
        new Solution(
            solution.string("approach"),
            solution.string("sourcing"),
            solution.optString("vendor"),
            solution.number("timelineWeeks"),
            solution.optNumber("cloudAnnualCost"),
            solution.optNumber("ownedAnnualTco"),
            solution.anchor()),
        spec.list(
            "costs",
            c ->
                new Cost(
                    c.string("category"),
                    c.number("oneOff"),
                    c.number("annual"),
                    c.numbers("byYear"),
                    c.anchor())),
        spec.number("contingencyPct"),
        Kebab.parse(ContingencyBasis.class, spec.string("contingencyOn"), ContingencyBasis.ONE_OFF),
        spec.list(
            "benefits",
            b ->
                new Benefit(
                    b.string("description"),
                    b.number("annual"),
                    b.numbers("byYear"),
                    b.optString("kpi"),
                    b.optNumber("baseline"),
                    b.optNumber("target"),
                    b.anchor())),
        new Financials(
            financials.number("discountRatePct"),
            financials.integer("horizonYears"),
            new Declared(
                declared.optNumber("roi"),
                declared.optNumber("npv"),
                declared.optNumber("irr"),
                declared.optNumber("paybackMonths"),
                declared.anchor()),
            financials.anchor()),
        new Risks(risks.string("ifNotInvested"), risks.string("ifUnderdelivers"), risks.anchor()),
        f.anchor(),
        spec.object("realised")
            .map(
                r ->
                    new Realised(
                        r.number("benefits"), r.number("costs"), r.date("asOf"), r.anchor())));
  }
}
