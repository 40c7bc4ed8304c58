package io.waymark.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A resident validate server ({@link DaemonServer}) in this JVM, on a thread, with its socket in a
 * folder of the test's; and its client, run as {@link Main#main} runs it: answered by the server,
 * else (no server, a line it refuses) run here.
 */
final class ResidentServer implements AutoCloseable {

  /**
   * The lock of the test classes that start a resident server in this JVM (a real server is alone
   * in its JVM). The servers' time limits are answered per thread ({@code Deadline.HALTING},
   * DeadlineTest), but a server stops on a fatal failure, a flag of the process ({@code
   * Failures.fatal}): those classes hold this lock, not each other's runs.
   */
  static final String IN_PROCESS_SERVER = "io.waymark.cli.ResidentServer";

  private final DaemonSocket socket;
  private final DaemonServer server;
  private final Thread thread;
  private final AtomicInteger stopped = new AtomicInteger(-1);

  private ResidentServer(Path folder) throws IOException {
    this(new DaemonSocket(folder, DaemonSocket.identity(System.getenv())));
  }

  private ResidentServer(DaemonSocket socket) throws IOException {
    this.socket = socket;
    this.server = new DaemonServer(socket, Duration.ofMinutes(5), stopped::set);
    this.thread =
        new Thread(
            () -> {
              try {
                server.serve();
              } catch (IOException e) {
                throw new IllegalStateException("the server did not start", e);
              }
            },
            "test-daemon");
    thread.setDaemon(true);
    thread.start();
    long until = System.nanoTime() + 20_000_000_000L;
    while (DaemonClient.ask(socket.socket(), DaemonClient.STATUS, "").isEmpty()) {
      if (System.nanoTime() > until || !thread.isAlive()) {
        throw new IllegalStateException("the server did not start");
      }
      Thread.onSpinWait();
    }
  }

  /** A server whose socket is in a new folder of mode 0700 under {@code parent}. */
  static ResidentServer start(Path parent) throws IOException {
    Path folder = Files.createTempDirectory(parent, "sock");
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    return new ResidentServer(folder);
  }

  /**
   * A server for the clients of {@code env} (in this JVM's folder, with its Java and class path),
   * its socket where such a client looks: {@code env}'s socket folder, made if missing.
   */
  static ResidentServer startFor(java.util.Map<String, String> env) throws IOException {
    return new ResidentServer(DaemonSocket.of(env).orElseThrow());
  }

  DaemonSocket socket() {
    return socket;
  }

  /** The exit code the server stopped with, or -1 while it serves. */
  int stoppedWith() {
    return stopped.get();
  }

  long served() {
    return server.served();
  }

  /** A run of {@code args} and whether the server answered it. */
  record Run(MainRun result, boolean answered) {}

  /**
   * {@code args} as {@link Main#main} runs them with {@code WAYMARK_DAEMON=1}: sent to the server,
   * and run here when it does not answer; {@code output} is the file an {@code --output} names.
   */
  Run run(Path output, String... args) throws IOException {
    Files.deleteIfExists(output);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    DaemonClient.Reply reply = DaemonClient.validate(socket, false, args, out, err);
    if (reply.outcome() != DaemonClient.Outcome.ANSWERED) {
      return new Run(MainRun.run(output, true, args), false);
    }
    String written =
        Files.exists(output)
            ? new String(Files.readAllBytes(output), StandardCharsets.UTF_8)
            : null;
    return new Run(
        new MainRun(
            reply.code(),
            out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8),
            written),
        true);
  }

  /** A run here, as the reference. */
  static MainRun local(Path output, String... args) throws IOException {
    return MainRun.run(output, true, args);
  }

  @Override
  public void close() {
    if (stopped.get() < 0) {
      DaemonClient.ask(socket.socket(), DaemonClient.STOP, "");
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
