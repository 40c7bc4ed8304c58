package io.waymark.engine.rules.vendor;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;

/** A vendor still in the running (go or diligence) has at least three customer references. */
public final class VendorReferencesRule implements Rule {

  static final int MINIMUM = 3;

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "vendor-references",
          Severity.WARNING,
          "vendors",
          "A vendor with a go or diligence decision has fewer than three customer references.",
          """
          Vendor viability is judged partly by talking to customers: at least three customer
          references in a similar situation. A sales deck and a benchmark show what a product
          can do; references show what it does after the contract is signed (support quality,
          price increases, how hard it was to leave). A vendor with fewer than three should not
          be a go, and a diligence decision should name the references still to call. No-go
          vendors are not checked.""",
          """
          Call more customer references (ideally in your segment) and record the count in
          `references`, or move the vendor to no-go.""",
          """
          references: 1
          decision: go
          """,
          """
          references: 3
          decision: go
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
    for (VendorEvaluation.Vendor vendor : context.plan().vendors().toList()) {
      boolean inRunning = "go".equals(vendor.decision()) || "diligence".equals(vendor.decision());
      if (!inRunning || vendor.references() >= MINIMUM) {
        continue;
      }
      context.report(
          vendor.at().location("references"),
          "vendor '"
              + vendor.id()
              + "' ("
              + vendor.decision()
              + ") has "
              + vendor.references()
              + " customer reference"
              + (vendor.references() == 1 ? "" : "s")
              + "; at least "
              + MINIMUM
              + " are needed",
          "Check "
              + (MINIMUM - vendor.references())
              + " more customer reference(s), ideally in your segment, or move the vendor to"
              + " no-go.");
    }
  }
}
