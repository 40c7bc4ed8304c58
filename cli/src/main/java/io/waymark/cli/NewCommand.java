package io.waymark.cli;

import io.waymark.engine.Waymark;
import io.waymark.engine.model.Kind;
import io.waymark.report.OutputFolder;
import io.waymark.report.text.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code waymark new KIND [--id ID] [--date DATE] [DIR]}: one new document of a kind, from the
 * scaffold. What a repository keeps one of (a Roadmap, a Governance document, an assessment per
 * date) is refused when it is there already, rather than written and reported by the next validate.
 */
@Command(
    header = "Add one new document of a kind, pre-filled from the scaffold.",
    name = "new",
    mixinStandardHelpOptions = true,
    description =
        "Write one new document of KIND into the roadmap repository DIR (default: the current"
            + " folder), pre-filled like 'waymark init' with the fields its rules need and comments"
            + " that say why. It gets an id no document of DIR uses yet and a path from its kind"
            + " (business-cases/ID.yaml, vendors/, use-cases/, metrics/, assessment/,"
            + " governance/, roadmap/). Its first line points editors at its JSON Schema: in"
            + " .waymark/schema, or where the repository's own files point theirs; a repository"
            + " that keeps none gets them in .waymark/schema. An existing file is never"
            + " overwritten. A repository"
            + " keeps one Roadmap, one Governance document and one assessment per date: a"
            + " second roadmap or governance, or an assessment dated like one DIR has (today,"
            + " unless --date says otherwise), is refused and nothing is written.",
    footer = {
      "",
      "KIND is one of: business-case, vendor-evaluation, use-case, metrics, assessment,",
      "governance, roadmap (or the kind as written in YAML, e.g. BusinessCase; any",
      "case).",
      "",
      "Examples:",
      "  waymark new business-case --id bc-fraud-detection",
      "  waymark new assessment --date 2027-04-30",
      "  waymark new UseCase ai-roadmap"
    })
final class NewCommand implements Callable<Integer> {

  private static final Pattern METADATA_ID =
      Pattern.compile("^metadata:\\n  id: (\\S+)$", Pattern.MULTILINE);
  private static final Pattern NESTED_ID =
      Pattern.compile("^[ \\t-]*id: *[\"']?([A-Za-z0-9._-]+)", Pattern.MULTILINE);
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "KIND", description = "The kind of document to add.")
  String kindName;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The roadmap repository (default: the current folder).")
  Path dir;

  @Option(
      names = "--id",
      paramLabel = "ID",
      description =
          "The new document's id (lower-case words joined by '-', 2 to 63 characters; default:"
              + " derived from the kind, with a number added if taken). An id already used is"
              + " refused.")
  String id;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description =
          "For an assessment: the day it was made (default: today, UTC); its id and file name"
              + " follow (assessment-DATE). A date that has an assessment already is refused: a"
              + " repository keeps one per date.")
  String date;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Kind kind = kind(kindName);
    String display = Repositories.display(dir);
    if (Files.isSymbolicLink(dir)) {
      throw new UserError("'" + display + "' is a symbolic link; give the folder it points to");
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new UserError(
          "'" + display + "' is not a folder; give a roadmap repository, or run 'waymark init'");
    }
    if (date != null && kind != Kind.ASSESSMENT) {
      throw new UserError(
          "--date is for 'waymark new assessment'; a new " + kind.id() + " is dated today");
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate dated = date == null ? today : DateArguments.date("--date", date);
    Waymark.Contents loaded = Waymark.withoutHistory().contents(dir, display);
    refuseASecond(kind, dated, loaded, display);
    Set<String> taken = new HashSet<>(loaded.documentIds());
    String chosen = chooseId(kind, dated, taken);
    String path = folder(kind) + "/" + chosen + ".yaml";
    if (Files.exists(dir.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
      throw new UserError(
          "'" + path + "' exists already in " + display + "; choose another id with --id");
    }
    // The assessment template is dated "today": the day given with --date.
    Scaffold.Settings settings =
        new Scaffold.Settings(
            loaded.config().organisation(),
            loaded.config().currency(),
            Scaffold.defaultStart(today),
            dated,
            today);
    Set<String> declared = declaredIds(loaded);
    declared.addAll(taken);
    String text = withNestedIdsFree(withId(Scaffold.document(kind, settings), chosen), declared);
    // The schemas where the repository's documents find theirs (.waymark/schema, or the folder
    // its own modelines name); a repository that keeps none gets them, as 'waymark init' writes
    // them, so that the new file's modeline points at a schema an editor can read.
    Optional<String> schemas = Scaffold.schemaFolderOf(dir, loaded.files(), kind.schemaFile());
    OutputFolder folder = OutputFolder.open(dir);
    int exported = 0;
    if (schemas.isEmpty()) {
      for (Scaffold.File schema : Scaffold.schemas()) {
        if (folder.createNew(schema.path(), schema.text().getBytes(StandardCharsets.UTF_8))) {
          exported++;
        }
      }
    }
    text =
        Scaffold.modeline(path, schemas.orElse(Scaffold.SCHEMA_DIR), kind.schemaFile())
            + "\n"
            + text;
    if (!folder.createNew(path, text.getBytes(StandardCharsets.UTF_8))) {
      throw new UserError(
          "'" + path + "' exists already in " + display + "; choose another id with --id");
    }
    if (exported > 0) {
      out.println(
          "Wrote "
              + exported
              + " JSON Schemas to "
              + Scaffold.SCHEMA_DIR
              + "/, which the new file's first line points editors at.");
    }
    out.println(
        "Created "
            + TerminalText.escape(Repositories.display(dir.resolve(path)))
            + " ("
            + kind.id()
            + " "
            + chosen
            + ").");
    out.println("Next: replace the placeholders (the comments say what each field is for), then");
    out.println("  waymark validate " + TerminalText.escape(Repositories.argument(display)));
    out.flush();
    return ExitCode.OK;
  }

  /**
   * Refuses what the next validate would report as a second one: a Roadmap (roadmap-missing), a
   * Governance document (governance-duplicate) or an assessment of a date that has one
   * (assessment-date-duplicate).
   */
  private static void refuseASecond(
      Kind kind, LocalDate dated, Waymark.Contents loaded, String display) {
    if (kind == Kind.ROADMAP && !loaded.roadmapFiles().isEmpty()) {
      throw refused(
          display,
          "a Roadmap",
          String.join(", ", loaded.roadmapFiles()),
          "exactly one",
          "Add phases, milestones and initiatives to it, or start another repository with"
              + " 'waymark init'.");
    }
    if (kind == Kind.GOVERNANCE && !loaded.governanceFiles().isEmpty()) {
      throw refused(
          display,
          "a Governance document",
          String.join(", ", loaded.governanceFiles()),
          "exactly one",
          "Record new decisions under spec.decisions there, and change its review board or"
              + " cadence in place.");
    }
    if (kind == Kind.ASSESSMENT) {
      Optional<Waymark.DatedAssessment> same = loaded.assessmentOn(dated);
      if (same.isPresent()) {
        Waymark.DatedAssessment a = same.get();
        throw refused(
            display,
            "an assessment dated " + dated,
            (a.id() == null ? "" : "'" + a.id() + "' in ") + a.file(),
            "one per date",
            "Update that one, or give the day the re-assessment was made with --date"
                + " YYYY-MM-DD.");
      }
    }
  }

  /**
   * "DIR has {@code what} already ({@code where}), and a repository keeps {@code keeps}; nothing
   * was written. {@code advice}", with what the repository's files say ({@code where}) made safe
   * for the terminal.
   */
  private static UserError refused(
      String display, String what, String where, String keeps, String advice) {
    return new UserError(
        display
            + " has "
            + what
            + " already ("
            + TerminalText.escape(where)
            + "), and a repository keeps "
            + keeps
            + "; nothing was written. "
            + advice);
  }

  /** The kind named on the command line: its YAML name or its schema name, in any case. */
  static Kind kind(String name) {
    Optional<Kind> named = KindNames.of(name);
    if (named.filter(k -> k == Kind.CONFIG).isPresent()) {
      throw new UserError(
          "a repository has one Config (waymark.yaml); 'waymark init' writes it, it is never"
              + " added with 'waymark new'");
    }
    return named.orElseThrow(
        () ->
            new UserError(
                "unknown kind '"
                    + name
                    + "'; write one of: "
                    + Arrays.stream(Kind.values())
                        .filter(k -> k != Kind.CONFIG)
                        .map(k -> k.schemaFile().replace(".schema.json", ""))
                        .collect(Collectors.joining(", "))));
  }

  private String chooseId(Kind kind, LocalDate dated, Set<String> taken) {
    if (id != null) {
      // The schema's id pattern bounds the length too: a longer or shorter id would be written,
      // then reported as a schema error by the next validate.
      if (!ID.matcher(id).matches() || id.length() < 2 || id.length() > 63) {
        throw new UserError(
            "--id '"
                + id
                + "' is not an id; write lower-case words joined by '-', 2 to 63 characters,"
                + " e.g. bc-fraud");
      }
      if (taken.contains(id)) {
        throw new UserError(
            "--id '" + id + "' is already used by a document of " + Repositories.display(dir));
      }
      return id;
    }
    String base =
        kind == Kind.ASSESSMENT
            ? "assessment-" + dated
            : "new-" + kind.schemaFile().replace(".schema.json", "");
    String candidate = base;
    for (int n = 2; taken.contains(candidate) || exists(kind, candidate); n++) {
      candidate = base + "-" + n;
    }
    return candidate;
  }

  private boolean exists(Kind kind, String candidate) {
    return Files.exists(
        dir.resolve(folder(kind) + "/" + candidate + ".yaml"), LinkOption.NOFOLLOW_LINKS);
  }

  /** The folder of a kind's documents, relative to the repository root. */
  static String folder(Kind kind) {
    return switch (kind) {
      case BUSINESS_CASE -> "business-cases";
      case VENDOR_EVALUATION -> "vendors";
      case USE_CASE -> "use-cases";
      case METRICS -> "metrics";
      case ASSESSMENT -> "assessment";
      case GOVERNANCE -> "governance";
      case ROADMAP -> "roadmap";
      case CONFIG -> throw new IllegalArgumentException("Config has no folder");
    };
  }

  /** Every id declared in the repository's documents ({@code id:} keys at any depth). */
  private Set<String> declaredIds(Waymark.Contents loaded) throws IOException {
    Set<String> ids = new HashSet<>();
    for (String file : loaded.files()) {
      Path path = dir.resolve(file);
      if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        // Decoded leniently: a file that is not UTF-8 is validate's to report (yaml-syntax), and
        // its ids, ASCII by their pattern, still count.
        Matcher m = NESTED_ID.matcher(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
        while (m.find()) {
          ids.add(m.group(1));
        }
      }
    }
    return ids;
  }

  /**
   * The template's ids of list items (phases, milestones, metrics, vendors, decisions) that the
   * repository already declares get a number ({@code cost-per-inference-2}), with every mention
   * inside the new document, so that the new document adds no duplicate id.
   */
  static String withNestedIdsFree(String text, Set<String> declared) {
    Matcher m = Pattern.compile("^\\s*(?:- )?id: (\\S+)$", Pattern.MULTILINE).matcher(text);
    Set<String> own = new java.util.LinkedHashSet<>();
    while (m.find()) {
      own.add(m.group(1));
    }
    Set<String> used = new HashSet<>(declared);
    used.addAll(own);
    String result = text;
    for (String id : own) {
      if (declared.contains(id)) {
        int n = 2;
        while (used.contains(id + "-" + n)) {
          n++;
        }
        used.add(id + "-" + n);
        result =
            Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(id) + "(?![A-Za-z0-9_-])")
                .matcher(result)
                .replaceAll(Matcher.quoteReplacement(id + "-" + n));
      }
    }
    return result;
  }

  /** The template's text with its {@code metadata.id} replaced. */
  static String withId(String text, String newId) {
    Matcher m = METADATA_ID.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("scaffold template has no metadata.id");
    }
    return text.substring(0, m.start(1)) + newId + text.substring(m.end(1));
  }
}
