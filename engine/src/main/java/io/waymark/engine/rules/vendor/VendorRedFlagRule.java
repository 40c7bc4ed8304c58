package io.waymark.engine.rules.vendor;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.stream.Collectors;

/** A go decision carries no red flag. */
public final class VendorRedFlagRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "vendor-red-flag",
          Severity.ERROR,
          "vendors",
          "A vendor with a go decision carries a red flag.",
          """
          Some findings in a vendor proposal outweigh a good score: vague pricing with no
          modelling tools, proprietary formats with no export path, no customer references in
          your segment, pressure tactics, and broad rights to use your data (92% of AI vendors
          claim broad data-usage rights, against an industry average of 63%). Each one is a
          cost or a lock-in that the scorecard does not price. A vendor may stay in diligence
          with a red flag while it is being cleared, but not be a go.""",
          """
          Clear the flag with the vendor (a written pricing model, an export path to an open
          format, references in your segment, narrower data-usage terms) and remove it from
          `redFlags`, or change the decision to diligence until it is cleared.""",
          """
          redFlags: [broad-data-rights]
          decision: go
          """,
          """
          redFlags: [broad-data-rights]
          decision: diligence
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
      if (!"go".equals(vendor.decision()) || vendor.redFlags().isEmpty()) {
        continue;
      }
      String flags =
          vendor.redFlags().stream()
              .map(f -> f + " (" + describe(f) + ")")
              .collect(Collectors.joining(", "));
      context.report(
          vendor.at().location("decision"),
          "vendor '" + vendor.id() + "' is a go despite red flag(s): " + flags,
          "Clear each flag with the vendor and remove it from redFlags, or set 'decision:"
              + " diligence' until it is cleared.");
    }
  }

  private static String describe(String flag) {
    return switch (flag) {
      case "vague-pricing" -> "vague pricing, no modelling tools";
      case "proprietary-formats" -> "proprietary formats with no export path";
      case "no-segment-references" -> "no customer references in your segment";
      case "pressure-tactics" -> "pressure tactics";
      case "broad-data-rights" -> "broad rights to use your data";
      default -> "red flag";
    };
  }
}
