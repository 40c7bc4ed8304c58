package io.waymark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code waymark daemon start|stop|status}: the opt-in resident validate server. */
@Command(
    header = "Start, stop or show the resident validate server (opt-in: WAYMARK_DAEMON=1).",
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = {
      "With WAYMARK_DAEMON=1 in the environment, the plain 'waymark validate' command lines (the"
          + " work tree, --rev and --staged as the pre-commit hook runs them, with --format,"
          + " --fail-on, --paths, --output, --cache-dir, --no-cache, --timeout, --no-color,"
          + " --quiet, --debug) are answered by a long-lived Java process instead of a new one:"
          + " the same output, the same files, the same exit code, without the JVM's start."
          + " Without a server the run is local and starts one in the background for the next"
          + " run. Off by default; CI should not use it (every job is a fresh machine, and a"
          + " process left running is no help).",
      "",
      "One server per working folder, environment, jar and Java: it is started in the client's"
          + " folder with the client's environment. It listens on a Unix domain socket (never"
          + " TCP) in $XDG_RUNTIME_DIR/waymark, else $${TMPDIR:-/tmp}/waymark-UID, a folder that"
          + " must be the user's own with mode 0700 (else every run is local). It stops after"
          + " WAYMARK_DAEMON_IDLE seconds without a request (default 600), when its jar changes,"
          + " after a run hit its time limit or crashed, and on 'waymark daemon stop'.",
      "",
      "On Linux it watches the folders it walks (inotify): a run with nothing changed since the"
          + " last takes the last walk instead of reading every file's attributes. Changes the"
          + " kernel does not notify (a file written through a hard link elsewhere or a memory"
          + " mapping, a mount over a folder) are seen within 60 s. WAYMARK_DAEMON_WATCH=0 walks"
          + " on every request.",
      "",
      "The launchers (./waymark, bin/waymark) and a hook installed with --daemon ask the server"
          + " first through a client without a JVM when Perl is on the PATH"
          + " (waymark-daemon-client.pl, beside the jar): an answered run then starts no Java at"
          + " all. When no server answers, Java runs as above. WAYMARK_DAEMON_CLIENT=java (or"
          + " WAYMARK_PERL=0) leaves the asking to Java."
    },
    subcommands = {
      DaemonCommand.Start.class,
      DaemonCommand.Stop.class,
      DaemonCommand.Status.class,
      DaemonCommand.Serve.class
    },
    footer = {
      "",
      "Examples:",
      "  export WAYMARK_DAEMON=1",
      "  waymark validate ai-roadmap   (starts a server; the next run uses it)",
      "  waymark daemon start      (for this folder and environment, now)",
      "  waymark daemon status",
      "  waymark daemon stop --all"
    })
final class DaemonCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** {@code waymark daemon} without start, stop or status: a usage error, exit 2. */
  @Override
  public Integer call() {
    return Failures.missingCommand(spec.commandLine());
  }

  private static DaemonSocket socket() {
    return DaemonSocket.ofThisProcess()
        .orElseThrow(
            () ->
                new UserError(
                    "no safe folder for the server's socket: $XDG_RUNTIME_DIR/waymark or"
                        + " ${TMPDIR:-/tmp}/waymark-UID must be a folder of yours with mode 0700"
                        + " (and this must be Linux)"));
  }

  /** {@code waymark daemon start}. */
  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = {
        "Start the server of this folder and environment in the background, if none runs, and"
            + " wait until it answers. Only runs with WAYMARK_DAEMON=1 use it."
      })
  static final class Start implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
      PrintWriter out = spec.commandLine().getOut();
      DaemonSocket socket = socket();
      if (DaemonClient.ask(socket.socket(), DaemonClient.STATUS, "").isEmpty()) {
        DaemonClient.startServer(socket);
        long until = System.nanoTime() + 30_000_000_000L;
        while (DaemonClient.ask(socket.socket(), DaemonClient.STATUS, "").isEmpty()) {
          if (System.nanoTime() > until) {
            throw new UserError("the server did not start; see " + socket.log());
          }
          Thread.sleep(20);
        }
        out.println("started the resident validate server: " + socket.socket());
      } else {
        out.println("the resident validate server runs already: " + socket.socket());
      }
      if (!"1".equals(System.getenv(Main.DAEMON))) {
        out.println("Runs use it only with " + Main.DAEMON + "=1 in their environment.");
      }
      out.flush();
      return ExitCode.OK;
    }
  }

  /** {@code waymark daemon stop}. */
  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = {
        "Stop the server of this folder and environment; with --all, every server of yours"
            + " (those started by a Git hook, whose environment differs, too)."
      })
  static final class Stop implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--all", description = "Stop every server in the socket folder.")
    boolean all;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      DaemonSocket socket = socket();
      int stopped = 0;
      if (all) {
        try (DirectoryStream<Path> sockets =
            Files.newDirectoryStream(socket.folder(), "v*-*.sock")) {
          for (Path s : sockets) {
            stopped += stop(s) ? 1 : 0;
          }
        }
      } else {
        stopped += stop(socket.socket()) ? 1 : 0;
      }
      out.println(stopped == 0 ? "no server was running" : "stopped " + stopped + " server(s)");
      out.flush();
      return ExitCode.OK;
    }

    private static boolean stop(Path socket) {
      return DaemonClient.ask(socket, DaemonClient.STOP, "").isPresent();
    }
  }

  /** {@code waymark daemon status}. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = {
        "Say whether the server of this folder and environment runs (exit 0) or not (exit 1)."
      })
  static final class Status implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      DaemonSocket socket = socket();
      Optional<String> info = DaemonClient.ask(socket.socket(), DaemonClient.STATUS, "");
      if (info.isEmpty()) {
        out.println("no server runs for this folder and environment (" + socket.socket() + ")");
      } else {
        out.print(info.get());
      }
      out.flush();
      return info.isPresent() ? ExitCode.OK : ExitCode.FINDINGS;
    }
  }

  /** {@code waymark daemon serve}: the server itself, as {@code start} runs it. */
  @Command(name = "serve", hidden = true, description = "Serve in the foreground (internal).")
  static final class Serve implements Callable<Integer> {
    @Override
    public Integer call() {
      return DaemonServer.main();
    }
  }
}
