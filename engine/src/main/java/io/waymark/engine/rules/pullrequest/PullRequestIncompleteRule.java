package io.waymark.engine.rules.pullrequest;

import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import java.util.List;

/** The base revision cannot show part of the roadmap folder: the pull-request rules cannot tell. */
public final class PullRequestIncompleteRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "pull-request-incomplete",
          Severity.WARNING,
          "pull-request",
          "Part of the roadmap folder cannot be compared with the base, so the pull-request rules"
              + " cannot tell what changed there (only with --base).",
          """
          `gate-transition`, `approved-case-edited` and `history-rewritten` compare every
          document of the roadmap folder with the base revision. A Git submodule inside the
          roadmap folder keeps its files in another repository: the base revision holds only the
          commit id of the submodule, never its documents, so a business case in it would look
          new in every pull request and an edited approval would pass unnoticed. Waymark does
          not guess: it names what it could not compare in this finding, so a green result is
          never mistaken for a checked one.""",
          """
          Keep the roadmap's documents in the repository itself (move them out of the submodule,
          or point Waymark at the submodule's own repository and run it there with `--base`).""",
          """
          # plan/ holds the roadmap; plan/vendors is a submodule
          $ git submodule add ../vendor-scores plan/vendors
          $ waymark validate plan --base origin/main
          """,
          """
          # every document of plan/ is in this repository
          $ waymark validate plan --base origin/main
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext context) {
    List<String> limitations = context.baseLimitations();
    if (limitations.isEmpty()) {
      return;
    }
    String file = context.plan().roadmap().map(r -> r.at().file()).orElse(firstFile(context));
    context.report(
        Location.ofFile(file),
        "the pull-request rules cannot compare part of the roadmap folder with the base: "
            + String.join("; ", limitations)
            + "; gate-transition, approved-case-edited and history-rewritten did not check it",
        "Keep the roadmap's documents in this repository (not in a submodule), or validate the"
            + " submodule's own repository with --base.");
  }

  private static String firstFile(RuleContext context) {
    return context.documents().firstFile();
  }
}
