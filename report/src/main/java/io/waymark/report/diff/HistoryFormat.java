package io.waymark.report.diff;

import io.waymark.engine.Analyses;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.analysis.MilestoneSlips;
import io.waymark.engine.analysis.PlanChange;
import io.waymark.engine.analysis.PlanChurn;
import io.waymark.engine.analysis.RoadmapState;
import io.waymark.engine.analysis.UpdateWindows;
import io.waymark.engine.diff.ChangeReasons;
import io.waymark.engine.diff.HistoryReport;
import io.waymark.engine.finding.Numbers;
import io.waymark.engine.history.Commit;
import io.waymark.engine.history.Coverage;
import io.waymark.report.text.MarkdownText;
import io.waymark.report.text.TerminalText;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The output of {@code waymark history}: text for people, Markdown for pages and job summaries,
 * JSON for reports and pipelines.
 */
public final class HistoryFormat {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private HistoryFormat() {}

  /**
   * @param windowsUntil the roadmap's end (start + horizon), to list its update windows
   */
  public static String text(HistoryReport report, String root, Optional<LocalDate> windowsUntil) {
    return render(report, root, windowsUntil, false);
  }

  /**
   * The same history as GitHub-flavoured Markdown (a wiki page, a job summary, a review's
   * appendix): headings, lists and a milestones table; every text from the repository escaped, so
   * none becomes a link, an image, HTML or a table cell of its own.
   */
  public static String markdown(
      HistoryReport report, String root, Optional<LocalDate> windowsUntil) {
    return render(report, root, windowsUntil, true);
  }

  /** One line of a list, with the lines below it (a milestone's re-plans, a gate's changes). */
  private record Item(String line, List<String> below) {}

  private static String render(
      HistoryReport report, String root, Optional<LocalDate> windowsUntil, boolean markdown) {
    List<String> notes = new ArrayList<>();
    report.limitation().ifPresent(l -> notes.add(l + ": the history below is what is there"));
    for (Coverage c : report.coverage().values()) {
      if (c.extent() == Coverage.Extent.PARTIAL) {
        notes.add(c.statement().orElseThrow());
      }
    }
    Optional<String> remedy =
        report.coverage().values().stream()
            .flatMap(c -> c.gap().stream())
            .findFirst()
            .map(g -> g.remedy());
    String commits =
        report.commits()
            + (report.commits() == 1 ? " commit" : " commits")
            + " changed the roadmap";
    StringBuilder out = new StringBuilder();
    if (markdown) {
      out.append("### Waymark history: ")
          .append(MarkdownText.escape(root))
          .append("\n\nAs of ")
          .append(report.asOf())
          .append(": ")
          .append(commits)
          .append(".\n");
      for (String n : notes) {
        out.append("\n> **Note:** ").append(MarkdownText.escape(n)).append('\n');
      }
      remedy.ifPresent(r -> out.append(">\n> ").append(MarkdownText.escape(r)).append('\n'));
    } else {
      out.append("waymark history: ")
          .append(TerminalText.escape(root))
          .append(" (as of ")
          .append(report.asOf())
          .append("): ")
          .append(commits)
          .append('\n');
      notes.forEach(n -> out.append("note: ").append(TerminalText.escape(n)).append('\n'));
      remedy.ifPresent(r -> out.append("      ").append(r).append('\n'));
    }

    if (!report.milestones().isEmpty()) {
      if (markdown) {
        milestonesMarkdown(out, report.milestones());
      } else {
        milestonesText(out, report.milestones());
      }
    }

    report
        .churn()
        .ifPresent(
            churn -> {
              UpdateWindows windows = churn.windows();
              List<String> list = new ArrayList<>();
              LocalDate end = windowsUntil.orElse(windows.start().plusMonths(18));
              for (int k = 0; windows.window(k).from().isBefore(end); k++) {
                list.add(windows.window(k).toString());
              }
              List<Item> items = new ArrayList<>();
              if (churn.changes().isEmpty()) {
                items.add(new Item("none since the first commit", List.of()));
              }
              for (PlanChange change : churn.changes()) {
                Commit c = change.state().commit().orElseThrow();
                items.add(
                    new Item(
                        c.date()
                            + " "
                            + c.shortId()
                            + (c.date().isBefore(windows.start())
                                ? "  (before the start: drafting)"
                                : windows.contains(c.date())
                                    ? "  (in an update window)"
                                    : "  (outside the update windows)"),
                        change.what()));
              }
              items.add(
                  new Item(
                      "churn: the plan changed outside the update windows in "
                          + churn.months().size()
                          + " of the last 6 months"
                          + (churn.months().isEmpty()
                              ? ""
                              : " (" + String.join(", ", months(churn)) + ")")
                          + (churn.churning() ? ": more than 2, roadmap-churn" : ""),
                      List.of()));
              section(
                  out,
                  markdown,
                  "Plan changes (update windows: " + String.join(", ", list) + ")",
                  items);
            });

    if (!report.gates().isEmpty()) {
      List<Item> items = new ArrayList<>();
      for (HistoryReport.GateHistory g : report.gates()) {
        List<String> below = new ArrayList<>();
        for (HistoryReport.GateStatusChange c : g.changes()) {
          below.add(
              c.from()
                  + " → "
                  + c.to()
                  + " in "
                  + c.state().where()
                  + c.decidedOn().map(d -> ", decidedOn " + d).orElse(""));
        }
        items.add(
            new Item(
                g.gate()
                    + " ("
                    + g.phase()
                    + "): "
                    + g.initialStatus()
                    + " since "
                    + g.firstSeen().where(),
                below));
      }
      section(out, markdown, "Gates", items);
    }

    if (!report.metrics().isEmpty()) {
      List<Item> items = new ArrayList<>();
      for (HistoryReport.MetricHistory m : report.metrics()) {
        List<String> below = new ArrayList<>();
        for (HistoryReport.Recording r : m.recordings()) {
          List<String> parts = new ArrayList<>();
          r.added().forEach(p -> parts.add("+" + p.date() + " " + Numbers.plain(p.value())));
          r.revised()
              .forEach(
                  p ->
                      parts.add(
                          p.date()
                              + " "
                              + Numbers.plain(p.from())
                              + " → "
                              + Numbers.plain(p.to())));
          r.removed().forEach(d -> parts.add("-" + d));
          below.add(
              r.commit().map(c -> c.shortId() + " (" + c.date() + ")").orElse("working tree")
                  + ": "
                  + String.join(", ", parts));
        }
        items.add(new Item(m.id() + " (" + m.unit() + ", " + m.file() + ")", below));
      }
      section(out, markdown, "Metrics (data points as they were recorded)", items);
    }

    if (!report.notes().isEmpty()) {
      section(
          out,
          markdown,
          "Notes",
          report.notes().stream().map(n -> new Item(n, List.of())).toList());
    }
    return out.toString();
  }

  /** A titled list: indented lines in the text, a heading and a nested list in Markdown. */
  private static void section(StringBuilder out, boolean markdown, String title, List<Item> items) {
    if (markdown) {
      out.append("\n#### ").append(MarkdownText.escape(title)).append("\n\n");
      markdownList(out, items);
      return;
    }
    out.append('\n').append(title).append('\n');
    for (Item item : items) {
      out.append("  ").append(TerminalText.escape(item.line())).append('\n');
      item.below().forEach(b -> out.append("      ").append(TerminalText.escape(b)).append('\n'));
    }
  }

  /** Each item a list entry, the lines below it nested under it. */
  private static void markdownList(StringBuilder out, List<Item> items) {
    for (Item item : items) {
      out.append("- ").append(MarkdownText.escape(item.line())).append('\n');
      item.below().forEach(b -> out.append("  - ").append(MarkdownText.escape(b)).append('\n'));
    }
  }

  private static void milestonesText(
      StringBuilder out, List<MilestoneSlips.MilestoneHistory> milestones) {
    out.append("\nMilestones (first planned → now; re-plans; total slip)\n");
    int width = milestones.stream().mapToInt(m -> m.milestone().id().length()).max().orElse(0);
    for (MilestoneSlips.MilestoneHistory m : milestones) {
      out.append("  ")
          .append(pad(TerminalText.escape(m.milestone().id()), width))
          .append("  ")
          .append(
              m.originalDue().equals(m.currentDue())
                  ? m.currentDue() + "             "
                  : m.originalDue() + " → " + m.currentDue())
          .append("  ")
          .append(m.moves().size())
          .append(m.moves().size() == 1 ? " re-plan " : " re-plans")
          .append("  ")
          .append(days(m.totalSlipDays()))
          .append('\n');
      for (String move : moves(m)) {
        out.append("      ").append(TerminalText.escape(move)).append('\n');
      }
    }
  }

  private static void milestonesMarkdown(
      StringBuilder out, List<MilestoneSlips.MilestoneHistory> milestones) {
    out.append("\n#### Milestones\n\n")
        .append("| Milestone | First planned | Now | Re-plans | Total slip |\n")
        .append("|---|---|---|---|---|\n");
    for (MilestoneSlips.MilestoneHistory m : milestones) {
      out.append("| ")
          .append(MarkdownText.escape(m.milestone().id()))
          .append(" | ")
          .append(m.originalDue())
          .append(" | ")
          .append(m.currentDue())
          .append(" | ")
          .append(m.moves().size())
          .append(" | ")
          .append(days(m.totalSlipDays()))
          .append(" |\n");
    }
    List<Item> replans = new ArrayList<>();
    for (MilestoneSlips.MilestoneHistory m : milestones) {
      if (!m.moves().isEmpty()) {
        replans.add(new Item(m.milestone().id(), moves(m)));
      }
    }
    if (!replans.isEmpty()) {
      out.append(
          "\nRe-plans, with the reason recorded in `replanned` (else the commit's message):\n\n");
      markdownList(out, replans);
    }
  }

  /** Each re-plan of a milestone, with its reason: "2027-05-28 → 2027-06-04 in …; why: …". */
  private static List<String> moves(MilestoneSlips.MilestoneHistory m) {
    List<Optional<String>> reasons = ChangeReasons.of(m);
    List<String> out = new ArrayList<>();
    for (int k = 0; k < m.moves().size(); k++) {
      out.add(m.moves().get(k).describe() + reasons.get(k).map(r -> "; why: " + r).orElse(""));
    }
    return out;
  }

  private static List<String> months(PlanChurn churn) {
    return churn.months().keySet().stream().map(YearMonth::toString).toList();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }

  private static String days(long days) {
    if (days == 0) {
      return "no slip";
    }
    return (days > 0 ? "+" : "") + days + (Math.abs(days) == 1 ? " day" : " days");
  }

  // ---------------------------------------------------------------- JSON

  /**
   * The {@code historyCoverage} of a validation whose history rules read the Git history; nothing
   * when none did.
   */
  public static void historyCoverage(ValidationResult result, ObjectNode root) {
    result.history().ifPresent(h -> historyCoverage(result.analyses(), root));
  }

  /**
   * How far the Git history answered the history rules' questions, per rule: "full", "partial"
   * (with where and why the history ends) or "none".
   */
  public static void historyCoverage(Analyses analyses, ObjectNode root) {
    ObjectNode coverage = root.putObject("historyCoverage");
    analyses.coverage().forEach((rule, c) -> coverage(coverage.putObject(rule), c));
  }

  /** One section's coverage: {"extent": "partial", "question", "knownSince", "reason", ...}. */
  public static void coverage(ObjectNode n, Coverage c) {
    n.put("extent", c.extent().name().toLowerCase(java.util.Locale.ROOT));
    n.put("question", c.question());
    c.since().ifPresent(d -> n.put("since", d.toString()));
    c.gap()
        .ifPresent(
            g -> {
              n.put("knownSince", g.knownSince().toString());
              n.put("boundary", g.from().id());
              n.put("cause", g.kind().name().toLowerCase(java.util.Locale.ROOT));
              n.put("reason", g.reason());
              n.put("remedy", g.remedy());
            });
    c.reason().ifPresent(r -> n.put("reason", r));
    c.statement().ifPresent(st -> n.put("statement", st));
  }

  /**
   * @param version the version of Waymark that read the history, for the {@code tool} object
   */
  public static String json(HistoryReport report, String root, String version) {
    return JsonMapper.builder()
            .build()
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(tree(report, root, version))
        + System.lineSeparator();
  }

  public static ObjectNode tree(HistoryReport report, String root, String version) {
    ObjectNode json = NODES.objectNode();
    ObjectNode tool = json.putObject("tool");
    tool.put("name", "waymark");
    tool.put("version", version);
    json.put("root", root);
    json.put("asOf", report.asOf().toString());
    json.put("commits", report.commits());
    if (report.limitation().isPresent()) {
      json.put("limitation", report.limitation().get());
    } else {
      json.putNull("limitation");
    }
    ObjectNode coverage = json.putObject("coverage");
    report.coverage().forEach((section, c) -> coverage(coverage.putObject(section), c));

    ArrayNode milestones = json.putArray("milestones");
    for (MilestoneSlips.MilestoneHistory m : report.milestones()) {
      ObjectNode n = milestones.addObject();
      n.put("id", m.milestone().id());
      n.put("title", m.milestone().title());
      n.put("originalDue", m.originalDue().toString());
      state(n, "firstPlanned", m.firstPlanned());
      n.put("currentDue", m.currentDue().toString());
      n.put("replans", m.moves().size());
      n.put("slips", m.slips().size());
      n.put("totalSlipDays", m.totalSlipDays());
      ArrayNode moves = n.putArray("moves");
      List<Optional<String>> reasons = ChangeReasons.of(m);
      for (int k = 0; k < m.moves().size(); k++) {
        MilestoneSlips.Move move = m.moves().get(k);
        ObjectNode mn = moves.addObject();
        reasons.get(k).ifPresent(r -> mn.put("reason", r));
        mn.put("from", move.from().toString());
        mn.put("to", move.to().toString());
        mn.put("days", move.days());
        commit(mn, move.state());
      }
    }

    ObjectNode churn = json.putObject("churn");
    report
        .churn()
        .ifPresent(
            c -> {
              churn.put("start", c.windows().start().toString());
              ArrayNode windows = churn.putArray("updateWindows");
              for (int k = 0; k < 4; k++) {
                ObjectNode w = windows.addObject();
                w.put("from", c.windows().window(k).from().toString());
                w.put("to", c.windows().window(k).to().toString());
              }
              ArrayNode changes = churn.putArray("changes");
              for (PlanChange change : c.changes()) {
                ObjectNode cn = changes.addObject();
                commit(cn, change.state());
                cn.put(
                    "inUpdateWindow",
                    c.windows().contains(change.state().commit().orElseThrow().date()));
                ArrayNode what = cn.putArray("what");
                change.what().forEach(what::add);
              }
              ArrayNode months = churn.putArray("months");
              for (Map.Entry<YearMonth, List<PlanChange>> e : c.months().entrySet()) {
                ObjectNode mn = months.addObject();
                mn.put("month", e.getKey().toString());
                ArrayNode commits = mn.putArray("commits");
                e.getValue()
                    .forEach(pc -> commits.add(pc.state().commit().map(Commit::id).orElse("")));
              }
              churn.put("churning", c.churning());
            });

    ArrayNode gates = json.putArray("gates");
    for (HistoryReport.GateHistory g : report.gates()) {
      ObjectNode n = gates.addObject();
      n.put("phase", g.phase());
      n.put("gate", g.gate());
      n.put("initialStatus", g.initialStatus());
      state(n, "firstSeen", g.firstSeen());
      ArrayNode changes = n.putArray("changes");
      for (HistoryReport.GateStatusChange c : g.changes()) {
        ObjectNode cn = changes.addObject();
        cn.put("from", c.from());
        cn.put("to", c.to());
        c.decidedOn().ifPresent(d -> cn.put("decidedOn", d.toString()));
        commit(cn, c.state());
      }
    }

    ArrayNode metrics = json.putArray("metrics");
    for (HistoryReport.MetricHistory m : report.metrics()) {
      ObjectNode n = metrics.addObject();
      n.put("file", m.file());
      n.put("id", m.id());
      n.put("name", m.name());
      n.put("unit", m.unit());
      ArrayNode recordings = n.putArray("recordings");
      for (HistoryReport.Recording r : m.recordings()) {
        ObjectNode rn = recordings.addObject();
        if (r.commit().isPresent()) {
          commit(rn, r.commit().get());
        } else {
          rn.put("workTree", true);
        }
        ArrayNode added = rn.putArray("added");
        r.added()
            .forEach(
                p -> {
                  ObjectNode pn = added.addObject();
                  pn.put("date", p.date().toString());
                  pn.put("value", p.value());
                });
        ArrayNode revised = rn.putArray("revised");
        r.revised()
            .forEach(
                p -> {
                  ObjectNode pn = revised.addObject();
                  pn.put("date", p.date().toString());
                  pn.put("from", p.from());
                  pn.put("to", p.to());
                });
        ArrayNode removed = rn.putArray("removed");
        r.removed().forEach(d -> removed.add(d.toString()));
      }
    }

    ArrayNode notes = json.putArray("notes");
    report.notes().forEach(notes::add);
    return json;
  }

  private static void state(ObjectNode n, String key, RoadmapState state) {
    ObjectNode s = n.putObject(key);
    commit(s, state);
  }

  private static void commit(ObjectNode n, RoadmapState state) {
    if (state.commit().isPresent()) {
      commit(n, state.commit().get());
    } else {
      n.put("workTree", true);
    }
  }

  private static void commit(ObjectNode n, Commit c) {
    n.put("commit", c.id());
    n.put("shortId", c.shortId());
    n.put("date", c.date().toString());
    n.put("subject", c.subject());
    n.put("merge", c.parents() > 1);
  }
}
