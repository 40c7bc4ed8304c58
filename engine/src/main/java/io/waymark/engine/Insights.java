package io.waymark.engine;

import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.finance.CaseSensitivity;
import io.waymark.engine.gate.GateEvaluation;
import io.waymark.engine.gate.GateEvaluator;
import io.waymark.engine.load.Parallel;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Kebab;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.vendor.VendorScore;
import io.waymark.engine.vendor.VendorSensitivity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What Waymark computed about the plan, beyond findings: every gate's criteria status (met, not
 * met, no data) at its decision date or as of today for pending gates, every vendor's weighted
 * score and band, every business case's recomputed financials, and how robust each open business
 * case and each vendor evaluation is (sensitivity). The JSON output and the reports read these.
 */
public record Insights(
    List<GateEvaluation> gates,
    List<VendorRating> vendors,
    List<CaseFigures> businessCases,
    List<VendorSensitivity> vendorSensitivity) {

  /** A vendor's computed score next to the declared decision. */
  public record VendorRating(
      String evaluation, VendorEvaluation.Vendor vendor, VendorScore score) {}

  /**
   * A business case's recomputed financials next to what it declares, and for an approved or
   * proposed case how robust it is (issue 10 §4).
   */
  public record CaseFigures(
      BusinessCase businessCase, CaseFinancials computed, Optional<CaseSensitivity> sensitivity) {

    public CaseFigures(BusinessCase businessCase, CaseFinancials computed) {
      this(businessCase, computed, Optional.empty());
    }
  }

  public Insights(
      List<GateEvaluation> gates, List<VendorRating> vendors, List<CaseFigures> businessCases) {
    this(gates, vendors, businessCases, List.of());
  }

  public Insights {
    gates = List.copyOf(gates);
    vendors = List.copyOf(vendors);
    businessCases = List.copyOf(businessCases);
    vendorSensitivity = List.copyOf(vendorSensitivity);
  }

  /**
   * A status, state, basis or driver of these insights as the documents and the JSON output spell
   * it: kebab case ({@code NOT_MET} is {@code "not-met"}).
   */
  public static String spelled(Enum<?> value) {
    return Kebab.of(value);
  }

  /** Whether a case is approved or proposed: one whose sensitivity the insights show. */
  static boolean open(BusinessCase bc) {
    return bc.status() == BusinessCase.Status.APPROVED
        || bc.status() == BusinessCase.Status.PROPOSED;
  }

  /**
   * Gate status, vendor scores and business-case financials of {@code plan} as of {@code asOf},
   * without the business cases and vendor evaluations of the files in {@code partlyJudged}: judged
   * without list items that fail their schema (a cost written "300,000"), their figures would be
   * computed without those items, and a review must not show them as the case's NPV or the vendor's
   * score. Each case's figures come from {@code financials} and each evaluation's sensitivity from
   * {@code sensitivities} (what the rules worked out already), each open case's sensitivity from
   * {@code caseSensitivities}, called on every core (a scenario search each, unless worked out
   * already).
   */
  static Insights of(
      Plan plan,
      LocalDate asOf,
      Set<String> partlyJudged,
      Function<BusinessCase, CaseFinancials> financials,
      Function<VendorEvaluation, VendorSensitivity> sensitivities,
      Function<BusinessCase, CaseSensitivity> caseSensitivities) {
    List<VendorRating> vendors = new ArrayList<>();
    for (VendorEvaluation evaluation : plan.vendorEvaluations()) {
      if (partlyJudged.contains(evaluation.at().file())) {
        continue;
      }
      for (VendorEvaluation.Vendor v : evaluation.vendors()) {
        vendors.add(new VendorRating(evaluation.metadata().id(), v, VendorScore.of(evaluation, v)));
      }
    }
    List<BusinessCase> judged =
        plan.businessCases().stream().filter(bc -> !partlyJudged.contains(bc.at().file())).toList();
    List<CaseFigures> cases =
        Parallel.map(
            judged,
            bc -> {
              return new CaseFigures(
                  bc,
                  financials.apply(bc),
                  open(bc) ? Optional.of(caseSensitivities.apply(bc)) : Optional.empty());
            });
    List<VendorSensitivity> robustness =
        plan.vendorEvaluations().stream()
            .filter(e -> !partlyJudged.contains(e.at().file()))
            .map(sensitivities)
            .toList();
    return new Insights(GateEvaluator.evaluate(plan, asOf), vendors, cases, robustness);
  }
}
