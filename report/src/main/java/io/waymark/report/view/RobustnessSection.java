package io.waymark.report.view;

import io.waymark.engine.Insights;
import io.waymark.engine.finance.CaseSensitivity;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.vendor.VendorSensitivity;
import io.waymark.report.chart.Rag;
import io.waymark.report.chart.TornadoChart;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How robust each decision is (issue 10 §4): a tornado chart per major business case (approved or
 * proposed, largest investment first) with its break-even margins, and one sentence per vendor
 * evaluation saying whether its choice survives a moved weight or score.
 */
final class RobustnessSection {

  /** Business cases drawn; the JSON output carries the figures of every case. */
  static final int MAX_CASES = 6;

  private RobustnessSection() {}

  static QuarterlyReview.Robustness of(Context c) {
    List<Insights.CaseFigures> open =
        c.result().insights().businessCases().stream()
            .filter(f -> f.sensitivity().isPresent())
            .sorted(
                Comparator.comparing((Insights.CaseFigures f) -> f.computed().c0().abs())
                    .reversed()
                    .thenComparing(f -> f.businessCase().metadata().id()))
            .toList();
    List<QuarterlyReview.CaseRobustness> cases = new ArrayList<>();
    for (Insights.CaseFigures f : open.subList(0, Math.min(MAX_CASES, open.size()))) {
      cases.add(caseRow(c, f.businessCase(), f.sensitivity().get()));
    }
    // One sentence for each evaluation the vendor comparison shows; the JSON output has the rest.
    List<VendorEvaluation> compared = Portfolio.comparedEvaluations(c);
    List<QuarterlyReview.VendorRobustness> vendors = new ArrayList<>();
    for (VendorSensitivity s : c.result().insights().vendorSensitivity()) {
      compared.stream()
          .filter(e -> e.metadata().id().equals(s.evaluation()))
          .findFirst()
          .ifPresent(e -> vendors.add(vendorRow(e, s)));
    }
    return new QuarterlyReview.Robustness(cases, open.size() - cases.size(), vendors);
  }

  private static QuarterlyReview.CaseRobustness caseRow(
      Context c, BusinessCase bc, CaseSensitivity s) {
    String title = Context.title(bc.metadata().title(), bc.metadata().id());
    List<TornadoChart.Bar> bars = new ArrayList<>();
    List<QuarterlyReview.WhatIf> whatIfs = new ArrayList<>();
    for (CaseSensitivity.Driver d : CaseSensitivity.Driver.values()) {
      String name = d == CaseSensitivity.Driver.BENEFITS ? "Benefits" : "Costs";
      for (int move : List.of(20, 10)) {
        Optional<CaseSensitivity.Scenario> down = s.scenario(d, -move);
        Optional<CaseSensitivity.Scenario> up = s.scenario(d, move);
        if (down.isPresent() && up.isPresent()) {
          bars.add(
              new TornadoChart.Bar(name + " ±" + move + " %", down.get().npv(), up.get().npv()));
        }
      }
      for (int move : CaseSensitivity.MOVES) {
        s.scenario(d, move)
            .ifPresent(
                x ->
                    whatIfs.add(
                        new QuarterlyReview.WhatIf(
                            name + " " + (move > 0 ? "+" : Wording.MINUS) + Math.abs(move) + " %",
                            c.money(x.npv()),
                            x.paybackMonths()
                                .map(m -> Wording.count(m, "month", "months"))
                                .orElse("beyond horizon"))));
      }
    }
    String benefitFall = s.benefitFallPct().map(RobustnessSection::margin).orElse("no benefits");
    String costRise = s.costRisePct().map(RobustnessSection::margin).orElse("no costs");
    Rag rag;
    String verdict;
    if (s.npv().signum() < 0) {
      rag = Rag.RED;
      verdict = "The NPV is already negative.";
    } else if (s.fallsNegativeAtMinus10PctBenefits()) {
      rag = Rag.AMBER;
      verdict = "Fragile: the NPV turns negative if benefits fall by 10 %.";
    } else {
      rag = Rag.GREEN;
      verdict = "The NPV stays positive with benefits 10 % lower.";
    }
    String svg =
        TornadoChart.draw(
            title + ": NPV sensitivity to benefits and costs", s.npv(), bars, c.currency());
    return new QuarterlyReview.CaseRobustness(
        title,
        Wording.capitalised(Wording.words(bc.status().name())),
        c.money(s.npv()),
        benefitFall,
        costRise,
        verdict,
        rag,
        svg,
        whatIfs);
  }

  /** "31.2 %"; a negative margin says the NPV is already below zero. */
  private static String margin(BigDecimal pct) {
    return pct.signum() < 0 ? "none (NPV already negative)" : Wording.percent(pct);
  }

  static QuarterlyReview.VendorRobustness vendorRow(VendorEvaluation e, VendorSensitivity s) {
    String title = Context.title(e.metadata().title(), e.metadata().id());
    String perturbation =
        "when any one weight moves by up to ±10 points (the others rescaled) or any one score by"
            + " one step";
    Optional<String> selected = s.selected().map(id -> name(e, id));
    if (s.robust()) {
      String sentence =
          selected
              .map(
                  n ->
                      title
                          + ": robust. "
                          + n
                          + " stays first with its band, and no vendor changes band, "
                          + perturbation
                          + ".")
              .orElse(
                  title
                      + ": no vendor reaches due diligence, and none would reach it "
                      + perturbation
                      + ".");
      return new QuarterlyReview.VendorRobustness(title, sentence, Rag.GREEN);
    }
    VendorSensitivity.Flip first =
        s.flips().stream()
            .filter(VendorSensitivity.Flip::selectedAffected)
            .findFirst()
            .orElse(s.flips().get(0));
    String example = "e.g. " + first.change() + ": " + String.join(", ", first.effects());
    long affecting = s.flips().stream().filter(VendorSensitivity.Flip::selectedAffected).count();
    if (s.selectedFragile()) {
      return new QuarterlyReview.VendorRobustness(
          title,
          title
              + ": not robust. "
              + selected.orElse("The leading vendor")
              + " loses first place or its band under "
              + Wording.count(affecting, "perturbation", "perturbations")
              + " "
              + perturbation
              + " ("
              + example
              + ").",
          Rag.AMBER);
    }
    return new QuarterlyReview.VendorRobustness(
        title,
        title
            + ": robust for the choice"
            + selected.map(n -> " of " + n).orElse("")
            + ", which keeps first place and its band "
            + perturbation
            + "; "
            + Wording.count(s.flips().size(), "perturbation changes", "perturbations change")
            + " another vendor's band or the runner-up ("
            + example
            + ").",
        Rag.GREEN);
  }

  private static String name(VendorEvaluation e, String id) {
    return e.vendors().stream()
        .filter(v -> v.id().equals(id))
        .map(VendorEvaluation.Vendor::name)
        .findFirst()
        .orElse(id);
  }
}
