package io.waymark.cli;

import io.waymark.git.GitAdapter;
import io.waymark.git.GitHooks;
import io.waymark.report.OutputFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code waymark hook install|uninstall}: the Git pre-commit hook that validates staged changes.
 */
@Command(
    header = "Install or remove the Git pre-commit hook.",
    name = "hook",
    mixinStandardHelpOptions = true,
    description =
        "Install or remove a Git pre-commit hook that validates the staged roadmap files before each commit (for the pre-commit framework, use the hook in .pre-commit-hooks.yaml).",
    subcommands = {HookCommand.Install.class, HookCommand.Uninstall.class},
    footer = {
      "",
      "Examples:",
      "  waymark hook install",
      "  waymark hook install ai-roadmap   (or --dir ai-roadmap)",
      "  waymark hook install --daemon   (answered by the resident validate server)",
      "  waymark hook uninstall"
    })
final class HookCommand implements Callable<Integer> {

  /** Where a hook that was there before Waymark's is kept by {@code install --force}. */
  static final String BACKUP = "pre-commit.waymark-backup";

  @Spec CommandSpec spec;

  /** {@code waymark hook} without install or uninstall: a usage error, exit 2. */
  @Override
  public Integer call() {
    return Failures.missingCommand(spec.commandLine());
  }

  /**
   * The folder given with {@code --dir} or as the argument {@code DIR}, as the user prefers; a
   * usage error when both are given and name different folders.
   */
  static Path folder(CommandSpec spec, Path option, Path argument) {
    if (argument == null) {
      return option;
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("--dir")
        && !option.toAbsolutePath().normalize().equals(argument.toAbsolutePath().normalize())) {
      throw new UserError(
          "two folders given, --dir "
              + option
              + " and "
              + argument
              + ": give the roadmap folder once, either way.");
    }
    return argument;
  }

  /** {@code waymark hook install}. */
  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description =
          "Write the pre-commit hook of the Git repository that contains DIR (the hooks folder,"
              + " or the repository's core.hooksPath when it is set; one set for the user or the"
              + " system, shared by every repository, is refused). The hook validates the staged YAML files"
              + " under DIR with 'waymark validate' and stops the commit when there are errors."
              + " It runs $WAYMARK_CMD if set, else the Waymark that installed it (its Java and"
              + " jar, recorded by absolute path), else an installed waymark on PATH; never a"
              + " waymark file inside the repository. Extra options for validate go in"
              + " $WAYMARK_HOOK_ARGS (e.g. \"--fail-on warning\").",
      footer = {
        "",
        "An existing pre-commit hook that Waymark did not write is left alone unless",
        "--force is given; then it is kept as " + BACKUP + " beside the new",
        "hook, and 'waymark hook uninstall' puts it back. Skip the hook once with",
        "'git commit --no-verify'."
      })
  static final class Install implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        defaultValue = ".",
        description = "The roadmap folder to validate (default: the current folder).")
    Path dir;

    @Parameters(
        arity = "0..1",
        paramLabel = "DIR",
        description = "The roadmap folder, as with --dir (as 'waymark validate DIR' takes it).")
    Path argument;

    @Option(
        names = "--force",
        description = "Replace a pre-commit hook that Waymark did not write (it is backed up).")
    boolean force;

    @Option(
        names = "--daemon",
        description =
            "The hook sets WAYMARK_DAEMON=1: its runs are answered by the resident validate"
                + " server of the repository (started by the first commit, stopped after 10"
                + " minutes idle; see 'waymark daemon --help'). Faster commits, most of all"
                + " where the roadmap has a long Git history (the server keeps the versions it"
                + " parsed). Not for CI.")
    boolean daemon;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Path dir = folder(spec, this.dir, argument);
      GitHooks git = GitAdapter.hooks(dir, Repositories.display(dir));
      if (git.shared()) {
        throw new UserError(
            "core.hooksPath is set to "
                + git.hooks()
                + " in your user or system Git configuration: Git runs the hooks there in every"
                + " repository, and Waymark's would validate the YAML files of each of them;"
                + " nothing was written. To check this repository only, give it its own hooks"
                + " folder (run 'git config core.hooksPath .githooks' in it; the shared hooks then"
                + " no longer run here) and install again, or call 'waymark validate' from the"
                + " shared pre-commit hook yourself.");
      }
      Path folder = hooksFolder(git);
      OutputFolder hooks = OutputFolder.open(folder);
      Path hook = folder.resolve(git.preCommit().getFileName());
      String verb = "installed";
      if (Files.exists(hook, LinkOption.NOFOLLOW_LINKS)) {
        if (isWaymark(hook)) {
          verb = "updated";
          keepIfEdited(hook, out);
        } else if (!force) {
          throw new UserError(
              hook
                  + " exists and was not written by Waymark; it is left alone. Add --force to"
                  + " replace it (it is kept as "
                  + BACKUP
                  + "), or call 'waymark validate' from it yourself.");
        } else {
          Path backup = hook.resolveSibling(BACKUP);
          if (Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
            // It holds the hook an earlier 'install --force' replaced: replacing it would lose it.
            throw new UserError(
                backup
                    + " exists already (the hook an earlier 'waymark hook install --force'"
                    + " replaced), and "
                    + hook
                    + " is another hook that Waymark did not write; nothing was changed. Merge"
                    + " or remove one of them, then install again.");
          }
          Files.move(hook, backup);
          out.println("kept the existing pre-commit hook as " + backup);
        }
      }
      Optional<HookScript.Installer> installer = HookScript.Installer.current();
      hooks.writeExecutable(
          hook.getFileName().toString(),
          HookScript.text(git.roadmap(), installer, daemon).getBytes(StandardCharsets.UTF_8));
      out.println(
          verb
              + " the Waymark pre-commit hook: "
              + hook
              + (git.hooksPath() ? " (core.hooksPath)" : ""));
      out.println(
          "It validates the staged YAML files under "
              + (".".equals(git.roadmap()) ? "the repository root" : git.roadmap() + "/")
              + " before each commit; 'git commit --no-verify' skips it once.");
      out.println(
          installer
              .map(i -> "It runs this Waymark: " + i.command() + " (unless WAYMARK_CMD is set).")
              .orElse("It runs the waymark on PATH (unless WAYMARK_CMD is set)."));
      out.flush();
      return ExitCode.OK;
    }
  }

  /** {@code waymark hook uninstall}. */
  @Command(
      name = "uninstall",
      mixinStandardHelpOptions = true,
      description =
          "Remove the Waymark pre-commit hook of the Git repository that contains DIR, and put"
              + " back the hook that 'install --force' replaced, if any. A hook Waymark did not"
              + " write is never removed; Waymark's hook with lines of your own is kept as "
              + EDITED
              + ".")
  static final class Uninstall implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        defaultValue = ".",
        description = "A folder in the repository (default: the current folder).")
    Path dir;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "A folder, as with --dir.")
    Path argument;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Path dir = folder(spec, this.dir, argument);
      GitHooks git = GitAdapter.hooks(dir, Repositories.display(dir));
      Path hook = git.preCommit();
      if (!Files.exists(hook, LinkOption.NOFOLLOW_LINKS)) {
        out.println("no pre-commit hook in " + git.hooks() + ": nothing to remove");
        out.flush();
        return ExitCode.OK;
      }
      if (!isWaymark(hook)) {
        Path backup = hook.resolveSibling(BACKUP);
        throw new UserError(
            hook
                + " was not written by Waymark; it is left alone"
                + (Files.exists(backup, LinkOption.NOFOLLOW_LINKS)
                    ? " (and so is "
                        + backup
                        + ", the hook an earlier 'waymark hook install --force' replaced: put it"
                        + " back yourself if you want it)"
                    : ""));
      }
      if (!keepIfEdited(hook, out)) {
        Files.delete(hook);
        out.println("removed the Waymark pre-commit hook " + hook);
      }
      Path backup = hook.resolveSibling(BACKUP);
      // A link is put back as the link it was (a move never follows it); a folder is not a hook.
      if (Files.exists(backup, LinkOption.NOFOLLOW_LINKS)
          && !Files.isDirectory(backup, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(backup, hook);
        out.println("restored the previous pre-commit hook from " + backup);
      }
      out.flush();
      return ExitCode.OK;
    }
  }

  /**
   * The folder to write the hook into. A link at {@code .git/hooks} is the user's own (nothing in
   * {@code .git} comes from a commit), as set-ups from before core.hooksPath share hooks with
   * {@code .git/hooks -> ../.githooks}: the folder it names is written into, checked for links like
   * any other. A core.hooksPath folder that is a link is not followed.
   */
  static Path hooksFolder(GitHooks git) throws IOException {
    Path folder = git.hooks();
    if (git.hooksPath() || !Files.isSymbolicLink(folder)) {
      return folder;
    }
    return folder.getParent().toRealPath().resolve(Files.readSymbolicLink(folder)).normalize();
  }

  /**
   * Moves Waymark's hook aside, under a name not taken, when it holds lines Waymark does not write
   * (a user's own commands added to it, a merge the user was asked to make, another version's
   * hook): nothing a user wrote is deleted or overwritten. True when it was moved.
   */
  private static boolean keepIfEdited(Path hook, PrintWriter out) throws IOException {
    if (!Files.isRegularFile(hook, LinkOption.NOFOLLOW_LINKS)
        || HookScript.asWritten(Files.readString(hook, StandardCharsets.ISO_8859_1))) {
      return false;
    }
    Path kept = hook.resolveSibling(EDITED);
    for (int i = 2; Files.exists(kept, LinkOption.NOFOLLOW_LINKS); i++) {
      kept = hook.resolveSibling(EDITED + "-" + i);
    }
    Files.move(hook, kept);
    out.println(
        "kept the Waymark pre-commit hook as "
            + kept
            + ": it has lines this Waymark does not write (added by hand, or another version of"
            + " Waymark's hook); copy what is yours into a hook of your own, then delete it");
    return true;
  }

  /** The name an edited Waymark hook is kept under (see {@link #keepIfEdited}). */
  static final String EDITED = "pre-commit.waymark-edited";

  private static boolean isWaymark(Path hook) throws IOException {
    return Files.isRegularFile(hook, LinkOption.NOFOLLOW_LINKS)
        && HookScript.isWaymark(Files.readString(hook, StandardCharsets.ISO_8859_1));
  }
}
