package io.waymark.report.view;

import io.waymark.engine.Insights;
import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.vendor.VendorScore;
import io.waymark.report.chart.BudgetSplitChart;
import io.waymark.report.chart.ImpactEffortMatrix;
import io.waymark.report.chart.Palette;
import io.waymark.report.chart.Rag;
import io.waymark.report.chart.ScoreBar;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where the money goes: the prioritisation matrix, 70-20-10, vendors and business cases. */
final class Portfolio {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Portfolio() {}

  static QuarterlyReview.Matrix matrix(Context c) {
    List<QuarterlyReview.InitiativeRow> rows = new ArrayList<>();
    List<ImpactEffortMatrix.Dot> dots = new ArrayList<>();
    int n = 0;
    for (Phase p : c.phases()) {
      for (Initiative i : p.initiatives()) {
        n++;
        String category = kebab(i.category().name());
        // A stopped initiative keeps its row, with what it spent: its budget is released.
        Optional<Initiative.Stop> stop = i.stopBy(c.asOf());
        String budget =
            stop.isPresent()
                ? c.money(i.spentBy(c.asOf())) + " spent of " + c.money(i.budget())
                : c.money(i.budget());
        rows.add(
            new QuarterlyReview.InitiativeRow(
                String.valueOf(n),
                i.title()
                    + stop.map(
                            s ->
                                " (stopped "
                                    + Wording.date(s.on())
                                    + ": "
                                    + s.reason().strip()
                                    + ")")
                        .orElse(""),
                Wording.capitalised(Wording.words(category)),
                category,
                p.name(),
                i.impact(),
                i.effort(),
                budget,
                i.businessCase()
                    .flatMap(id -> c.plan().businessCase(id))
                    .map(bc -> bc.metadata().title())
                    .orElse(i.businessCase().orElse("none"))));
        dots.add(
            new ImpactEffortMatrix.Dot(
                String.valueOf(n),
                i.impact(),
                i.effort(),
                i.budget(),
                Palette.category(category),
                n
                    + ". "
                    + i.title()
                    + ": impact "
                    + i.impact()
                    + ", effort "
                    + i.effort()
                    + ", "
                    + budget));
      }
    }
    String svg =
        ImpactEffortMatrix.draw(
            "Prioritisation matrix: initiatives by impact and effort, sized by budget",
            dots,
            List.of(
                new ImpactEffortMatrix.LegendEntry(
                    "Constraint removal", Palette.CONSTRAINT_REMOVAL),
                new ImpactEffortMatrix.LegendEntry("Quick win", Palette.QUICK_WIN),
                new ImpactEffortMatrix.LegendEntry("Foundation", Palette.FOUNDATION),
                new ImpactEffortMatrix.LegendEntry("Experimentation", Palette.EXPERIMENTATION)));
    String empty =
        c.roadmapNotJudged()
            .map(why -> "No initiative to place: " + why + ".")
            .orElse("The roadmap has no initiatives yet.");
    return new QuarterlyReview.Matrix(svg, rows, empty);
  }

  /** A 70-20-10 bucket: its name and its target share in percent. */
  record Bucket(String name, int target) {}

  /** The three buckets of 70-20-10, in the order the reports show them. */
  static final List<Bucket> BUCKETS =
      List.of(
          new Bucket("Constraint removal and quick wins", 70),
          new Bucket("Foundations", 20),
          new Bucket("Experimentation", 10));

  /** The index in {@link #BUCKETS} of an initiative category. */
  static int bucket(Initiative.Category category) {
    return switch (category) {
      case CONSTRAINT_REMOVAL, QUICK_WIN -> 0;
      case FOUNDATION -> 1;
      case EXPERIMENTATION -> 2;
    };
  }

  static QuarterlyReview.BudgetSplit budget(Context c) {
    List<Initiative> initiatives = c.roadmap().map(Roadmap::initiatives).orElse(List.of());
    BigDecimal removal = BigDecimal.ZERO;
    BigDecimal foundation = BigDecimal.ZERO;
    BigDecimal experiment = BigDecimal.ZERO;
    for (Initiative i : initiatives) {
      switch (i.category()) {
        // A stopped initiative takes what it spent, as budget-split counts it.
        case CONSTRAINT_REMOVAL, QUICK_WIN -> removal = removal.add(i.allocationBy(c.asOf()));
        case FOUNDATION -> foundation = foundation.add(i.allocationBy(c.asOf()));
        case EXPERIMENTATION -> experiment = experiment.add(i.allocationBy(c.asOf()));
      }
    }
    BigDecimal allocated = removal.add(foundation).add(experiment);
    String[] names = {"Constraint removal and quick wins", "Foundations", "Experimentation"};
    BigDecimal[] amounts = {removal, foundation, experiment};
    BigDecimal[] targets = {BigDecimal.valueOf(70), BigDecimal.valueOf(20), BigDecimal.TEN};
    String[] colours = {Palette.CONSTRAINT_REMOVAL, Palette.FOUNDATION, Palette.EXPERIMENTATION};
    List<QuarterlyReview.Bucket> buckets = new ArrayList<>();
    List<BudgetSplitChart.Bucket> bars = new ArrayList<>();
    List<String> off = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      BigDecimal share =
          allocated.signum() == 0
              ? BigDecimal.ZERO
              : amounts[k].multiply(HUNDRED).divide(allocated, MathContext.DECIMAL64);
      BigDecimal deviation = share.subtract(targets[k]);
      BigDecimal abs = deviation.abs();
      Rag rag =
          allocated.signum() == 0
              ? Rag.NONE
              : abs.compareTo(BigDecimal.valueOf(5)) <= 0
                  ? Rag.GREEN
                  : abs.compareTo(BigDecimal.TEN) <= 0 ? Rag.AMBER : Rag.RED;
      if (rag == Rag.AMBER || rag == Rag.RED) {
        off.add(
            names[k]
                + " is "
                + Wording.number(abs, 1)
                + " points "
                + (deviation.signum() > 0 ? "above" : "below")
                + " its "
                + targets[k]
                + "% share");
      }
      buckets.add(
          new QuarterlyReview.Bucket(
              names[k],
              c.money(amounts[k]),
              Wording.percent(share),
              targets[k] + "%",
              Wording.signedPoints(deviation),
              rag));
      bars.add(new BudgetSplitChart.Bucket(names[k], colours[k], share, targets[k]));
    }
    Optional<Roadmap.Budget> budget = c.roadmap().flatMap(Roadmap::budget);
    BigDecimal total = budget.map(Roadmap.Budget::total).orElse(BigDecimal.ZERO);
    BigDecimal contingency = budget.map(Roadmap.Budget::contingency).orElse(BigDecimal.ZERO);
    BigDecimal contingencyPct =
        total.signum() == 0
            ? BigDecimal.ZERO
            : contingency.multiply(HUNDRED).divide(total, MathContext.DECIMAL64);
    Rag contingencyRag =
        budget.isEmpty()
            ? Rag.NONE
            : contingencyPct.compareTo(BigDecimal.TEN) >= 0
                    && contingencyPct.compareTo(BigDecimal.valueOf(20)) <= 0
                ? Rag.GREEN
                : Rag.AMBER;
    BigDecimal unallocated = total.subtract(allocated).subtract(contingency);
    String verdict;
    if (allocated.signum() == 0) {
      verdict = "No initiative has a budget yet.";
    } else if (off.isEmpty()) {
      verdict = "The initiative budgets follow the 70-20-10 rule within 5 points in every bucket.";
    } else {
      verdict = String.join("; ", off) + ".";
    }
    if (budget.isPresent() && unallocated.signum() < 0) {
      verdict +=
          " Initiatives and contingency exceed the total budget by "
              + c.money(unallocated.negate())
              + ".";
    }
    String svg =
        BudgetSplitChart.draw("Budget split of the initiatives against the 70-20-10 rule", bars);
    return new QuarterlyReview.BudgetSplit(
        svg,
        buckets,
        budget.isPresent() ? c.money(total) : "not set",
        c.money(allocated),
        budget.isPresent() ? c.money(contingency) : "not set",
        budget.isPresent() ? Wording.percent(contingencyPct) : "",
        contingencyRag,
        budget.isPresent() ? c.money(unallocated) : "",
        verdict);
  }

  /**
   * The vendor evaluations the QBR compares in full: the first {@link
   * QuarterlyReview#MAX_VENDOR_EVALUATIONS} in the order of the files.
   */
  static List<VendorEvaluation> comparedEvaluations(Context c) {
    return Shortlist.head(c.plan().vendorEvaluations(), QuarterlyReview.MAX_VENDOR_EVALUATIONS);
  }

  /** How many vendor evaluations the comparison leaves out, and where every vendor is scored. */
  static QuarterlyReview.More moreVendors(Context c) {
    return Shortlist.more(
        c.plan().vendorEvaluations().size(),
        comparedEvaluations(c).size(),
        "vendor evaluation",
        "vendor evaluations",
        "the JSON output scores every vendor of every evaluation and says how robust each choice"
            + " is (vendors and vendorSensitivity in "
            + Shortlist.JSON
            + ")");
  }

  static List<QuarterlyReview.VendorComparison> vendors(Context c) {
    List<QuarterlyReview.VendorComparison> out = new ArrayList<>();
    List<Insights.VendorRating> ratings = c.result().insights().vendors();
    for (VendorEvaluation e : comparedEvaluations(c)) {
      List<QuarterlyReview.VendorRow> rows = new ArrayList<>();
      for (Insights.VendorRating r : ratings) {
        if (!r.evaluation().equals(e.metadata().id())) {
          continue;
        }
        VendorScore s = r.score();
        List<String> dims = new ArrayList<>();
        for (String d : VendorEvaluation.DIMENSIONS) {
          dims.add(Wording.fixed(s.means().getOrDefault(d, BigDecimal.ZERO), 1));
        }
        Rag rag =
            switch (s.band()) {
              case GO -> Rag.GREEN;
              case DILIGENCE -> Rag.AMBER;
              case NO_GO -> Rag.RED;
            };
        rows.add(
            new QuarterlyReview.VendorRow(
                r.vendor().name(),
                dims,
                Wording.percent(s.weightedPct()),
                ScoreBar.draw(
                    r.vendor().name() + ": " + Wording.percent(s.weightedPct()),
                    s.weightedPct(),
                    e.thresholds().diligence(),
                    e.thresholds().go(),
                    rag.colour()),
                band(s.band()),
                rag,
                band(VendorScore.Band.parse(r.vendor().decision()).orElse(null)),
                s.band().id().equals(r.vendor().decision()),
                String.valueOf(r.vendor().references()),
                r.vendor().redFlags().stream()
                    .map(f -> Wording.capitalised(Wording.words(f)))
                    .toList()));
      }
      VendorEvaluation.Weights w = e.weights();
      out.add(
          new QuarterlyReview.VendorComparison(
              e.metadata().title().isBlank() ? e.metadata().id() : e.metadata().title(),
              Wording.capitalised(Wording.words(e.category())),
              "technical fit "
                  + Wording.percent(w.technicalFit())
                  + ", economics "
                  + Wording.percent(w.economics())
                  + ", viability "
                  + Wording.percent(w.viability())
                  + ", lock-in risk "
                  + Wording.percent(w.lockIn()),
              "go at "
                  + Wording.percent(e.thresholds().go())
                  + " or more, due diligence from "
                  + Wording.percent(e.thresholds().diligence()),
              rows));
    }
    return out;
  }

  private static String band(VendorScore.Band band) {
    if (band == null) {
      return "Not decided";
    }
    return switch (band) {
      case GO -> "Go";
      case DILIGENCE -> "Due diligence";
      case NO_GO -> "No-go";
    };
  }

  static QuarterlyReview.CaseSummary cases(Context c) {
    List<QuarterlyReview.CaseRow> rows = new ArrayList<>();
    BigDecimal tolerance = c.plan().config().tolerancePct();
    BigDecimal approvedInvestment = BigDecimal.ZERO;
    BigDecimal approvedNpv = BigDecimal.ZERO;
    int approved = 0;
    List<Insights.CaseFigures> all = c.result().insights().businessCases();
    // The cases with the largest planned investment are listed, in the order of the files.
    java.util.Set<Insights.CaseFigures> listed =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    all.stream()
        .sorted(
            Comparator.comparing((Insights.CaseFigures f) -> f.computed().c0().abs())
                .reversed()
                .thenComparing(f -> f.businessCase().metadata().id()))
        .limit(QuarterlyReview.CaseSummary.MAX_CASES)
        .forEach(listed::add);
    for (Insights.CaseFigures f : all) {
      BusinessCase bc = f.businessCase();
      CaseFinancials x = f.computed();
      BigDecimal investment = x.c0().abs();
      List<String> notes = new ArrayList<>();
      // A negative NPV is the row's chip; its note says how the declared figures compare.
      Rag rag = x.npv().signum() < 0 ? Rag.RED : Rag.GREEN;
      BusinessCase.Declared declared = bc.financials().declared();
      Optional<BigDecimal> declaredNpv = declared.npv();
      if (declaredNpv.isPresent() && !within(declaredNpv.get(), x.npv(), tolerance)) {
        notes.add("declared NPV " + c.money(declaredNpv.get()) + " differs from the computed one");
        rag = rag.worse(Rag.AMBER);
      }
      // IRR and ROI are checked as bc-financials-mismatch checks them: a column that says "Match"
      // must not contradict an error in the appendix.
      for (String differs :
          List.of(
              differs("IRR", declared.irr(), x.irr(), tolerance),
              differs("ROI", declared.roi(), x.roi(), tolerance))) {
        if (!differs.isEmpty()) {
          notes.add(differs);
          rag = rag.worse(Rag.AMBER);
        }
      }
      Optional<BigDecimal> declaredPayback = declared.paybackMonths();
      if (declaredPayback.isPresent()
          && (x.paybackMonths().isEmpty()
              || declaredPayback.get().compareTo(BigDecimal.valueOf(x.paybackMonths().get()))
                  != 0)) {
        notes.add("declared payback " + Wording.number(declaredPayback.get(), 0) + " months");
        rag = rag.worse(Rag.AMBER);
      }
      if (bc.approved()) {
        approved++;
        approvedInvestment = approvedInvestment.add(investment);
        approvedNpv = approvedNpv.add(x.npv());
      }
      if (!listed.contains(f)) {
        continue;
      }
      boolean nothingDeclared =
          declaredNpv.isEmpty()
              && declared.irr().isEmpty()
              && declared.roi().isEmpty()
              && declaredPayback.isEmpty();
      String check;
      if (rag == Rag.RED) {
        check = "Negative NPV";
        if (notes.isEmpty()) {
          notes.add(nothingDeclared ? "no figures declared" : "the declared figures match");
        }
      } else if (rag == Rag.AMBER) {
        check = "Differ";
      } else if (nothingDeclared) {
        // Nothing to compare is not a match.
        rag = Rag.NONE;
        check = "None declared";
      } else {
        check = "Match";
      }
      rows.add(
          new QuarterlyReview.CaseRow(
              bc.metadata().title().isBlank() ? bc.metadata().id() : bc.metadata().title(),
              Wording.capitalised(Wording.words(bc.status().name())),
              Wording.capitalised(Wording.words(bc.outcome())),
              c.money(investment),
              c.money(x.npv()),
              declaredNpv.map(c::money).orElse("not declared"),
              x.irr().map(Wording::percent).orElse("none"),
              x.roi().map(Wording::percent).orElse("none"),
              x.paybackMonths()
                  .map(m -> Wording.count(m, "month", "months"))
                  .orElseGet(() -> losesEveryYear(x) ? "never" : "beyond horizon"),
              c.money(x.tco()),
              rag,
              check,
              String.join("; ", notes),
              realised(c, bc)));
    }
    QuarterlyReview.More more =
        Shortlist.more(
            all.size(),
            rows.size(),
            "business case",
            "business cases",
            "listed are the "
                + rows.size()
                + " with the largest planned investment, and the approved total counts every"
                + " case; the JSON output has the figures of each (businessCases in "
                + Shortlist.JSON
                + ")");
    return new QuarterlyReview.CaseSummary(
        rows,
        String.valueOf(approved),
        Wording.count(approved, "approved case", "approved cases"),
        c.money(approvedInvestment),
        c.money(approvedNpv),
        more);
  }

  /**
   * "EUR 150,000 of benefits against EUR 120,000 of actual costs by 30 April 2027: realised ROI
   * 25%", from the case's {@code spec.realised} recorded on or before the as-of date; empty
   * without.
   */
  private static String realised(Context c, BusinessCase bc) {
    return bc.realised()
        .filter(r -> !r.asOf().isAfter(c.asOf()))
        .map(
            r ->
                c.money(r.benefits())
                    + " of benefits against "
                    + c.money(r.costs())
                    + " of actual costs by "
                    + Wording.date(r.asOf())
                    + r.roiPct().map(roi -> ": realised ROI " + Wording.percent(roi)).orElse(""))
        .orElse("");
  }

  /**
   * True when no year after year 0 brings cash in: cumulative cash never rises, so the case never
   * pays back, within the horizon or after it ("beyond horizon" would promise that it does).
   */
  private static boolean losesEveryYear(CaseFinancials x) {
    return x.flows().stream().skip(1).allMatch(f -> f.signum() <= 0);
  }

  /**
   * "declared IRR 70% differs from the computed one", "declared IRR 12%, but there is none", or
   * empty when nothing is declared or the declared figure is within the tolerance.
   */
  private static String differs(
      String name,
      Optional<BigDecimal> declared,
      Optional<BigDecimal> computed,
      BigDecimal tolerancePct) {
    if (declared.isEmpty()) {
      return "";
    }
    String said = "declared " + name + " " + Wording.percent(declared.get());
    if (computed.isEmpty()) {
      return said + ", but there is none";
    }
    return within(declared.get(), computed.get(), tolerancePct)
        ? ""
        : said + " differs from the computed one";
  }

  private static boolean within(BigDecimal declared, BigDecimal computed, BigDecimal tolerancePct) {
    if (computed.signum() == 0) {
      return declared.signum() == 0;
    }
    BigDecimal diff =
        declared
            .subtract(computed)
            .abs()
            .multiply(HUNDRED)
            .divide(computed.abs(), MathContext.DECIMAL64);
    return diff.compareTo(tolerancePct) <= 0;
  }

  static String kebab(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
