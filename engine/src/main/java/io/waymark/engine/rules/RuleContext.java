package io.waymark.engine.rules;

import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.DocumentIndex;
import io.waymark.engine.model.IdIndex;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.vendor.VendorSensitivity;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What a rule sees: the repository's documents, its typed plan, the as-of date, and a sink. */
public interface RuleContext {

  /** The documents of the repository that passed their schema, as a typed model. */
  Plan plan();

  /**
   * Every Waymark document of the repository (also those that failed their schema) and the files
   * read, read-only. The problems found while reading files are reported by the validator, under
   * the loader-stage rules' ids.
   */
  DocumentIndex documents();

  /** Every id declared in the repository, for reference and uniqueness checks. */
  IdIndex ids();

  /**
   * The plan at the base revision of a pull request ({@code --base}); empty outside pull requests.
   * The pull-request rules compare it with {@link #plan()}.
   */
  Optional<Plan> base();

  /**
   * What the base revision cannot show of the roadmap folder (a submodule inside it); empty when
   * the comparison with the base can be trusted, and outside pull requests.
   */
  default List<String> baseLimitations() {
    return List.of();
  }

  /** The roadmap and metrics as they were at each commit; read on first use. */
  PlanHistory history();

  /** The date the repository is judged at (SPEC §3). */
  LocalDate asOf();

  /**
   * The computed financials of a business case of {@link #plan()}: {@link CaseFinancials#of}, which
   * several rules need for every case; a validation works them out once per case and hands every
   * rule the same result.
   */
  default CaseFinancials financials(BusinessCase bc) {
    return CaseFinancials.of(bc);
  }

  /**
   * How robust the scores of a vendor evaluation of {@link #plan()} are: {@link
   * VendorSensitivity#of}, which a rule and the insights of the JSON output and the reports need
   * for every evaluation; a validation works it out once per evaluation.
   */
  default VendorSensitivity vendorSensitivity(VendorEvaluation evaluation) {
    return VendorSensitivity.of(evaluation);
  }

  /** Reports a finding of the current rule. */
  void report(Location location, String message, String hint);

  /**
   * Reports a finding of the current rule with a severity other than the rule's default, for rules
   * whose severity is graded (an error for one case, a warning for a milder one). A severity
   * configured in {@code Config.spec.rules} still wins.
   */
  default void report(Severity severity, Location location, String message, String hint) {
    report(location, message, hint);
  }
}
