package io.waymark.report.view;

import io.waymark.report.chart.Rag;
import java.util.List;

/**
 * Everything a quarterly business review and the executive dashboard show, in SPEC §6 order. All
 * text is plain (templates escape it); fields named {@code svg} hold finished chart markup.
 */
public record QuarterlyReview(
    Header header,
    Decisions decisions,
    Summary summary,
    Wins wins,
    Challenges challenges,
    FindingLines findingLines,
    List<MetricTile> metrics,
    Adjustments adjustments,
    Priorities priorities,
    Scorecard scorecard,
    Matrix matrix,
    BudgetSplit budget,
    List<VendorComparison> vendors,
    More moreVendors,
    CaseSummary businessCases,
    Robustness robustness,
    Spend spend,
    TimelineView timeline,
    Appendix appendix) {

  /**
   * The dashboard metrics as the reports lay them out: red first, then amber, then the rest, each
   * group in the order of {@code Metrics spec.dashboard}.
   */
  public List<MetricTile> metricsByUrgency() {
    return metrics.stream()
        .sorted(
            java.util.Comparator.comparingInt(
                t -> t.rag() == Rag.RED ? 0 : t.rag() == Rag.AMBER ? 1 : 2))
        .toList();
  }

  /**
   * Vendor evaluations compared in full (each a table of its vendors), in the order of the files;
   * {@code moreVendors} says how many more there are and where the JSON output lists every vendor.
   */
  public static final int MAX_VENDOR_EVALUATIONS = 10;

  /**
   * What a list capped for the reader leaves out: how many items, and one sentence saying so and
   * where the whole list is ("… and 3,400 more business cases, not listed here: …"). A QBR is read
   * by a steering committee; a list that grows with the number of documents is cut at a fixed
   * number of rows per list, and every total above it still counts every item.
   *
   * @param count the items left out, 0 when the list is whole
   * @param text the sentence the reports print after the list, empty when the list is whole
   */
  public record More(int count, String text) {
    /** A whole list: nothing left out. */
    public static final More NONE = new More(0, "");

    /** Whether the list leaves items out. */
    public boolean any() {
      return count > 0;
    }
  }

  /** Who, what, which quarter, as of when. */
  public record Header(
      String organisation,
      String title,
      String quarterId,
      String quarterLabel,
      String period,
      String asOf,
      String asOfIso,
      String currency,
      String qbrFile,
      String revision) {}

  /** A text that is a link only when {@code href} is an http(s) URL; otherwise plain text. */
  public record Link(String text, String href) {
    public boolean isLink() {
      return !href.isEmpty();
    }
  }

  /** A headline figure of the summary. */
  public record Figure(String label, String value, String detail) {}

  /** A line with a title and a detail. */
  public record Item(String title, String detail) {}

  /** The summary: overall health, why, the headline and the key figures. */
  public record Summary(
      Rag rag,
      List<String> reasons,
      String headline,
      List<Figure> figures,
      int errors,
      int warnings,
      int infos,
      int suppressed) {}

  /** A milestone delivered in the quarter. */
  public record DeliveredMilestone(
      String title,
      String phase,
      String completedOn,
      String timeliness,
      List<String> deliverables) {}

  /** A gate passed (or waived) in the quarter. */
  public record PassedGate(
      String phase,
      String gate,
      String decision,
      String decidedOn,
      String criteria,
      List<Link> evidence) {}

  /** Wins since the last review. */
  public record Wins(
      List<DeliveredMilestone> milestones,
      List<PassedGate> gates,
      List<Item> useCases,
      List<Item> decisions,
      List<Item> metricMoves,
      More moreUseCases) {

    /**
     * Use cases listed as having reached pilot or production in the quarter, earliest first; a
     * portfolio with hundreds of use cases names the first ones and counts the rest.
     */
    public static final int MAX_USE_CASES = 25;

    /**
     * Nothing delivered: no milestone, gate, use case or metric moved forward. The board's
     * decisions of the quarter ({@code decisions}) do not count: a decision may record a setback (a
     * failed gate, an overspend accepted), so the bundled templates list them under the roadmap
     * adjustments, not as wins.
     */
    public boolean empty() {
      return milestones.isEmpty() && gates.isEmpty() && useCases.isEmpty() && metricMoves.isEmpty();
    }
  }

  /**
   * A decision the steering committee has to take (issue 15): what, by when, who brings it.
   *
   * @param kind "Business case", "Vendor", "Gate", "Suppression"
   * @param ask what is to be decided, in one sentence
   * @param by the date it is needed by, in words, with what falls due then ("3 October 2027", "30
   *     June 2027 (the next quarterly review)", "overdue since 1 April 2027 (start of Build)")
   * @param byIso the same date as {@code yyyy-MM-dd}, for machine readers
   * @param owner who brings it (the document's owner), "" when the files name nobody
   * @param rag red when the date has passed, amber when it falls before the end of next quarter
   */
  public record Decision(
      String kind, String subject, String ask, String by, String byIso, String owner, Rag rag) {}

  /**
   * The decisions needed, soonest first (at most {@link #MAX_ITEMS}; {@code more} counts the rest),
   * and a sentence when there are none.
   */
  public record Decisions(List<Decision> items, String note, More more) {

    /**
     * Decisions listed: the most urgent ones (overdue first, then by the date they are needed by).
     * A board cannot take 150 decisions in one meeting; the rest are counted.
     */
    public static final int MAX_ITEMS = 25;

    /** Every decision needed, those listed and those left out. */
    public int total() {
      return items.size() + more.count();
    }
  }

  /**
   * A milestone that slipped, is overdue or at risk, with its slip history from Git, who owns it
   * and what to do next.
   */
  public record TroubledMilestone(
      String title,
      String phase,
      String due,
      String status,
      Rag rag,
      String problem,
      List<String> slips,
      String owner,
      String nextStep) {}

  /** An indicator that is red or amber, with who owns it and what to do next. */
  public record Indicator(String name, Rag rag, String detail, String owner, String nextStep) {}

  /**
   * One rule's findings in the reader's words (issue 15): "30 initiatives, EUR 4.8 M, have no
   * approved business case". The file:line list is in the appendix and the CI formats.
   */
  public record RuleLine(String severity, String rule, Rag rag, String text) {}

  /**
   * The open findings, one line per error or warning rule (most severe first, then most findings),
   * and how many info findings the appendix lists besides.
   */
  public record FindingLines(List<RuleLine> lines, int infos) {}

  /** A finding as a report shows it. */
  public record FindingView(
      String severity, String rule, String location, String message, String hint) {}

  /** Challenges: troubled milestones, red and amber indicators, open error findings. */
  public record Challenges(
      List<TroubledMilestone> milestones,
      List<Indicator> indicators,
      List<FindingView> errors,
      int moreErrors,
      int warnings) {

    /** Errors listed among the challenges; the appendix and the JSON output list the rest. */
    public static final int MAX_ERRORS = 25;

    public boolean empty() {
      return milestones.isEmpty() && indicators.isEmpty() && errors.isEmpty();
    }
  }

  /** One metric of the executive dashboard. */
  public record MetricTile(
      String id,
      String name,
      String kind,
      String latest,
      String latestDate,
      String baseline,
      String target,
      String targetBy,
      String change,
      Rag rag,
      String assessment,
      String commentary,
      String svg,
      String sparkText,
      List<String> corrections) {}

  /**
   * One change to the roadmap and why it was made: the {@code replanned} reason the element gained,
   * else the commit message (history) or nothing recorded.
   */
  public record Change(String area, String subject, String description, String why, String when) {}

  /** What changed in the roadmap since the previous quarter ended. */
  public record Adjustments(boolean available, String basis, List<Change> changes, String note) {}

  /** A milestone to deliver next. */
  public record PlannedMilestone(
      String title, String phase, String due, String status, Rag rag, List<String> deliverables) {}

  /** A gate criterion with where it stands today. */
  public record CriterionView(
      String id, String description, String target, String current, String state, Rag rag) {}

  /** A gate coming up. */
  public record UpcomingGate(
      String phase,
      String gate,
      String due,
      String status,
      String readiness,
      List<CriterionView> criteria) {}

  /** Next quarter's priorities with their success criteria. */
  public record Priorities(
      String quarterLabel,
      String currentQuarterLabel,
      List<PlannedMilestone> carried,
      List<PlannedMilestone> milestones,
      List<UpcomingGate> gates,
      String none) {
    public boolean empty() {
      return carried.isEmpty() && milestones.isEmpty() && gates.isEmpty();
    }
  }

  /** One readiness dimension. */
  public record DimensionView(
      String name,
      Rag rating,
      Rag previous,
      String trend,
      String measurements,
      String notes,
      String owner,
      String nextStep) {}

  /** A constraint from the gap analysis and what removes it. */
  public record ConstraintView(
      String rank, String dimension, String description, String addressedBy) {}

  /**
   * The readiness scorecard of the latest assessment. {@code leftOut} names the assessment files
   * the scorecard could not read ("assessment/2027-04.yaml failed its schema"), one of which may be
   * the latest; empty when there is none.
   */
  public record Scorecard(
      boolean available,
      String title,
      String date,
      String previousDate,
      List<DimensionView> dimensions,
      List<String> redFlags,
      List<Item> diagnostics,
      List<ConstraintView> constraints,
      String leftOut,
      More moreConstraints) {

    /**
     * Constraints listed: those the latest assessment ranks come first, then those only earlier
     * assessments ranked; every copy of an old assessment would otherwise add its own rows.
     */
    public static final int MAX_CONSTRAINTS = 25;

    /** Files named in {@code leftOut}; the rest are counted. */
    public static final int MAX_LEFT_OUT = 10;
  }

  /** One initiative on the prioritisation matrix. */
  public record InitiativeRow(
      String number,
      String title,
      String category,
      String categoryId,
      String phase,
      int impact,
      int effort,
      String budget,
      String businessCase) {}

  /**
   * The prioritisation matrix, or what the section says when no initiative is there to place
   * ({@code empty}: "The roadmap has no initiatives yet.").
   */
  public record Matrix(String svg, List<InitiativeRow> initiatives, String empty) {}

  /** One 70-20-10 bucket. */
  public record Bucket(
      String name, String amount, String share, String target, String deviation, Rag rag) {}

  /** The budget split against 70-20-10 and the contingency reserve. */
  public record BudgetSplit(
      String svg,
      List<Bucket> buckets,
      String total,
      String allocated,
      String contingency,
      String contingencyShare,
      Rag contingencyRag,
      String unallocated,
      String verdict) {}

  /** One vendor in a comparison. */
  public record VendorRow(
      String name,
      List<String> dimensions,
      String score,
      String scoreSvg,
      String band,
      Rag bandRag,
      String declared,
      boolean agrees,
      String references,
      List<String> redFlags) {}

  /** One vendor evaluation. */
  public record VendorComparison(
      String title, String category, String weights, String thresholds, List<VendorRow> vendors) {}

  /**
   * One business case's computed figures; {@code realised} is what its {@code spec.realised}
   * records by the as-of date ("EUR 150,000 of benefits against EUR 120,000 of actual costs by 30
   * April 2027: realised ROI 25%"), empty without.
   */
  public record CaseRow(
      String title,
      String status,
      String outcome,
      String investment,
      String npv,
      String declaredNpv,
      String irr,
      String roi,
      String payback,
      String tco,
      Rag rag,
      String check,
      String note,
      String realised) {}

  /**
   * The business-case summary with totals. The totals count every case, listed or not; {@code
   * cases} holds at most {@link #MAX_CASES} rows and {@code more} counts the rest; {@code
   * approvedLabel} is the total row's label ("1 approved case", "6 approved cases").
   */
  public record CaseSummary(
      List<CaseRow> cases,
      String approvedCount,
      String approvedLabel,
      String approvedInvestment,
      String approvedNpv,
      More more) {

    /**
     * Business cases listed: the ones with the largest planned investment (ties by id), shown in
     * the order of the files as a short list is; the JSON output has the figures of every case.
     */
    public static final int MAX_CASES = 25;
  }

  /** One what-if of a business case: NPV and payback with benefits or costs moved. */
  public record WhatIf(String change, String npv, String payback) {}

  /** How robust one business case is: break-even margins, a verdict and its tornado chart. */
  public record CaseRobustness(
      String title,
      String status,
      String npv,
      String benefitFall,
      String costRise,
      String verdict,
      Rag rag,
      String svg,
      List<WhatIf> whatIfs) {}

  /** Whether one vendor decision survives a moved weight or score, in one sentence. */
  public record VendorRobustness(String title, String sentence, Rag rag) {}

  /**
   * How robust each decision is (issue 10 §4): the major business cases ({@code moreCases} are left
   * out; the JSON output has them all) and every vendor evaluation.
   */
  public record Robustness(
      List<CaseRobustness> cases, int moreCases, List<VendorRobustness> vendors) {}

  /** One month of the burn chart up to as-of, cumulative. */
  public record BurnMonth(String month, String planned, String actual, String delivered) {}

  /** Budget and actual spend of one 70-20-10 bucket, each as a share of its total. */
  public record SpendBucket(
      String name,
      String target,
      String planned,
      String plannedShare,
      String actual,
      String actualShare) {}

  /**
   * An initiative's spend against its phase's delivery; {@code lead} in points. {@code noBudget}:
   * it has spent with a budget of zero ({@code spentShare} and {@code lead} say so in words).
   */
  public record BurningInitiative(
      String title,
      String phase,
      String budget,
      String spent,
      String spentShare,
      String delivered,
      String lead,
      Rag rag,
      boolean noBudget) {}

  /**
   * Actual spend against plan (issue 10 §1): the burn chart, spend by bucket, the initiatives that
   * burn fastest (at most {@code SpendSection.FASTEST}; {@code moreFastest} counts the rest);
   * {@code note} says why there is nothing when {@code available} is false.
   */
  public record Spend(
      boolean available,
      String summary,
      String svg,
      List<BurnMonth> months,
      List<SpendBucket> buckets,
      List<BurningInitiative> fastest,
      More moreFastest,
      String note) {}

  /** A phase in the timeline table. */
  public record PhaseRow(
      String name, String months, String status, String gate, String gateStatus, Rag rag) {}

  /** A milestone in the timeline table. */
  /**
   * A milestone of the timeline, numbered as its marker in the chart; {@code firstDue} is the due
   * date first planned when the milestone has slipped since (from Git), else empty.
   */
  public record MilestoneRow(
      String number,
      String title,
      String phase,
      String due,
      String firstDue,
      String status,
      Rag rag) {}

  /** The timeline of phases, gates and milestones. */
  /**
   * The timeline, or what the section says when there is none to draw ({@code empty}: "No roadmap
   * to draw.").
   */
  public record TimelineView(
      String svg, List<PhaseRow> phases, List<MilestoneRow> milestones, String empty) {}

  /** A finding left out by a suppression, with why. */
  public record SuppressedView(String rule, String location, String message, String reason) {}

  /** A recorded deviation from the guide's method (a weaker gate, changed vendor weights). */
  public record DeviationView(String subject, String reason, String decision) {}

  /**
   * Validation details: the findings, the suppressed ones (each list capped at {@link #MAX_ROWS}
   * rows; {@code moreFindings} and {@code moreSuppressed} count the rest, which the JSON output
   * lists), the accepted deviations from the guide, notes on the Git history.
   */
  public record Appendix(
      List<FindingView> findings,
      int moreFindings,
      List<SuppressedView> suppressed,
      int moreSuppressed,
      List<DeviationView> deviations,
      List<String> historyNotes) {

    /** Rows per appendix table: a longer list is for the JSON output, not for a board pack. */
    public static final int MAX_ROWS = 200;
  }
}
