package io.waymark.cli;

import io.waymark.git.GitAdapter;
import io.waymark.git.GitProblem;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code waymark init DIR}: scaffold a new roadmap repository that validates clean today. */
@Command(
    header = "Create a new roadmap repository that validates clean.",
    name = "init",
    mixinStandardHelpOptions = true,
    description =
        "Create a new roadmap repository in DIR: one document of every kind (roadmap with three phases, gates and 90-day milestones, assessment, business case, vendor evaluation, use cases, metrics, governance), the JSON Schemas in DIR/.waymark/schema with a '# yaml-language-server: $schema=...' line at the top of every YAML file, VS Code settings and a README with the next steps. Dates are relative to today (UTC), so 'waymark validate DIR' finds nothing on the day it is created.",
    footer = {
      "",
      "DIR must be empty (or hold only .git, as a fresh clone does) or not exist. With",
      "--force, files are added to a non-empty DIR, but an existing file is never",
      "overwritten: it is kept and listed.",
      "",
      "DIR becomes a Git repository with the scaffold as its first commit, unless it is",
      "already inside one or --no-git is given.",
      "",
      "Examples:",
      "  waymark init ai-roadmap",
      "  waymark init ai-roadmap --organisation \"Northwind Logistics\" --currency EUR",
      "  waymark init . --force --start 2027-01-04"
    })
final class InitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The folder to create.")
  Path dir;

  @Option(
      names = "--organisation",
      paramLabel = "NAME",
      defaultValue = "Example Organisation",
      description = "The organisation's name (default: ${DEFAULT-VALUE}).")
  String organisation;

  @Option(
      names = "--currency",
      paramLabel = "CODE",
      defaultValue = "USD",
      description = "ISO 4217 code of every amount of money (default: ${DEFAULT-VALUE}).")
  String currency;

  @Option(
      names = "--start",
      paramLabel = "YYYY-MM-DD",
      description =
          "The roadmap's first day, from 1000-01-01 up to 9998-07-01, whose 18 months end by"
              + " 9999-12-31"
              + " (default: the first Monday of the current month)."
              + " With a start more than about six weeks back, the milestones already due are"
              + " named, to be closed or re-planned.")
  String start;

  @Option(
      names = "--force",
      description =
          "Add the scaffold to a folder that is not empty. Existing files are still never"
              + " overwritten.")
  boolean force;

  @Option(
      names = "--no-git",
      description =
          "Do not run 'git init' with a first commit (it is skipped anyway when DIR is already"
              + " inside a Git repository).")
  boolean noGit;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Scaffold.Settings settings = settings(LocalDate.now(ZoneOffset.UTC));
    String display = Repositories.display(dir);
    List<Scaffold.File> files = Scaffold.files(settings);
    prepare(display);
    OutputFolder folder = OutputFolder.open(dir);
    List<String> written = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (Scaffold.File file : files) {
      if (folder.createNew(file.path(), file.text().getBytes(StandardCharsets.UTF_8))) {
        written.add(file.path());
      } else {
        kept.add(file.path());
      }
    }
    out.println(
        "Created a Waymark roadmap repository in "
            + TerminalText.escape(display)
            + " ("
            + written.size()
            + " files, start "
            + settings.start()
            + ", as of "
            + settings.today()
            + "):");
    for (String path : written) {
      if (!path.startsWith(Scaffold.SCHEMA_DIR + "/")) {
        out.println("  " + path);
      }
    }
    long schemas = written.stream().filter(p -> p.startsWith(Scaffold.SCHEMA_DIR + "/")).count();
    if (schemas > 0) {
      out.println("  " + Scaffold.SCHEMA_DIR + "/ (" + schemas + " JSON Schemas for editors)");
    }
    if (!kept.isEmpty()) {
      out.println(
          "Kept "
              + kept.size()
              + " existing file"
              + (kept.size() == 1 ? "" : "s")
              + " unchanged (not overwritten; compare them with a fresh 'waymark init'):");
      kept.forEach(path -> out.println("  " + path));
    }
    if (!noGit) {
      gitInit(out, written);
    }
    long due = Scaffold.dueBy(settings.start(), settings.today());
    if (due > 0) {
      out.println(
          "Note: "
              + due
              + " scaffolded milestone"
              + (due == 1 ? " is" : "s are")
              + " due before today (start "
              + settings.start()
              + "): mark what was delivered as done with its completedOn, re-plan the rest;"
              + " until then validate reports them as milestone-overdue.");
    }
    out.println();
    out.println("Next steps:");
    String expect;
    if (!kept.isEmpty()) {
      expect = "      (check the kept files)";
    } else if (due > 0) {
      expect = "      (reports the " + due + " milestone" + (due == 1 ? "" : "s") + " due)";
    } else if (noGit && GitAdapter.enclosingRepository(dir).isEmpty()) {
      // Without Git there is no history to read: validate says so in one info finding.
      expect = "      (finds nothing today but the history-unavailable info, until you git init)";
    } else {
      expect = "      (finds nothing today)";
    }
    out.println(
        "  waymark validate " + TerminalText.escape(Repositories.argument(display)) + expect);
    out.println("  then replace the placeholders, starting with the assessment: see README.md.");
    out.flush();
    return ExitCode.OK;
  }

  /**
   * Makes DIR a Git repository with the scaffold as its first commit, so that the history rules and
   * {@code waymark diff} have something to read; nothing happens inside an existing repository (no
   * nested repository: the user commits the new files there as they see fit).
   */
  private void gitInit(PrintWriter out, List<String> written) {
    java.util.Optional<Path> enclosing = GitAdapter.enclosingRepository(dir);
    if (enclosing.isPresent()) {
      out.println(
          "DIR is inside the Git repository of "
              + TerminalText.escape(
                  Repositories.display(enclosing.get().toAbsolutePath().getParent()))
              + ": no new repository; commit the new files there.");
      return;
    }
    try {
      GitAdapter.init(dir, written, "Start the roadmap repository (waymark init)");
      out.println("Made it a Git repository (branch main) with the scaffold as its first commit.");
    } catch (GitProblem e) {
      throw new UserError(
          "created the files, but 'git init' failed: "
              + e.getMessage()
              + "; run git init yourself, or use --no-git");
    }
  }

  /**
   * Whether {@code code} is a currency of ISO 4217, as Java knows them: three letters alone let a
   * typo (EUO) through into every amount of every report.
   */
  private static boolean isoCurrency(String code) {
    return java.util.Currency.getAvailableCurrencies().stream()
        .anyMatch(c -> c.getCurrencyCode().equals(code));
  }

  private Scaffold.Settings settings(LocalDate today) {
    String name = organisation.strip();
    if (name.isEmpty()) {
      throw new UserError("--organisation must not be empty");
    }
    String code = currency.strip().toUpperCase(Locale.ROOT);
    if (!code.matches("[A-Z]{3}") || !isoCurrency(code)) {
      throw new UserError(
          "--currency '"
              + currency
              + "' is not an ISO 4217 code; write the three letters of one, e.g. EUR, USD or GBP");
    }
    LocalDate first = Scaffold.defaultStart(today);
    if (start != null) {
      first = DateArguments.date("--start", start);
      if (Scaffold.lastDate(first).isAfter(Scaffold.LAST_WRITABLE)) {
        throw new UserError(
            "--start "
                + start
                + " puts the roadmap's last date at "
                + Scaffold.lastDate(first)
                + ", and a roadmap file holds dates up to "
                + Scaffold.LAST_WRITABLE
                + " (four-digit years); choose a start between "
                + LocalDate.of(DateArguments.FIRST_YEAR, 1, 1)
                + " and "
                + Scaffold.latestStart());
      }
    }
    return new Scaffold.Settings(name, code, first, today);
  }

  /** Creates DIR, or checks that it may be written into. */
  private void prepare(String display) throws IOException {
    if (Files.isSymbolicLink(dir)) {
      throw new UserError("'" + display + "' is a symbolic link; give the folder it points to");
    }
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw new UserError("'" + display + "' exists and is not a folder");
      }
      if (!force && !empty(dir)) {
        throw new UserError(
            "'"
                + display
                + "' is not empty; choose a new folder, or add --force to add the scaffold"
                + " beside what is there (existing files are never overwritten)");
      }
    }
  }

  /** Empty, or holding only {@code .git}: the fresh clone of a repository just made on a host. */
  private static boolean empty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.allMatch(p -> p.getFileName().toString().equals(".git"));
    }
  }
}
