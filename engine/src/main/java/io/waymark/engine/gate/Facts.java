package io.waymark.engine.gate;

import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.finding.Names;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.UseCase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts a gate criterion may name (SPEC §2.2), computed as they stood on a given date. A fact
 * never looks at anything dated after that date, so a gate decided in March is judged by what was
 * known in March.
 */
public final class Facts {

  public static final String PRODUCTION_USE_CASES = "useCases.production";
  public static final String PILOT_TO_PRODUCTION_PCT = "useCases.pilotToProductionPct";

  /** Approved cases whose <em>projected</em> ROI is positive. */
  public static final String PROJECTED_POSITIVE_ROI = "businessCases.approvedPositiveRoiProjected";

  /**
   * The former name of {@link #PROJECTED_POSITIVE_ROI}, still read with the projected meaning; a
   * gate that must see ROI demonstrated names {@link #REALISED_POSITIVE_ROI}.
   */
  public static final String APPROVED_POSITIVE_ROI = "businessCases.approvedPositiveRoi";

  /** Approved cases whose realised benefits exceed their actual costs. */
  public static final String REALISED_POSITIVE_ROI = "businessCases.realisedPositiveRoi";

  public static final String MILESTONE_COMPLETION_PCT = "milestones.completionPct";

  /** {@code metrics.<id>.changePct}. */
  private static final Pattern METRIC_CHANGE =
      Pattern.compile("metrics\\.([a-z0-9][a-z0-9-]*)\\.changePct");

  private static final List<String> FIXED =
      List.of(
          PRODUCTION_USE_CASES,
          PILOT_TO_PRODUCTION_PCT,
          PROJECTED_POSITIVE_ROI,
          APPROVED_POSITIVE_ROI,
          REALISED_POSITIVE_ROI,
          MILESTONE_COMPLETION_PCT);

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * The most ids a reading's detail names in one list; the rest are counted. A portfolio of
   * hundreds of use cases would otherwise put every id in one gate criterion's explanation (the
   * QBR, the JSON output and gate-criteria-unmet's message repeat it), and the count beside each
   * list already says how many there are.
   */
  static final int NAMED = 10;

  /**
   * A fact's value on a date. {@code value} is empty when the fact is undefined then (a zero
   * denominator, no data yet); {@code on} is the date of the data point used, or the evaluation
   * date for counts; {@code detail} says how the value came about, for explanations.
   */
  public record Reading(String fact, Optional<BigDecimal> value, LocalDate on, String detail) {}

  private final Plan plan;

  public Facts(Plan plan) {
    this.plan = plan;
  }

  /** True for the fact patterns of SPEC §2.2 and the projected/realised ROI facts. */
  public static boolean isKnown(String fact) {
    return FIXED.contains(fact) || METRIC_CHANGE.matcher(fact).matches();
  }

  /**
   * The unit of a fact's value: {@code "%"} for the percentages ({@code
   * useCases.pilotToProductionPct}, {@code milestones.completionPct}, {@code
   * metrics.<id>.changePct}), empty for the counts.
   */
  public static String unitOf(String fact) {
    boolean percent =
        fact.equals(PILOT_TO_PRODUCTION_PCT)
            || fact.equals(MILESTONE_COMPLETION_PCT)
            || METRIC_CHANGE.matcher(fact).matches();
    return percent ? "%" : "";
  }

  /** The metric a criterion reads: its own, or the one its {@code metrics.<id>.changePct} names. */
  public static Optional<String> metricOf(Gate.Criterion criterion) {
    return criterion.metric().or(() -> criterion.fact().flatMap(Facts::metricOf));
  }

  /** The metric id of a {@code metrics.<id>.changePct} fact. */
  public static Optional<String> metricOf(String fact) {
    Matcher m = METRIC_CHANGE.matcher(fact);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Reads any known fact on {@code date}; {@code phase} is the phase whose gate asks (for {@code
   * milestones.completionPct}). An unknown fact reads as empty.
   */
  public Reading read(String fact, Phase phase, LocalDate date) {
    return switch (fact) {
      case PRODUCTION_USE_CASES -> productionUseCases(date);
      case PILOT_TO_PRODUCTION_PCT -> pilotToProductionPct(date);
      case PROJECTED_POSITIVE_ROI -> approvedPositiveRoi(PROJECTED_POSITIVE_ROI, date);
      case APPROVED_POSITIVE_ROI -> approvedPositiveRoi(APPROVED_POSITIVE_ROI, date);
      case REALISED_POSITIVE_ROI -> realisedPositiveRoi(date);
      case MILESTONE_COMPLETION_PCT -> milestoneCompletionPct(phase, date);
      default ->
          metricOf(fact)
              .map(id -> metricChangePct(id, date))
              .orElseGet(() -> new Reading(fact, Optional.empty(), date, "unknown fact"));
    };
  }

  /**
   * Use cases in production on {@code date} ({@link UseCase#inProductionOn}): status production
   * since then (or with no since), or a retired one between its {@code productionOn} and its
   * retirement.
   */
  public Reading productionUseCases(LocalDate date) {
    long count = plan.useCases().stream().filter(u -> u.inProductionOn(date)).count();
    return new Reading(
        PRODUCTION_USE_CASES,
        Optional.of(BigDecimal.valueOf(count)),
        date,
        count + " use case" + (count == 1 ? "" : "s") + " in production");
  }

  /**
   * Converted pilots: production ÷ piloted × 100, counting only the use cases that went through a
   * pilot by {@code date} ({@link UseCase#pilotedBy}: in pilot now, {@code pilotedOn}, or {@code
   * origin: pilot}) and whose current status dates from {@code date} or earlier. A model that was
   * in production before the programme (never piloted, or {@code origin: pre-existing}) is not a
   * converted pilot. Empty when no use case went through a pilot. The detail names the use cases
   * counted and those left out, the first {@link #NAMED} of each list.
   */
  public Reading pilotToProductionPct(LocalDate date) {
    List<String> converted = new java.util.ArrayList<>();
    List<String> notYet = new java.util.ArrayList<>();
    List<String> leftOut = new java.util.ArrayList<>();
    for (UseCase u : plan.useCases()) {
      boolean inProduction = u.inProductionOn(date);
      if (!inProduction && (!knownBy(u, date) || u.status() == UseCase.Status.IDEA)) {
        continue;
      }
      if (!u.pilotedBy(date)) {
        leftOut.add(u.id());
      } else if (inProduction) {
        converted.add(u.id());
      } else {
        notYet.add(u.id());
      }
    }
    long tried = converted.size() + notYet.size();
    String detail =
        converted.size()
            + " of "
            + tried
            + " piloted use cases in production"
            + (converted.isEmpty() ? "" : ": " + named(converted))
            + (notYet.isEmpty() ? "" : "; piloted, not in production: " + named(notYet))
            + (leftOut.isEmpty()
                ? ""
                : "; not counted (no pilot recorded: pilotedOn or origin): " + named(leftOut));
    return new Reading(PILOT_TO_PRODUCTION_PCT, percent(converted.size(), tried), date, detail);
  }

  /**
   * Approved business cases (approval dated {@code date} or earlier) whose realised benefits exceed
   * their actual costs, as recorded in {@code spec.realised} on or before {@code date}. Not
   * measurable (empty) until at least one approved case records realised figures: projections never
   * count as demonstrated ROI.
   */
  public Reading realisedPositiveRoi(LocalDate date) {
    long approved = 0;
    long recorded = 0;
    List<String> positive = new java.util.ArrayList<>();
    List<String> later = new java.util.ArrayList<>();
    for (BusinessCase bc : plan.businessCases()) {
      if (!approvedBy(bc, date)) {
        continue;
      }
      approved++;
      Optional<BusinessCase.Realised> realised = bc.realised().filter(r -> !r.asOf().isAfter(date));
      if (realised.isEmpty()) {
        // Figures recorded as of a later day say nothing of this one: say so, they are the fix.
        bc.realised().ifPresent(r -> later.add(bc.metadata().id() + "'s are as of " + r.asOf()));
        continue;
      }
      recorded++;
      if (realised.get().positiveRoi()) {
        positive.add(bc.metadata().id());
      }
    }
    if (recorded == 0) {
      return new Reading(
          REALISED_POSITIVE_ROI,
          Optional.empty(),
          date,
          "not measurable: none of "
              + approved
              + " approved business case"
              + (approved == 1 ? "" : "s")
              + " records realised benefits and actual costs (spec.realised) on or before "
              + date
              + (later.isEmpty() ? "" : " (" + named(later) + ", after it)"));
    }
    return new Reading(
        REALISED_POSITIVE_ROI,
        Optional.of(BigDecimal.valueOf(positive.size())),
        date,
        positive.size()
            + " of "
            + recorded
            + " approved business cases with realised figures have a positive realised ROI"
            + (positive.isEmpty() ? "" : ": " + named(positive)));
  }

  private static boolean approvedBy(BusinessCase bc, LocalDate date) {
    return bc.approved()
        && bc.approval()
            .flatMap(BusinessCase.Approval::date)
            .map(d -> !d.isAfter(date))
            .orElse(true);
  }

  /** Approved business cases (approval dated {@code date} or earlier) with a positive ROI. */
  public Reading approvedPositiveRoi(LocalDate date) {
    return approvedPositiveRoi(PROJECTED_POSITIVE_ROI, date);
  }

  /**
   * Approved business cases (approval dated {@code date} or earlier) whose <em>projected</em> ROI
   * (SPEC §3.1, from the planned costs and benefits) is positive.
   */
  private Reading approvedPositiveRoi(String fact, LocalDate date) {
    long approved = 0;
    long positive = 0;
    for (BusinessCase bc : plan.businessCases()) {
      if (!approvedBy(bc, date)) {
        continue;
      }
      approved++;
      boolean positiveRoi =
          plan.positiveRoi(bc).orElseGet(() -> CaseFinancials.of(bc).positiveRoi());
      if (positiveRoi) {
        positive++;
      }
    }
    return new Reading(
        fact,
        Optional.of(BigDecimal.valueOf(positive)),
        date,
        positive + " of " + approved + " approved business cases with a positive projected ROI");
  }

  /**
   * (latest value on or before {@code date} − baseline) ÷ baseline × 100, the baseline being the
   * metric's {@code baseline} or else its first data point; empty without data or with a zero
   * baseline.
   */
  public Reading metricChangePct(String metricId, LocalDate date) {
    String fact = "metrics." + metricId + ".changePct";
    Optional<Metrics.Metric> metric = plan.metric(metricId);
    if (metric.isEmpty()) {
      return new Reading(fact, Optional.empty(), date, "no metric '" + metricId + "'");
    }
    Optional<Metrics.DataPoint> latest = metric.get().latestOnOrBefore(date);
    Optional<BigDecimal> baseline =
        metric
            .get()
            .baseline()
            .or(
                () ->
                    metric.get().series().stream()
                        .min(Comparator.comparing(Metrics.DataPoint::date))
                        .map(Metrics.DataPoint::value));
    if (latest.isEmpty() && metric.get().baseline().isPresent()) {
      // The baseline is the metric's first reading: no change yet.
      return new Reading(
          fact,
          Optional.of(BigDecimal.ZERO),
          date,
          metricId + " has only its baseline " + GateEvaluator.plain(baseline.get()) + " yet");
    }
    if (latest.isEmpty()) {
      return new Reading(
          fact, Optional.empty(), date, metricId + " has no data point on or before " + date);
    }
    BigDecimal value = latest.get().value();
    LocalDate on = latest.get().date();
    if (baseline.isEmpty() || baseline.get().signum() == 0) {
      return new Reading(
          fact, Optional.empty(), on, metricId + " has no non-zero baseline to compare with");
    }
    BigDecimal change =
        value
            .subtract(baseline.get())
            .multiply(HUNDRED)
            .divide(baseline.get(), 6, RoundingMode.HALF_EVEN);
    return new Reading(
        fact,
        Optional.of(change),
        on,
        metricId
            + " "
            + GateEvaluator.plain(value)
            + " against baseline "
            + GateEvaluator.plain(baseline.get()));
  }

  /**
   * The phase's milestones done by {@code date} (completedOn, else due, on or before it) ÷ its
   * milestones that were not dropped × 100; empty when every milestone was dropped.
   */
  public Reading milestoneCompletionPct(Phase phase, LocalDate date) {
    long planned = 0;
    long done = 0;
    for (Milestone m : phase.milestones()) {
      if (m.status() == Milestone.Status.DROPPED) {
        continue;
      }
      planned++;
      LocalDate finished = m.completedOn().orElse(m.due());
      if (m.status() == Milestone.Status.DONE && !finished.isAfter(date)) {
        done++;
      }
    }
    return new Reading(
        MILESTONE_COMPLETION_PCT,
        percent(done, planned),
        date,
        done + " of " + planned + " milestones of " + phase.id() + " done");
  }

  private static boolean knownBy(UseCase u, LocalDate date) {
    return u.since().map(s -> !s.isAfter(date)).orElse(true);
  }

  /** The first {@link #NAMED} of {@code ids}, comma-separated, then how many more there are. */
  static String named(List<String> ids) {
    return Names.firstOf(ids, NAMED);
  }

  private static Optional<BigDecimal> percent(long part, long whole) {
    if (whole == 0) {
      return Optional.empty();
    }
    return Optional.of(
        BigDecimal.valueOf(part)
            .multiply(HUNDRED)
            .divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_EVEN));
  }
}
