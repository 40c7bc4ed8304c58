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
import java.io.StringWriter;
import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON output of SPEC §5: tool, asOf, root, summary, findings (sorted); then what Waymark
 * computed (gates, vendors, businessCases) and the suppressed findings with their reasons.
 *
 * <p>Data for programs: every text is as written, bidirectional-text controls included (the formats
 * people read show them as U+FFFD, see {@link FindingText}); a program that shows one to people
 * escapes it itself.
 */
public final class JsonFormat {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final ObjectWriter PRETTY = JsonWriters.PRETTY;

  private JsonFormat() {}

  /**
   * The JSON of {@code result}, written as it is made: each finding, gate, vendor and business case
   * is built, written and dropped in turn, so that a repository of 100,000 documents (tens of
   * thousands of business cases) never holds its whole JSON as a tree.
   */
  public static String write(ValidationResult result) {
    StringWriter text = new StringWriter();
    write(result, text);
    return text.toString();
  }

  /** As {@link #write(ValidationResult)}, to {@code out}, which it closes. */
  static void write(ValidationResult result, Writer out) {
    try (JsonGenerator json = PRETTY.createGenerator(out)) {
      write(result, json);
      json.writeRaw(System.lineSeparator());
    }
  }

  /** SPEC §5's object, in its order, to {@code json}. */
  private static void write(ValidationResult result, JsonGenerator json) {
    json.writeStartObject();
    json.writeObjectPropertyStart("tool");
    json.writeStringProperty("name", "waymark");
    json.writeStringProperty("version", Version.current());
    json.writeEndObject();
    json.writeStringProperty("asOf", result.asOf().toString());
    json.writeStringProperty("root", result.root());
    json.writeObjectPropertyStart("summary");
    json.writeNumberProperty("documents", result.documents());
    json.writeNumberProperty("errors", result.count(Severity.ERROR));
    json.writeNumberProperty("warnings", result.count(Severity.WARNING));
    json.writeNumberProperty("infos", result.count(Severity.INFO));
    json.writeNumberProperty("suppressed", result.suppressed().size());
    json.writeNumberProperty(
        "baselined", result.findings().stream().filter(result::isBaselined).count());
    json.writeEndObject();
    json.writeArrayPropertyStart("findings");
    for (Finding f : result.findings()) {
      ObjectNode node = FindingJson.of(f);
      if (result.isBaselined(f)) {
        node.put("baseline", true);
      }
      json.writeTree(node);
    }
    json.writeEndArray();
    insights(result.insights(), json);
    ObjectNode coverage = NODES.objectNode();
    HistoryFormat.historyCoverage(result, coverage);
    coverage.properties().forEach(p -> json.writeName(p.getKey()).writeTree(p.getValue()));
    json.writeArrayPropertyStart("suppressed");
    for (ValidationResult.Suppressed s : result.suppressed()) {
      ObjectNode node = FindingJson.of(s.finding());
      node.put("suppressedBy", s.how());
      node.put("reason", s.reason());
      json.writeTree(node);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** Gate criteria status, vendor scores and recomputed financials, for reports and pipelines. */
  static void insights(Insights insights, JsonGenerator json) {
    json.writeArrayPropertyStart("gates");
    for (GateEvaluation g : insights.gates()) {
      ObjectNode n = NODES.objectNode();
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
      json.writeTree(n);
    }
    json.writeEndArray();
    json.writeArrayPropertyStart("vendors");
    for (Insights.VendorRating v : insights.vendors()) {
      ObjectNode n = NODES.objectNode();
      n.put("evaluation", v.evaluation());
      n.put("vendor", v.vendor().id());
      n.put("name", v.vendor().name());
      n.put("weightedPct", v.score().weightedPct());
      n.put("band", v.score().band().id());
      n.put("declared", v.vendor().decision());
      ObjectNode means = n.putObject("means");
      v.score().means().forEach(means::put);
      json.writeTree(n);
    }
    json.writeEndArray();
    json.writeArrayPropertyStart("businessCases");
    for (Insights.CaseFigures c : insights.businessCases()) {
      ObjectNode n = NODES.objectNode();
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
      json.writeTree(n);
    }
    json.writeEndArray();
    json.writeArrayPropertyStart("vendorSensitivity");
    for (VendorSensitivity s : insights.vendorSensitivity()) {
      ObjectNode n = NODES.objectNode();
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
      json.writeTree(n);
    }
    json.writeEndArray();
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
