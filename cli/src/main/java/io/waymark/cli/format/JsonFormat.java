package io.waymark.cli.format;

import io.waymark.engine.Insights;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.finance.CaseSensitivity;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.gate.CriterionResult;
import io.waymark.engine.gate.GateEvaluation;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.vendor.VendorSensitivity;
import io.waymark.report.diff.HistoryFormat;
import io.waymark.report.json.FindingJson;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON output of SPEC §5: tool, asOf, root, summary, findings (sorted); then what Waymark
 * computed (gates, vendors, businessCases) and the suppressed findings with their reasons.
 */
public final class JsonFormat {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonFormat() {}

  public static String write(ValidationResult result) {
    return JsonMapper.builder()
            .build()
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(tree(result))
        + System.lineSeparator();
  }

  public static ObjectNode tree(ValidationResult result) {
    ObjectNode root = NODES.objectNode();
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "waymark");
    tool.put("version", Version.current());
    root.put("asOf", result.asOf().toString());
    root.put("root", result.root());
    ObjectNode summary = root.putObject("summary");
    summary.put("documents", result.documents());
    summary.put("errors", result.count(Severity.ERROR));
    summary.put("warnings", result.count(Severity.WARNING));
    summary.put("infos", result.count(Severity.INFO));
    summary.put("suppressed", result.suppressed().size());
    summary.put("baselined", result.findings().stream().filter(result::isBaselined).count());
    ArrayNode findings = root.putArray("findings");
    for (Finding f : result.findings()) {
      ObjectNode node = FindingJson.of(f);
      if (result.isBaselined(f)) {
        node.put("baseline", true);
      }
      findings.add(node);
    }
    insights(result.insights(), root);
    HistoryFormat.historyCoverage(result, root);
    ArrayNode suppressed = root.putArray("suppressed");
    for (ValidationResult.Suppressed s : result.suppressed()) {
      ObjectNode node = FindingJson.of(s.finding());
      node.put("suppressedBy", s.how());
      node.put("reason", s.reason());
      suppressed.add(node);
    }
    return root;
  }

  /** Gate criteria status, vendor scores and recomputed financials, for reports and pipelines. */
  static void insights(Insights insights, ObjectNode root) {
    ArrayNode gates = root.putArray("gates");
    for (GateEvaluation g : insights.gates()) {
      ObjectNode n = gates.addObject();
      n.put("phase", g.phaseId());
      n.put("gate", g.gateId());
      n.put("status", Insights.spelled(g.status()));
      n.put("evaluatedOn", g.evaluatedOn().toString());
      n.put("satisfied", g.satisfied());
      ArrayNode criteria = n.putArray("criteria");
      for (CriterionResult c : g.criteria()) {
        ObjectNode cn = criteria.addObject();
        cn.put("id", c.id());
        cn.put("state", Insights.spelled(c.state()));
        c.actual().ifPresent(v -> cn.put("actual", v));
        c.observedOn().ifPresent(d -> cn.put("observedOn", d.toString()));
        cn.put("operator", c.operator());
        c.target().ifPresent(v -> cn.put("target", v));
        cn.put("explanation", c.explanation());
      }
    }
    ArrayNode vendors = root.putArray("vendors");
    for (Insights.VendorRating v : insights.vendors()) {
      ObjectNode n = vendors.addObject();
      n.put("evaluation", v.evaluation());
      n.put("vendor", v.vendor().id());
      n.put("name", v.vendor().name());
      n.put("weightedPct", v.score().weightedPct());
      n.put("band", v.score().band().id());
      n.put("declared", v.vendor().decision());
      ObjectNode means = n.putObject("means");
      v.score().means().forEach(means::put);
    }
    ArrayNode cases = root.putArray("businessCases");
    for (Insights.CaseFigures c : insights.businessCases()) {
      ObjectNode n = cases.addObject();
      n.put("id", c.businessCase().metadata().id());
      n.put("status", Insights.spelled(c.businessCase().status()));
      CaseFinancials f = c.computed();
      n.put("npv", f.npv());
      f.irr().ifPresent(v -> n.put("irrPct", v));
      f.roi().ifPresent(v -> n.put("roiPct", v));
      n.put("tco", f.tco());
      f.paybackMonths().ifPresent(v -> n.put("paybackMonths", v));
      f.cloudToOwnedPct().ifPresent(v -> n.put("cloudToOwnedPct", v));
      ObjectNode declared = n.putObject("declared");
      BusinessCase.Declared d = c.businessCase().financials().declared();
      d.npv().ifPresent(v -> declared.put("npv", v));
      d.irr().ifPresent(v -> declared.put("irrPct", v));
      d.roi().ifPresent(v -> declared.put("roiPct", v));
      d.paybackMonths().ifPresent(v -> declared.put("paybackMonths", v));
      f.roiBasis().ifPresent(b -> n.put("roiBasis", Insights.spelled(b)));
      c.sensitivity().ifPresent(s -> sensitivity(s, n.putObject("sensitivity")));
    }
    ArrayNode robustness = root.putArray("vendorSensitivity");
    for (VendorSensitivity s : insights.vendorSensitivity()) {
      ObjectNode n = robustness.addObject();
      n.put("evaluation", s.evaluation());
      ArrayNode ranking = n.putArray("ranking");
      s.ranking().forEach(ranking::add);
      s.selected().ifPresent(v -> n.put("selected", v));
      n.put("robust", s.robust());
      n.put("selectedFragile", s.selectedFragile());
      ArrayNode flips = n.putArray("flips");
      for (VendorSensitivity.Flip f : s.flips()) {
        ObjectNode fn = flips.addObject();
        fn.put("change", f.change());
        ArrayNode effects = fn.putArray("effects");
        f.effects().forEach(effects::add);
        fn.put("selectedAffected", f.selectedAffected());
      }
    }
  }

  /** Break-even margins and the NPV and payback at each move of benefits and costs. */
  private static void sensitivity(CaseSensitivity s, ObjectNode n) {
    s.benefitFallPct().ifPresent(v -> n.put("benefitFallPct", v));
    s.costRisePct().ifPresent(v -> n.put("costRisePct", v));
    n.put("fragile", s.fallsNegativeAtMinus10PctBenefits());
    ArrayNode scenarios = n.putArray("scenarios");
    for (CaseSensitivity.Scenario x : s.scenarios()) {
      ObjectNode sn = scenarios.addObject();
      sn.put("driver", Insights.spelled(x.driver()));
      sn.put("changePct", x.changePct());
      sn.put("npv", x.npv());
      x.paybackMonths().ifPresent(m -> sn.put("paybackMonths", m));
    }
  }
}
