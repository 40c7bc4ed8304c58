package io.waymark.cli;

import io.waymark.engine.Checkout;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.fix.Fix;
import io.waymark.engine.fix.FixPlan;
import io.waymark.engine.fix.TextEdit;
import io.waymark.report.OutputFolder;
import io.waymark.report.text.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code waymark fix [DIR]}: apply the mechanical, safe fixes of the findings. */
@Command(
    header = "Apply the mechanical, safe fixes: declared figures and decisions Waymark computes.",
    name = "fix",
    mixinStandardHelpOptions = true,
    description = {
      "Validate DIR and correct in place the findings that have one mechanical answer:",
      "  - bc-financials-mismatch: a declared npv, irr, roi or paybackMonths is set to",
      "    the computed value (with the declared value's decimals, more only when the",
      "    tolerance needs them);",
      "  - vendor-decision-mismatch: a vendor's decision is set to the band of its",
      "    weighted score;",
      "  - vendor-score-mismatch: a vendor's declared weightedScorePct is set to the",
      "    computed weighted score;",
      "  - milestone-done-undated: a done milestone without completedOn gets the date",
      "    of the commit that first marked it done in the roadmap's Git history, on a",
      "    new line after its status (no fix when the history does not show that",
      "    commit);",
      "  - history-rewritten (with --base REV): a done milestone whose completedOn was",
      "    removed gets back the date recorded at REV, on a new line after its status.",
      "",
      "Only the changed value is rewritten: comments, key order, quoting and indentation stay"
          + " byte for byte. Nothing that is a decision someone must take is changed (no gate"
          + " status, no approval, no waiver), nothing is sorted or reformatted, and a file that"
          + " is a symbolic link is never written. Files are replaced atomically (a temporary"
          + " file beside each one, then a rename).",
      "",
      "Every other finding is left for a person: the summary counts them; 'waymark validate'"
          + " lists them."
    },
    footer = {
      "",
      "Exit codes: 0 nothing at or above --fail-on is left after fixing (always 0 with"
          + " --dry-run), 1 findings at or above --fail-on are left for a person, 2 usage error,"
          + " unreadable folder, a file that cannot be written (a symbolic link, read-only) or internal"
          + " failure.",
      "",
      "Examples:",
      "  waymark fix --dry-run example-roadmap   (print the changes as a unified diff)",
      "  waymark fix .",
      "  waymark fix --base origin/main .        (also put back removed completedOn)"
    })
final class FixCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The roadmap repository folder (default: the current folder).")
  Path dir;

  @Option(
      names = "--dry-run",
      description =
          "Write nothing: print the changes as a unified diff (--- a/FILE, +++ b/FILE, three"
              + " lines of context; 'git apply' and 'patch -p1' accept it) on standard output and"
              + " the summary on standard error, and exit 0.")
  boolean dryRun;

  @Option(names = "--quiet", description = "Print only the summary line, not each fix.")
  boolean quiet;

  @Mixin ValidationOptionsMixin validation;
  @Mixin GitOptions git;

  @Override
  public Integer call() throws Exception {
    if (git.rev != null) {
      throw new UserError(
          "--rev: waymark fix edits the files of the work tree, not a revision; use --base REV"
              + " to restore what REV recorded");
    }
    String display = Repositories.display(dir);
    ValidationResult result;
    FixPlan plan;
    Map<String, String> before = new LinkedHashMap<>();
    try (Checkout target = git.open(GitOptions.waymark(), dir, validation.toOptions(dir))) {
      GitOptions.tell(target, spec.commandLine(), quiet);
      result = target.validate();
      plan = target.fixes(result);
      for (String file : plan.files()) {
        before.put(file, target.text(file).orElseThrow());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter log = dryRun ? err : out;
    if (!quiet) {
      for (Fix f : plan.fixes()) {
        log.println(
            TerminalText.escape(shown(display, f.file()))
                + ":"
                + f.finding().line()
                + ":"
                + f.finding().column()
                + " "
                + f.rule()
                + ": "
                + TerminalText.escape(f.description()));
      }
      for (FixPlan.Skipped s : plan.skipped()) {
        log.println(
            TerminalText.escape(shown(display, s.finding().file()))
                + ":"
                + s.finding().line()
                + ":"
                + s.finding().column()
                + " "
                + s.finding().rule()
                + ": not fixed: "
                + TerminalText.escape(s.reason()));
      }
    }
    if (dryRun) {
      for (String file : plan.files()) {
        List<TextEdit> edits = new ArrayList<>();
        plan.fixes(file).forEach(f -> edits.addAll(f.edits()));
        out.print(UnifiedDiff.of(shown(display, file), before.get(file), edits));
      }
      out.flush();
      err.println(summary(plan, plan.remaining(result.findings()), true));
      err.flush();
      return ExitCode.OK;
    }
    Map<String, byte[]> after = new LinkedHashMap<>();
    for (String file : plan.files()) {
      refuseLinks(dir, file, display);
      refuseReadOnly(dir.resolve(file), shown(display, file));
      after.put(file, plan.apply(file, before.get(file)).getBytes(StandardCharsets.UTF_8));
    }
    OutputFolder folder = after.isEmpty() ? null : OutputFolder.open(dir);
    for (Map.Entry<String, byte[]> e : after.entrySet()) {
      Path path = dir.resolve(e.getKey());
      Optional<Set<PosixFilePermission>> mode = permissions(path);
      folder.write(e.getKey(), e.getValue());
      mode.ifPresent(m -> restore(path, m));
    }
    List<Finding> remaining = result.findings();
    if (!after.isEmpty()) {
      // What is left is judged on the files as written, not assumed from the plan.
      try (Checkout target = git.open(GitOptions.waymark(), dir, validation.toOptions(dir))) {
        result = target.validate();
      }
      remaining = result.findings();
    }
    log.println(summary(plan, remaining, false));
    log.flush();
    return validation.fails(result) ? ExitCode.FINDINGS : ExitCode.OK;
  }

  /**
   * "fixed 10 findings in 6 files; 3 findings left for a person (1 error, 2 warnings): ...". A dry
   * run counts the findings that have no fix (some may go away with the fixes; a real run judges
   * the files again).
   */
  static String summary(FixPlan plan, List<Finding> remaining, boolean dryRun) {
    int fixes = plan.fixes().size();
    int files = plan.files().size();
    StringBuilder s = new StringBuilder("waymark fix: ");
    if (fixes == 0) {
      s.append("nothing to fix");
    } else {
      s.append(dryRun ? "would fix " : "fixed ")
          .append(plural(fixes, "finding"))
          .append(" in ")
          .append(plural(files, "file"));
    }
    if (!plan.skipped().isEmpty()) {
      s.append(", ").append(plan.skipped().size()).append(" not fixable here (see above)");
    }
    if (remaining.isEmpty()) {
      return s.append("; nothing left for a person").toString();
    }
    s.append("; ")
        .append(plural(remaining.size(), dryRun ? "other finding" : "finding"))
        .append(dryRun ? " without a mechanical fix (" : " left for a person (");
    List<String> counts = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      long n = remaining.stream().filter(f -> f.severity() == severity).count();
      if (n > 0) {
        counts.add(plural((int) n, severity.id()));
      }
    }
    return s.append(String.join(", ", counts))
        .append("): run 'waymark validate' to see them")
        .toString();
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private static String shown(String display, String file) {
    return display.equals(".") ? file : display.replaceAll("/+$", "") + "/" + file;
  }

  /**
   * Refuses a file that is a symbolic link, or lies below one inside DIR: the loader never read
   * through one, so a link found now was planted after validation and is not Waymark's to write.
   */
  static void refuseLinks(Path dir, String file, String display) {
    Path cursor = dir;
    for (String part : file.split("/")) {
      cursor = cursor.resolve(part);
      if (Files.isSymbolicLink(cursor)) {
        throw new UserError(
            "refusing to write "
                + shown(display, file)
                + ": "
                + shown(display, dir.relativize(cursor).toString().replace('\\', '/'))
                + " is a symbolic link; nothing was written");
      }
      if (!Files.exists(cursor, LinkOption.NOFOLLOW_LINKS)) {
        throw new UserError(
            "cannot fix " + shown(display, file) + ": it is gone; nothing was written");
      }
    }
    if (!Files.isRegularFile(cursor, LinkOption.NOFOLLOW_LINKS)) {
      throw new UserError(
          "refusing to write "
              + shown(display, file)
              + ": not a regular file; nothing was written");
    }
  }

  /**
   * Refuses a file made read-only on purpose (chmod a-w, the read-only attribute): a rename would
   * replace it on Linux and macOS, and fail on Windows after other files were written.
   */
  private static void refuseReadOnly(Path path, String shown) {
    if (readOnly(path)) {
      throw new UserError(
          "refusing to write "
              + shown
              + ": it is read-only; make it writable (chmod u+w, or clear its read-only"
              + " attribute) and run again; nothing was written");
    }
  }

  private static boolean readOnly(Path path) {
    try {
      PosixFileAttributeView posix =
          Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      if (posix != null) {
        return !posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
      }
      DosFileAttributeView dos =
          Files.getFileAttributeView(path, DosFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      return dos != null && dos.readAttributes().isReadOnly();
    } catch (IOException | UnsupportedOperationException e) {
      return false; // unknown: the write itself says what is wrong, if anything
    }
  }

  private static Optional<Set<PosixFilePermission>> permissions(Path path) {
    try {
      PosixFileAttributeView view =
          Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      return view == null ? Optional.empty() : Optional.of(view.readAttributes().permissions());
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** Keeps the file's mode: the rename put a new file in its place. */
  private static void restore(Path path, Set<PosixFilePermission> mode) {
    try {
      PosixFileAttributeView view =
          Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      if (view != null && !Files.isSymbolicLink(path)) {
        view.setPermissions(mode);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // the content is written; a mode that cannot be set back is not worth failing the run
    }
  }
}
