package io.waymark.cli;

import io.waymark.engine.Waymark;
import io.waymark.engine.model.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a new roadmap repository ({@code waymark init}): one document of every kind,
 * rendered from the text templates in {@code io/waymark/cli/scaffold/} with plain {@code {{name}}}
 * replacement, the bundled JSON Schemas under {@code .waymark/schema/}, editor settings, and a
 * {@code .waymark/.gitignore} that keeps the cache ({@code .waymark/cache/}) out of Git. Every date
 * is relative to the day of the scaffold or the chosen start, so the result validates clean on that
 * day: milestones and targets lie ahead (with a start far back, those already due are named), the
 * assessment and every metric have a data point that day, and the board's decisions precede the
 * work they approve (see {@link Settings}).
 */
final class Scaffold {

  /** Where the schemas go, relative to the repository root; the modelines point there. */
  static final String SCHEMA_DIR = ".waymark/schema";

  /** The horizon of the scaffolded roadmap, in months (the methodology's 12-18). */
  static final int HORIZON_MONTHS = 18;

  /** The first line of every scaffolded YAML file, before the schema path. */
  static final String MODELINE = "# yaml-language-server: $schema=";

  private static final String TEMPLATE_DIR = "io/waymark/cli/scaffold/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9.]+)}}");

  /**
   * What the user chose.
   *
   * @param organisation the organisation's name, as written into {@code waymark.yaml}
   * @param currency an ISO 4217 code
   * @param start the roadmap's first day
   * @param today the day of the scaffold (UTC): the date of the assessment, the metric points and
   *     the use cases' status, the state of things as it is recorded now
   * @param decided the date of the board's decisions and of the business case's approval
   */
  record Settings(
      String organisation, String currency, LocalDate start, LocalDate today, LocalDate decided) {

    /**
     * A new repository's settings: the board approved the roadmap, its business case and its vendor
     * before the work they fund began, so they are dated the start when it is past (a roadmap
     * scaffolded months into its run was not approved on the day it was written down: decisions
     * dated months after the phase they let start, listed as this quarter's news in the QBR, and
     * later than any gate decided since), else today.
     */
    Settings(String organisation, String currency, LocalDate start, LocalDate today) {
      this(organisation, currency, start, today, start.isBefore(today) ? start : today);
    }
  }

  /** One file to write, by its path relative to the repository root ('/' separators). */
  record File(String path, String text) {}

  /** A template: its resource, the file it becomes, and the kind of document it holds. */
  private record Template(String resource, String path, Optional<Kind> kind) {}

  private Scaffold() {}

  /** The default start: the first Monday of the current month (which may still lie ahead). */
  static LocalDate defaultStart(LocalDate today) {
    return today.withDayOfMonth(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
  }

  /** Every file of the scaffold, in the order they are written. */
  static List<File> files(Settings settings) {
    Map<String, String> values = values(settings);
    List<File> files = new ArrayList<>();
    for (Template t : templates(settings.today())) {
      String text = render(t.resource(), values);
      if (t.kind().isPresent()) {
        text = modeline(t.path(), t.kind().get().schemaFile()) + "\n" + text;
      }
      files.add(new File(t.path(), text));
    }
    files.addAll(schemas());
    return files;
  }

  /** The bundled JSON Schemas as files of {@link #SCHEMA_DIR}. */
  static List<File> schemas() {
    List<File> files = new ArrayList<>();
    for (String schema : Waymark.schemaFiles()) {
      files.add(
          new File(
              SCHEMA_DIR + "/" + schema,
              Waymark.schemaText(schema)
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "bundled schema " + schema + " is missing from the jar"))));
    }
    return files;
  }

  /** The modeline of a YAML file: its schema by a path relative to the file's folder. */
  static String modeline(String path, String schemaFile) {
    return modeline(path, SCHEMA_DIR, schemaFile);
  }

  /**
   * The modeline of the YAML file {@code path} whose schema {@code schemaFile} is in {@code
   * schemaFolder}; both paths relative to the repository root ('/' separators, the folder
   * normalised: it may start with '../').
   */
  static String modeline(String path, String schemaFolder, String schemaFile) {
    int depth = (int) path.chars().filter(c -> c == '/').count();
    String folder = schemaFolder.isEmpty() ? "" : schemaFolder + "/";
    return MODELINE + "../".repeat(depth) + folder + schemaFile;
  }

  /** A modeline naming a schema file by a relative path. */
  private static final Pattern RELATIVE_MODELINE =
      Pattern.compile(
          "# yaml-language-server: \\$schema=((?:[A-Za-z0-9._-]+/)*[A-Za-z0-9._-]+\\.schema\\.json)\\s*");

  /**
   * Where the documents of the repository {@code dir} find their schemas: {@link #SCHEMA_DIR} when
   * it holds {@code schemaFile}, else the folder named by the first modeline among {@code files}
   * (repository-relative paths of its YAML files) that holds it, relative to the repository root
   * (this project's example points at {@code ../schema}). Empty when neither does.
   */
  static Optional<String> schemaFolderOf(Path dir, List<String> files, String schemaFile) {
    if (Files.isRegularFile(dir.resolve(SCHEMA_DIR).resolve(schemaFile))) {
      return Optional.of(SCHEMA_DIR);
    }
    for (String file : files) {
      Optional<String> target = modelineTarget(dir.resolve(file));
      if (target.isEmpty()) {
        continue;
      }
      Path parent = Path.of(file).getParent();
      Path schema = (parent == null ? Path.of(target.get()) : parent.resolve(target.get()));
      Path folder = schema.normalize().getParent();
      String name =
          folder == null ? "" : folder.toString().replace(java.io.File.separatorChar, '/');
      if (Files.isRegularFile(dir.resolve(name).resolve(schemaFile))) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /** The relative schema path of the modeline on the first line of {@code file}, if any. */
  private static Optional<String> modelineTarget(Path file) {
    byte[] head = new byte[256];
    int n;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty(); // unreadable: the validate run says why
    }
    String text = new String(head, 0, n, StandardCharsets.UTF_8);
    int end = text.indexOf('\n');
    Matcher m = RELATIVE_MODELINE.matcher(end < 0 ? text : text.substring(0, end));
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static List<Template> templates(LocalDate today) {
    return List.of(
        yaml("waymark.yaml", "waymark.yaml", Kind.CONFIG),
        yaml("roadmap.yaml", "roadmap.yaml", Kind.ROADMAP),
        yaml("assessment.yaml", "assessment/" + today + ".yaml", Kind.ASSESSMENT),
        yaml("business-case.yaml", "business-cases/ai-programme.yaml", Kind.BUSINESS_CASE),
        yaml(
            "vendor-evaluation.yaml",
            "vendors/data-pipeline-platform.yaml",
            Kind.VENDOR_EVALUATION),
        yaml("use-case-idea.yaml", "use-cases/first-use-case.yaml", Kind.USE_CASE),
        yaml("use-case-pilot.yaml", "use-cases/pilot-assistant.yaml", Kind.USE_CASE),
        yaml("metrics.yaml", "metrics/kpis.yaml", Kind.METRICS),
        yaml("governance.yaml", "governance.yaml", Kind.GOVERNANCE),
        new Template("README.md.tmpl", "README.md", Optional.empty()),
        new Template("vscode-settings.json.tmpl", ".vscode/settings.json", Optional.empty()),
        new Template("vscode-extensions.json.tmpl", ".vscode/extensions.json", Optional.empty()),
        new Template("waymark-gitignore.tmpl", ".waymark/.gitignore", Optional.empty()));
  }

  /**
   * The template of one new document of a kind ({@code waymark new}), or empty for the kind that
   * has no second document (Config).
   */
  static Optional<String> templateOf(Kind kind) {
    return switch (kind) {
      case CONFIG -> Optional.empty();
      case ROADMAP -> Optional.of("roadmap.yaml.tmpl");
      case ASSESSMENT -> Optional.of("assessment.yaml.tmpl");
      case BUSINESS_CASE -> Optional.of("business-case.yaml.tmpl");
      case VENDOR_EVALUATION -> Optional.of("vendor-evaluation.yaml.tmpl");
      case USE_CASE -> Optional.of("use-case-idea.yaml.tmpl");
      case METRICS -> Optional.of("metrics.yaml.tmpl");
      case GOVERNANCE -> Optional.of("governance.yaml.tmpl");
    };
  }

  /** One document of a kind rendered with the scaffold's values (no modeline). */
  static String document(Kind kind, Settings settings) {
    String resource =
        templateOf(kind)
            .orElseThrow(() -> new IllegalArgumentException("no template for " + kind.id()));
    return render(resource, values(settings));
  }

  private static Template yaml(String name, String path, Kind kind) {
    return new Template(name + ".tmpl", path, Optional.of(kind));
  }

  /** The placeholder values: names, and dates computed from the start and today. */
  private static Map<String, String> values(Settings s) {
    LocalDate start = s.start();
    LocalDate today = s.today();
    Map<String, String> dues = new LinkedHashMap<>();
    // One milestone in every 90-day increment (months 1-3, 4-6, ... counted from start), two
    // weeks before the increment ends, inside the phase that covers it; phase 1 has a second,
    // earlier one.
    dues.put("due.p1a", due(start, 2).toString());
    dues.put("due.p1b", due(start, 3).toString());
    dues.put("due.p2a", due(start, 6).toString());
    dues.put("due.p2b", due(start, 9).toString());
    dues.put("due.p3a", due(start, 12).toString());
    dues.put("due.p3b", due(start, 15).toString());
    dues.put("due.p3c", due(start, 18).toString());
    Map<String, String> values = new LinkedHashMap<>(dues);
    values.put("organisation", yamlString(s.organisation()));
    values.put("organisationText", s.organisation().replaceAll("\\s+", " ").strip());
    values.put("currency", s.currency());
    values.put("today", today.toString());
    values.put("start", start.toString());
    values.put("horizon", Integer.toString(HORIZON_MONTHS));
    values.put("targetBy", start.plusMonths(HORIZON_MONTHS).minusDays(1).toString());
    values.put("assessmentId", "assessment-" + today);
    values.put("decided", s.decided().toString());
    // The roadmap's approval names the assessment it rests on only when that assessment is not
    // dated after it: the scaffold's assessment records today's state.
    values.put(
        "roadmapDecisionRelatesTo",
        s.decided().isBefore(today) ? "ai-roadmap" : "ai-roadmap, assessment-" + today);
    values.put("phase1Status", start.isAfter(today) ? "planned" : "in-progress");
    return values;
  }

  /** Two weeks before the end of month {@code month} of the roadmap. */
  private static LocalDate due(LocalDate start, int month) {
    return start.plusMonths(month).minusDays(14);
  }

  /**
   * How many scaffolded milestones are due on or before {@code today}: with a start far back, a new
   * roadmap starts with overdue milestones to close or re-plan.
   */
  static long dueBy(LocalDate start, LocalDate today) {
    return java.util.stream.IntStream.of(2, 3, 6, 9, 12, 15, 18)
        .mapToObj(m -> due(start, m))
        .filter(d -> !d.isAfter(today))
        .count();
  }

  /** The last date the scaffold writes for a start: the metrics' targets, end of the horizon. */
  static LocalDate lastDate(LocalDate start) {
    return start.plusMonths(HORIZON_MONTHS).minusDays(1);
  }

  /** The last date a roadmap file can hold (the schemas' dates have four-digit years). */
  static final LocalDate LAST_WRITABLE = LocalDate.of(9999, 12, 31);

  /** The latest start whose every scaffolded date fits in four-digit years. */
  static LocalDate latestStart() {
    LocalDate start = LAST_WRITABLE.minusMonths(HORIZON_MONTHS);
    while (!lastDate(start.plusDays(1)).isAfter(LAST_WRITABLE)) {
      start = start.plusDays(1);
    }
    return start;
  }

  /** The earliest start whose first milestone is still ahead of today. */
  static LocalDate earliestStart(LocalDate today) {
    LocalDate start = today;
    while (due(start.minusDays(1), 2).isAfter(today)) {
      start = start.minusDays(1);
    }
    return start;
  }

  /** Replaces every {@code {{name}}}; a name without a value is a bug in the templates. */
  static String render(String resource, Map<String, String> values) {
    String template = resource(resource);
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException(
            "scaffold template " + resource + " uses unknown placeholder " + m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String resource(String name) {
    try (InputStream in =
        Scaffold.class.getClassLoader().getResourceAsStream(TEMPLATE_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("scaffold template " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scaffold template " + name, e);
    }
  }

  /** A YAML double-quoted scalar: safe for any text, including quotes, colons and '#'. */
  static String yamlString(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            s.append(String.format("\\x%02x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }
}
