package io.waymark.engine.fix;

import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.vendor.VendorScore;
import io.waymark.engine.yaml.YamlSpans;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans the mechanical, safe fixes of a validation's findings: each one replaces exactly the scalar
 * a finding points at (or adds one missing key), so comments, key order, quoting and indentation
 * stay byte for byte as they were. Only values Waymark computes are ever written:
 *
 * <ul>
 *   <li>{@code bc-financials-mismatch}: a declared ROI, NPV, IRR or payback set to the computed
 *       value, with the declared value's decimals (at least none for NPV and payback, one for ROI
 *       and IRR, more when needed to fall within the tolerance);
 *   <li>{@code vendor-decision-mismatch}: a vendor's decision set to the band of its weighted
 *       score;
 *   <li>{@code vendor-score-mismatch}: a vendor's declared {@code weightedScorePct} set to the
 *       computed weighted score (decimals as for ROI);
 *   <li>{@code history-rewritten} (with a base revision): a done milestone whose {@code
 *       completedOn} was removed gets back the date recorded at the base, on a new line after its
 *       {@code status} (block mappings only);
 *   <li>{@code milestone-done-undated}: a done milestone without {@code completedOn} gets the date
 *       of the commit that first marked it done, when the Git history gives one, inserted the same
 *       way.
 * </ul>
 *
 * Nothing that is a decision someone must take is ever changed: no gate status, no approval, no
 * waiver, no date other than a completion already recorded. Findings of other rules have no fix.
 *
 * <p>Use it through the facade: {@code ValidationResult.fixes(texts)} or, for a checkout, {@code
 * Checkout.fixes(result)}; then {@link FixPlan#apply} gives the corrected text of each file, and a
 * language server turns each {@link Fix} into a code action (its {@link TextEdit}s carry line and
 * column ranges):
 *
 * <pre>{@code
 * try (Checkout checkout = waymark.open(Waymark.Request.folder(dir, "."), options)) {
 *   ValidationResult result = checkout.validate();
 *   FixPlan plan = checkout.fixes(result);
 *   for (String file : plan.files()) {
 *     String fixed = plan.apply(file, textOf(file));
 *   }
 * }
 * }</pre>
 */
public final class Fixes {

  /** The rules whose findings can have a fix. */
  public static final Set<String> RULES =
      Set.of(
          "bc-financials-mismatch",
          "vendor-decision-mismatch",
          "vendor-score-mismatch",
          "history-rewritten",
          "milestone-done-undated");

  private static final Pattern RECORDED_DATE =
      Pattern.compile("recorded completion date (\\d{4}-\\d{2}-\\d{2})");

  /**
   * The date the Git history gives a done milestone, as the milestone-done-undated hint names it.
   */
  private static final Pattern MARKED_DONE =
      Pattern.compile("Add completedOn: (\\d{4}-\\d{2}-\\d{2})");

  private static final int MAX_DECIMALS = 6;

  private final Plan plan;
  private final Function<String, Optional<String>> texts;
  private final Map<String, Optional<YamlSpans>> spans = new HashMap<>();
  private final List<Fix> fixes = new ArrayList<>();
  private final List<FixPlan.Skipped> skipped = new ArrayList<>();

  private Fixes(Plan plan, Function<String, Optional<String>> texts) {
    this.plan = plan;
    this.texts = texts;
  }

  /**
   * The fixes of {@code findings} (a validation's findings on {@code plan}).
   *
   * @param texts the text of a file (relative path, as in findings) as it was validated; empty for
   *     a file that cannot be read, whose findings then have no fix
   */
  public static FixPlan plan(
      Plan plan, List<Finding> findings, Function<String, Optional<String>> texts) {
    Fixes planner = new Fixes(plan, texts);
    // A file that fails its schema or cannot be parsed was judged without the parts that fail (a
    // cost item written "70,000" is left out of the case): the figures computed from the rest are
    // not the file's, and declaring them would overwrite values the author may have got right.
    Set<String> unsound = new HashSet<>();
    for (Finding f : findings) {
      if (f.rule().equals("schema") || f.rule().equals("yaml-syntax")) {
        unsound.add(f.location().file());
      }
    }
    for (Finding f : findings) {
      if (!RULES.contains(f.rule())) {
        continue;
      }
      if (unsound.contains(f.location().file())) {
        planner.skip(
            f,
            "the file has schema errors, so this was judged without the parts that fail them;"
                + " fix the schema errors first, then run waymark fix again");
      } else {
        planner.fix(f);
      }
    }
    return new FixPlan(planner.withoutOverlaps(), planner.skipped);
  }

  private void fix(Finding finding) {
    switch (finding.rule()) {
      case "bc-financials-mismatch" -> financials(finding);
      case "vendor-decision-mismatch" -> decision(finding);
      case "vendor-score-mismatch" -> weightedScore(finding);
      case "history-rewritten" -> completedOn(finding);
      case "milestone-done-undated" -> markedDone(finding);
      default -> {
        // no fix for this rule
      }
    }
  }

  private void financials(Finding finding) {
    for (BusinessCase bc : plan.businessCases()) {
      BusinessCase.Declared declared = bc.financials().declared();
      for (String field : List.of("npv", "irr", "roi", "paybackMonths")) {
        if (sameFile(declared.at().file(), finding)
            && declared.at().location(field).equals(finding.location())
            && finding.path().endsWith("/" + field)) {
          financial(finding, bc, field);
          return;
        }
      }
    }
  }

  private void financial(Finding finding, BusinessCase bc, String field) {
    CaseFinancials computed = CaseFinancials.of(bc);
    Optional<BigDecimal> value =
        switch (field) {
          case "npv" -> Optional.of(computed.npv());
          case "irr" -> computed.irr();
          case "roi" -> computed.roi();
          default -> computed.paybackMonths().map(BigDecimal::valueOf);
        };
    if (value.isEmpty()) {
      skip(finding, "there is no computed " + field + " to declare; remove it or fix the flows");
      return;
    }
    Optional<YamlSpans.Scalar> scalar = scalar(finding);
    if (scalar.isEmpty()) {
      return;
    }
    int minimum = field.equals("roi") || field.equals("irr") ? 1 : 0;
    String text =
        field.equals("paybackMonths")
            ? value.get().setScale(0, RoundingMode.HALF_UP).toPlainString()
            : number(value.get(), scalar.get().value(), minimum, plan.config().tolerancePct());
    replace(finding, scalar.get(), text, "set " + field + " to the computed " + text);
  }

  private void decision(Finding finding) {
    for (VendorEvaluation evaluation : plan.vendorEvaluations()) {
      for (VendorEvaluation.Vendor vendor : evaluation.vendors()) {
        if (sameFile(vendor.at().file(), finding)
            && vendor.at().location("decision").equals(finding.location())
            && finding.path().endsWith("/decision")) {
          String band = VendorScore.of(evaluation, vendor).band().id();
          scalar(finding)
              .ifPresent(
                  s ->
                      replace(
                          finding,
                          s,
                          band,
                          "set the decision of vendor '"
                              + vendor.id()
                              + "' to its computed band "
                              + band));
          return;
        }
      }
    }
  }

  private void weightedScore(Finding finding) {
    for (VendorEvaluation evaluation : plan.vendorEvaluations()) {
      for (VendorEvaluation.Vendor vendor : evaluation.vendors()) {
        if (sameFile(vendor.at().file(), finding)
            && vendor.at().location("weightedScorePct").equals(finding.location())
            && finding.path().endsWith("/weightedScorePct")) {
          BigDecimal computed = VendorScore.of(evaluation, vendor).weightedPct();
          scalar(finding)
              .ifPresent(
                  s -> {
                    String text = number(computed, s.value(), 1, plan.config().tolerancePct());
                    replace(
                        finding,
                        s,
                        text,
                        "set the weighted score of vendor '"
                            + vendor.id()
                            + "' to the computed "
                            + text);
                  });
          return;
        }
      }
    }
  }

  private void completedOn(Finding finding) {
    Matcher date = RECORDED_DATE.matcher(finding.hint());
    if (!date.find()) {
      return;
    }
    for (Roadmap roadmap : plan.roadmaps()) {
      for (Milestone m : roadmap.milestones()) {
        if (sameFile(m.at().file(), finding)
            && m.status() == Milestone.Status.DONE
            && m.completedOn().isEmpty()
            && m.at().location("completedOn").equals(finding.location())) {
          insertCompletedOn(finding, m, date.group(1), "the date recorded at the base");
          return;
        }
      }
    }
  }

  /** A done milestone without completedOn gets the date of the commit that marked it done. */
  private void markedDone(Finding finding) {
    Matcher date = MARKED_DONE.matcher(finding.hint());
    if (!date.find()) {
      return; // no date in the data: a person must say it
    }
    for (Roadmap roadmap : plan.roadmaps()) {
      for (Milestone m : roadmap.milestones()) {
        if (sameFile(m.at().file(), finding)
            && m.status() == Milestone.Status.DONE
            && m.completedOn().isEmpty()
            && m.at().location("status").equals(finding.location())) {
          insertCompletedOn(
              finding, m, date.group(1), "the date of the commit that first marked it done");
          return;
        }
      }
    }
  }

  private void insertCompletedOn(Finding finding, Milestone m, String date, String source) {
    Location at = m.at().location();
    Optional<YamlSpans> file = spans(finding.file());
    Optional<YamlSpans.Mapping> mapping = file.flatMap(s -> s.mappingAt(at.line(), at.column()));
    if (mapping.isEmpty()) {
      skip(finding, "the milestone's mapping was not found in the file as validated");
      return;
    }
    if (mapping.get().flow()) {
      skip(
          finding,
          "milestone '"
              + m.id()
              + "' is written as a flow mapping ({...}); add 'completedOn: "
              + date
              + "' by hand");
      return;
    }
    Optional<YamlSpans.Entry> status = mapping.get().entry("status");
    if (status.isEmpty()) {
      skip(finding, "milestone '" + m.id() + "' has no status key to add completedOn after");
      return;
    }
    String text = texts.apply(finding.file()).orElseThrow();
    int keyStart = status.get().key().start();
    int lineStart = lineStart(text, keyStart);
    String before = text.substring(lineStart, keyStart);
    String indent = before.isBlank() ? before : " ".repeat(status.get().key().column() - 1);
    int lineEnd = status.get().valueEnd();
    while (lineEnd < text.length()
        && text.charAt(lineEnd) != '\n'
        && text.charAt(lineEnd) != '\r') {
      lineEnd++;
    }
    String newline = lineEnd < text.length() ? lineBreak(text, lineEnd) : "";
    int insertAt = lineEnd + newline.length();
    String line = indent + "completedOn: " + date;
    String inserted =
        newline.isEmpty() ? (text.contains("\r\n") ? "\r\n" : "\n") + line : line + newline;
    fixes.add(
        new Fix(
            finding,
            "add completedOn: " + date + " to done milestone '" + m.id() + "' (" + source + ")",
            List.of(TextEdit.of(text, insertAt, insertAt, inserted))));
  }

  private static int lineStart(String text, int offset) {
    int i = offset;
    while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
      i--;
    }
    return i;
  }

  private static String lineBreak(String text, int at) {
    if (text.charAt(at) == '\r') {
      return at + 1 < text.length() && text.charAt(at + 1) == '\n' ? "\r\n" : "\r";
    }
    return "\n";
  }

  /** The scalar a finding points at, or a skip that says why there is none. */
  private Optional<YamlSpans.Scalar> scalar(Finding finding) {
    Optional<YamlSpans.Scalar> scalar =
        spans(finding.file()).flatMap(s -> s.scalarAt(finding.line(), finding.column()));
    if (scalar.isEmpty()) {
      skip(finding, "the value was not found in the file as validated");
    }
    return scalar;
  }

  private void replace(Finding finding, YamlSpans.Scalar scalar, String value, String what) {
    if (spans(finding.file()).map(s -> s.aliased(scalar)).orElse(false)) {
      String anchor = scalar.anchor().orElseThrow();
      skip(
          finding,
          "the value is the anchor &"
              + anchor
              + ", which the alias *"
              + anchor
              + " shares elsewhere in the file, so changing it here changes it there too; set it"
              + " to "
              + value
              + " by hand where it belongs");
      return;
    }
    String token;
    switch (scalar.style()) {
      case PLAIN -> token = value;
      case SINGLE_QUOTED -> token = "'" + value.replace("'", "''") + "'";
      case DOUBLE_QUOTED -> token = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      default -> {
        skip(finding, "the value is a block scalar (| or >); set it to " + value + " by hand");
        return;
      }
    }
    String text = texts.apply(finding.file()).orElseThrow();
    fixes.add(
        new Fix(
            finding,
            what + " (was " + scalar.value() + ")",
            List.of(TextEdit.of(text, scalar.start(), scalar.end(), token))));
  }

  private Optional<YamlSpans> spans(String file) {
    return spans.computeIfAbsent(
        file,
        f -> {
          Optional<String> text = texts.apply(f);
          if (text.isEmpty()) {
            return Optional.empty();
          }
          try {
            return Optional.of(YamlSpans.of(text.get()));
          } catch (IllegalArgumentException e) {
            return Optional.empty();
          }
        });
  }

  private void skip(Finding finding, String reason) {
    skipped.add(new FixPlan.Skipped(finding, reason));
  }

  private static boolean sameFile(String file, Finding finding) {
    return file.equals(finding.file());
  }

  /**
   * {@code computed} written like the declared value: with its decimals (at least {@code minimum}),
   * and more when rounding to them would leave the value outside the tolerance.
   */
  static String number(BigDecimal computed, String declared, int minimum, BigDecimal tolerancePct) {
    int decimals = minimum;
    Matcher m = Pattern.compile("[-+]?\\d*\\.(\\d*)").matcher(declared.strip());
    if (m.matches()) {
      decimals = Math.max(minimum, m.group(1).length());
    }
    BigDecimal allowed =
        computed.abs().multiply(tolerancePct.max(BigDecimal.ZERO)).movePointLeft(2);
    BigDecimal rounded = computed.setScale(decimals, RoundingMode.HALF_UP);
    while (decimals < MAX_DECIMALS && rounded.subtract(computed).abs().compareTo(allowed) > 0) {
      decimals++;
      rounded = computed.setScale(decimals, RoundingMode.HALF_UP);
    }
    return rounded.toPlainString();
  }

  /** The fixes, without any whose edits overlap an earlier fix's in the same file. */
  private List<Fix> withoutOverlaps() {
    List<Fix> kept = new ArrayList<>();
    for (Fix f : fixes) {
      if (restoredFromTheBase(f)) {
        continue; // history-rewritten restores the same line with the date recorded at the base
      }
      boolean overlaps =
          kept.stream()
              .filter(k -> k.file().equals(f.file()))
              .flatMap(k -> k.edits().stream())
              .anyMatch(k -> f.edits().stream().anyMatch(e -> overlap(k, e)));
      if (overlaps) {
        skip(f.finding(), "another fix edits the same place");
      } else {
        kept.add(f);
      }
    }
    return kept;
  }

  /**
   * A milestone-done-undated fix for a milestone whose completedOn history-rewritten restores: the
   * date recorded at the base wins over the date of the commit that marked it done.
   */
  private boolean restoredFromTheBase(Fix f) {
    return f.finding().rule().equals("milestone-done-undated")
        && fixes.stream()
            .anyMatch(
                o ->
                    o.finding().rule().equals("history-rewritten")
                        && o.file().equals(f.file())
                        && o.edits().get(0).start() == f.edits().get(0).start());
  }

  private static boolean overlap(TextEdit a, TextEdit b) {
    if (a.start() == a.end() || b.start() == b.end()) {
      return a.start() == b.start()
          || (b.start() > a.start() && b.start() < a.end())
          || (a.start() > b.start() && a.start() < b.end());
    }
    return a.start() < b.end() && b.start() < a.end();
  }
}
