package io.waymark.engine.rules.vendor;

import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import io.waymark.engine.vendor.VendorSensitivity;
import java.util.List;

/** The leading vendor loses first place or its band under a small change of weight or score. */
public final class VendorChoiceFragileRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "vendor-choice-fragile",
          Severity.INFO,
          "vendors",
          "The selected vendor loses first place or its band when one weight moves by up to 10"
              + " points or one score by one step.",
          """
          Weights and scores are judgements. If moving one weight by 10 points (the others
          rescaled so that the weights still add up to 100) or one criterion score by a single
          step puts another vendor first, or moves the leader out of its go or diligence band,
          the choice rests on that judgement rather than on a clear difference between the
          vendors, and a steering committee should hear it that way. The selected vendor is
          the one ranked first by weighted score, unless its band is no-go. Bands and ranks
          are compared exactly, so a vendor landing exactly on a threshold keeps the band of
          that threshold (80% is go). Trying the two ends of each weight move is enough: every
          score is linear in the move. `waymark validate --format json` lists every
          perturbation that changes a band or the top two (`vendorSensitivity`); the QBR says
          in one sentence per evaluation whether the decision is robust.""",
          """
          Nothing is wrong as such; make the decision stronger: score the close criteria with
          evidence (a benchmark, a reference call), agree the weights before scoring, or
          record in the decision why the close second was not chosen.""",
          """
          weights: {technicalFit: 40, economics: 30, viability: 20, lockIn: 10}
          vendors:
            - id: v-a      # 82%: first, go
              scores: {technicalFit: {fit: 5}, economics: {price: 3},
                       viability: {funding: 4}, lockIn: {formats: 4}}
            - id: v-b      # 80%
              scores: {technicalFit: {fit: 4}, economics: {price: 5},
                       viability: {funding: 3}, lockIn: {formats: 3}}
          # economics weight 30 -> 40 (others x 6/7): v-a 78.86% (diligence), v-b 82.86% first
          """,
          """
          weights: {technicalFit: 40, economics: 30, viability: 20, lockIn: 10}
          vendors:
            - id: v-a      # 92%: no single move brings it below 80% or behind v-b
              scores: {technicalFit: {fit: 5}, economics: {price: 4},
                       viability: {funding: 5}, lockIn: {formats: 4}}
            - id: v-b      # 60%
              scores: {technicalFit: {fit: 3}, economics: {price: 3},
                       viability: {funding: 3}, lockIn: {formats: 3}}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Findings on a file depend only on that file's documents. */
  @Override
  public RuleScope scope() {
    return RuleScope.perDocument();
  }

  @Override
  public void check(RuleContext context) {
    for (VendorEvaluation evaluation : context.plan().vendorEvaluations()) {
      VendorSensitivity s = context.vendorSensitivity(evaluation);
      if (s.selected().isEmpty() || !s.selectedFragile()) {
        continue;
      }
      String selected = s.selected().get();
      List<VendorSensitivity.Flip> hits =
          s.flips().stream().filter(VendorSensitivity.Flip::selectedAffected).toList();
      VendorSensitivity.Flip first = hits.get(0);
      Location where =
          evaluation.vendors().stream()
              .filter(v -> v.id().equals(selected))
              .findFirst()
              .map(v -> v.at().location())
              .orElse(evaluation.at().location("spec/vendors"));
      context.report(
          where,
          "vendor evaluation '"
              + evaluation.metadata().id()
              + "': the choice of "
              + selected
              + " is fragile: "
              + first.change()
              + " gives "
              + String.join("; ", first.effects())
              + (hits.size() > 1 ? " (and " + (hits.size() - 1) + " more such changes)" : ""),
          "Back the close criteria with evidence, agree the weights before scoring, or record"
              + " in the decision why the runner-up was not chosen.");
    }
  }
}
