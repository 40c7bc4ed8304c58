package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The resident validate server ({@code WAYMARK_DAEMON=1}) is used only from a folder of the user's
 * own, answers only its own situation, never turns a broken answer into a pass, answers a run over
 * its time limit as a local run does, and runs for real in the background from the executable's
 * Main (started by a first run, used by the second, stopped by {@code waymark daemon stop}).
 * Byte-for-byte comparisons with local runs over many command lines and cache states are in {@link
 * QuickValidateTest} and {@link QuickRevisionTest}.
 */
@Tag(LocaleSensitive.TAG)
@ResourceLock(ResidentServer.IN_PROCESS_SERVER)
class DaemonTest {

  @TempDir static Path shared;
  @TempDir Path tmp;
  private static Path repo;
  private final List<Long> started = new ArrayList<>();

  @BeforeAll
  static void example() throws IOException {
    repo = shared.resolve("repo");
    CacheCliTest.copy(Path.of("..", "example-roadmap"), repo);
    CacheCliTest.age(repo);
  }

  /**
   * The server keeps the client's JVM options but for a short run's own and the recorders; a short
   * run's parallel collector becomes the serial one. A collector chosen otherwise is kept.
   */
  @Test
  void shouldStartTheServerWithoutTheShortRunsOptions() {
    assertThat(
            DaemonClient.serverOptions(
                List.of(
                    "-XX:TieredStopAtLevel=1",
                    "-XX:-UseDynamicNumberOfCompilerThreads",
                    "-XX:CICompilerCount=1",
                    "-XX:+UseParallelGC",
                    "-Xmn32m",
                    "-XX:InitialRAMPercentage=6.25",
                    "-XX:MaxTenuringThreshold=0",
                    "-Xss8m",
                    "-XX:SharedArchiveFile=/opt/w/waymark.jsa",
                    "-XX:DumpLoadedClassList=/tmp/classes",
                    "-agentlib:jdwp=transport=dt_socket")))
        .containsExactly(
            "-XX:+UseSerialGC",
            "-XX:InitialRAMPercentage=6.25",
            "-Xss8m",
            "-XX:SharedArchiveFile=/opt/w/waymark.jsa");
    assertThat(DaemonClient.serverOptions(List.of("-XX:+UseG1GC", "-Xmx2g")))
        .containsExactly("-XX:+UseG1GC", "-Xmx2g");
  }

  @Test
  void shouldUseOnlyARealFolderOfTheUserWithModeOwnerOnly() throws IOException {
    Path made = tmp.resolve("made");
    assertThat(DaemonSocket.checked(made)).as("made, 0700").contains(made);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made)))
        .isEqualTo("rwx------");

    Path open = Files.createDirectory(tmp.resolve("open"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(DaemonSocket.checked(open)).as("readable by others").isEmpty();

    Path link = Files.createSymbolicLink(tmp.resolve("link"), made);
    assertThat(DaemonSocket.checked(link)).as("a link to a good folder").isEmpty();

    Path file = Files.writeString(tmp.resolve("file"), "");
    assertThat(DaemonSocket.checked(file)).as("a file").isEmpty();

    Path runtime = Files.createDirectory(tmp.resolve("runtime"));
    Files.createSymbolicLink(runtime.resolve("waymark"), made);
    assertThat(DaemonSocket.folder(Map.of("XDG_RUNTIME_DIR", runtime.toString())))
        .as("$XDG_RUNTIME_DIR/waymark, a link")
        .isEmpty();
    Path temp = Files.createDirectory(tmp.resolve("temp"));
    Path theirs = Files.createDirectory(temp.resolve("waymark-" + DaemonSocket.uid()));
    Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThat(DaemonSocket.folder(Map.of("TMPDIR", temp.toString())))
        .as("$TMPDIR/waymark-UID, open to all")
        .isEmpty();
    Path fresh = Files.createDirectory(tmp.resolve("fresh"));
    assertThat(DaemonSocket.folder(Map.of("TMPDIR", fresh.toString())))
        .contains(fresh.resolve("waymark-" + DaemonSocket.uid()));
    assertThat(DaemonSocket.folder(Map.of("XDG_RUNTIME_DIR", fresh.toString())))
        .contains(fresh.resolve("waymark"));
    assertThat(DaemonSocket.of(Map.of("XDG_RUNTIME_DIR", fresh.toString()))).isPresent();
    Path deep = Files.createDirectories(fresh.resolve("d".repeat(100)));
    assertThat(DaemonSocket.of(Map.of("XDG_RUNTIME_DIR", deep.toString())))
        .as("a socket path too long to bind")
        .isEmpty();
  }

  @Test
  void shouldRunLocallyWhenNoServerListens() throws IOException {
    Path folder = DaemonSocket.checked(tmp.resolve("sock")).orElseThrow();
    DaemonSocket socket = new DaemonSocket(folder, DaemonSocket.identity(System.getenv()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    DaemonClient.Reply reply =
        DaemonClient.validate(socket, false, new String[] {"validate", repo.toString()}, out, err);
    assertThat(reply.outcome()).isEqualTo(DaemonClient.Outcome.NO_SERVER);
    assertThat(out.size() + err.size()).as("nothing printed").isZero();
  }

  @Test
  void shouldNeverPassWhenTheServerStopsMidAnswer() throws Exception {
    Path folder = DaemonSocket.checked(tmp.resolve("sock")).orElseThrow();
    DaemonSocket socket = new DaemonSocket(folder, "id");
    try (ServerSocketChannel fake = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      fake.bind(UnixDomainSocketAddress.of(socket.socket()));
      Thread dying =
          new Thread(
              () -> {
                try (SocketChannel c = fake.accept()) {
                  DataInputStream in = new DataInputStream(Channels.newInputStream(c));
                  in.readInt();
                  in.readByte();
                  int n = in.readInt();
                  for (int i = 0; i < n; i++) {
                    in.readNBytes(in.readInt());
                  }
                  byte[] half = "✔ 0 err".getBytes(StandardCharsets.UTF_8);
                  ByteBuffer b =
                      ByteBuffer.allocate(6 + half.length)
                          .put(DaemonClient.ACCEPTED)
                          .put(DaemonClient.STDOUT)
                          .putInt(half.length)
                          .put(half)
                          .flip();
                  c.write(b);
                } catch (IOException e) {
                  // the test sees what the client makes of it
                }
              });
      dying.start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      DaemonClient.Reply reply =
          DaemonClient.validate(
              socket, false, new String[] {"validate", repo.toString()}, out, err);
      dying.join();
      assertThat(reply.outcome()).isEqualTo(DaemonClient.Outcome.ANSWERED);
      assertThat(reply.code()).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .startsWith("waymark: the resident validate server (WAYMARK_DAEMON) stopped before it")
          .contains("no result");
    }
  }

  @Test
  void shouldAnswerARunOverItsTimeLimitAsALocalRunAndStop() throws Exception {
    try (ResidentServer server = ResidentServer.start(tmp)) {
      ResidentServer.Run run =
          server.run(
              tmp.resolve("none"),
              "validate",
              repo.toString(),
              "--cache-dir",
              tmp.resolve("cache").toString(),
              "--timeout",
              "1ms");
      assertThat(run.answered()).isTrue();
      // What HostileInputTest sees of a local run in a child JVM.
      assertThat(run.result().code()).isEqualTo(2);
      assertThat(run.result().out()).isEmpty();
      assertThat(run.result().err().strip())
          .isEqualTo(
              "waymark: stopped: the run took longer than its time limit of 1ms (--timeout); no"
                  + " result was produced. Raise it with --timeout or WAYMARK_TIMEOUT if the"
                  + " repository is really that large.");
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (server.stoppedWith() < 0 && System.nanoTime() < until) {
        Thread.sleep(10); // the client has its answer before the server stops
      }
      assertThat(server.stoppedWith()).as("the server stops after it").isEqualTo(2);
    }
  }

  /** As a local run: a reader that closed the pipe early is exit 2 without a word. */
  @Test
  void shouldSayNothingAsALocalRunWhenTheReaderClosesThePipe() throws Exception {
    OutputStream closed =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ResidentServer server = ResidentServer.start(tmp)) {
      DaemonClient.Reply reply =
          DaemonClient.validate(
              server.socket(),
              false,
              new String[] {"validate", repo.toString(), "--format", "json"},
              closed,
              err);

      assertThat(reply.outcome()).isEqualTo(DaemonClient.Outcome.ANSWERED);
      assertThat(reply.code()).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
  }

  @Test
  void shouldRefuseAnotherSituationAndAnOversizedRequest() throws Exception {
    try (ResidentServer server = ResidentServer.start(tmp)) {
      DaemonClient.Reply reply =
          DaemonClient.validate(
              server.socket().socket(),
              server.socket().identity() + "X=1\0",
              false,
              new String[] {"validate", repo.toString()},
              new ByteArrayOutputStream(),
              new ByteArrayOutputStream());
      assertThat(reply.outcome()).isEqualTo(DaemonClient.Outcome.REFUSED);

      try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        c.connect(UnixDomainSocketAddress.of(server.socket().socket()));
        ByteBuffer huge =
            ByteBuffer.allocate(13)
                .putInt(DaemonClient.MAGIC)
                .put(DaemonClient.VALIDATE)
                .putInt(1)
                .putInt(DaemonClient.MAX_REQUEST * 2)
                .flip();
        c.write(huge);
        assertThat(Channels.newInputStream(c).read()).as("closed without an answer").isEqualTo(-1);
      }
      assertThat(server.served()).isZero();
      assertThat(server.run(tmp.resolve("none"), "validate", repo.toString()).answered())
          .as("still serving")
          .isTrue();
    }
  }

  /**
   * The resident server answers before it writes the run's cache ({@link
   * io.waymark.engine.CacheWrites}): while a run's writes are held, none of its cache files is
   * there; once the hold ends they all are, and the next run answers from the stored outcome. The
   * server makes them before it takes the next request.
   */
  @Test
  @SuppressWarnings("try") // the hold acts when it closes
  void shouldWriteTheRunsCacheOnceTheAnswerIsMade() throws Exception {
    Path folder = tmp.resolve("fresh");
    CacheCliTest.copy(Path.of("..", "example-roadmap"), folder);
    CacheCliTest.age(folder);
    Path cache = folder.resolve(".waymark/cache");
    List<String> files = List.of("load.bin", "rules.bin", "outcome.bin");
    MainRun first;
    try (io.waymark.engine.CacheWrites.Held held = io.waymark.engine.CacheWrites.hold()) {
      first = MainRun.run(tmp.resolve("none"), true, "validate", folder.toString());
      for (String f : files) {
        assertThat(cache.resolve(f)).as("held: " + f).doesNotExist();
      }
    }
    for (String f : files) {
      assertThat(cache.resolve(f)).as(f).isRegularFile();
    }
    java.io.StringWriter printed = new java.io.StringWriter();
    java.util.OptionalInt stored =
        QuickValidate.of("validate", folder.toString())
            .orElseThrow()
            .answer(
                new java.io.PrintWriter(printed),
                new java.io.PrintWriter(new java.io.StringWriter()),
                false);
    assertThat(stored).as("answered from the stored outcome").hasValue(first.code());
    assertThat(printed.toString()).isEqualTo(first.out());

    Path other = tmp.resolve("served");
    CacheCliTest.copy(Path.of("..", "example-roadmap"), other);
    CacheCliTest.age(other);
    try (ResidentServer server = ResidentServer.start(tmp)) {
      assertThat(server.run(tmp.resolve("none"), "validate", other.toString()).answered()).isTrue();
      assertThat(DaemonClient.ask(server.socket().socket(), DaemonClient.STATUS, "")).isPresent();
      for (String f : files) {
        assertThat(other.resolve(".waymark/cache").resolve(f)).as("served: " + f).isRegularFile();
      }
    }
  }

  /**
   * The executable's Main in a child JVM, with {@code WAYMARK_DAEMON=1} in a folder of its own: the
   * first run is local and starts a server in the background, the second is answered by it with the
   * same output, {@code waymark daemon stop} stops it.
   */
  @Test
  void shouldStartAServerInTheBackgroundUseItAndStopIt() throws Exception {
    Path cwd = Files.createDirectory(tmp.resolve("cwd"));
    Path runtime = Files.createDirectory(tmp.resolve("run"));
    Path sockets = runtime.resolve("waymark");
    Map<String, String> env = Map.of("WAYMARK_DAEMON", "1", "XDG_RUNTIME_DIR", runtime.toString());
    String[] line = {"validate", repo.toString(), "--no-color", "--format", "json"};

    Child first = child(cwd, env, line);
    assertThat(first.code()).as(first.err()).isZero();
    Optional<String> status = Optional.empty();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (status.isEmpty() && System.nanoTime() < until) {
      Thread.sleep(50);
      status = statusOfAny(sockets);
    }
    assertThat(status).as("a server started in the background").isPresent();
    remember(status.get());
    assertThat(status.get()).contains("answered 0");

    Child second = child(cwd, env, line);
    assertThat(second).isEqualTo(first);
    assertThat(statusOfAny(sockets).orElseThrow()).as("it answered").contains("answered 1");

    Child stop = child(cwd, env, "daemon", "stop");
    assertThat(stop.out().strip()).isEqualTo("stopped 1 server(s)");
    assertThat(statusOfAny(sockets)).isEmpty();
  }

  /**
   * A server that watches its folders answers every edit as a local run does, and a request with
   * nothing changed since the last takes the last walk: a file written, one made in a new folder
   * (with an error), the error fixed, the file removed.
   */
  @Test
  void shouldAnswerEachEditAsALocalRunWhileWatchingTheFolder() throws Exception {
    Path folder = tmp.resolve("watched");
    CacheCliTest.copy(repo, folder);
    CacheCliTest.age(folder);
    Path output = tmp.resolve("out.json");
    String[] line = {"validate", folder.toString(), "--no-color", "--format", "json"};
    Path useCase;
    try (var files = Files.list(folder.resolve("use-cases"))) {
      useCase = files.sorted().findFirst().orElseThrow();
    }
    List<ThrowingEdit> edits =
        List.of(
            () -> {},
            () -> Files.writeString(useCase, "# edited\n", StandardOpenOption.APPEND),
            () ->
                Files.writeString(
                    Files.createDirectories(folder.resolve("more/deeper")).resolve("x.yaml"),
                    "apiVersion: waymark/v1\nkind: UseCase\nmetadata: {id: x}\n"),
            () ->
                Files.writeString(
                    folder.resolve("more/deeper/x.yaml"),
                    Files.readString(useCase).replace("id: ", "id: x-")),
            () -> Files.delete(folder.resolve("more/deeper/x.yaml")));
    try (ResidentServer server = ResidentServer.start(tmp)) {
      assertThat(DaemonClient.ask(server.socket().socket(), DaemonClient.STATUS, "").orElseThrow())
          .contains("folders watched, walks saved 0");
      int edit = 0;
      for (ThrowingEdit e : edits) {
        e.apply();
        CacheCliTest.age(folder); // old enough to be stamped: the stored outcome is used
        MainRun local = ResidentServer.local(output, line);
        ResidentServer.Run resident = server.run(output, line);
        assertThat(resident.answered()).as("edit %d answered", edit).isTrue();
        assertThat(resident.result()).as("edit %d", edit).isEqualTo(local);
        assertThat(server.run(output, line).result()).as("edit %d, again", edit).isEqualTo(local);
        edit++;
      }
      assertThat(DaemonClient.ask(server.socket().socket(), DaemonClient.STATUS, "").orElseThrow())
          .as("the runs with nothing changed took the last walk")
          .containsPattern("folders watched, walks saved [1-9]");
    }
  }

  /** An edit of the test's folder. */
  @FunctionalInterface
  private interface ThrowingEdit {
    void apply() throws IOException;
  }

  /** Any server a test started is stopped, and its process ended, whatever the test's outcome. */
  @AfterEach
  void stopServers() {
    for (long pid : started) {
      ProcessHandle.of(pid)
          .ifPresent(
              p -> {
                p.destroyForcibly();
                p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
              });
    }
  }

  private void remember(String status) {
    for (String l : status.split("\\R")) {
      if (l.startsWith("pid ")) {
        started.add(Long.parseLong(l.substring(4).strip()));
      }
    }
  }

  private static Optional<String> statusOfAny(Path sockets) throws IOException {
    if (!Files.isDirectory(sockets)) {
      return Optional.empty();
    }
    try (var files = Files.list(sockets)) {
      for (Path s : files.filter(f -> f.toString().endsWith(".sock")).toList()) {
        Optional<String> info = DaemonClient.ask(s, DaemonClient.STATUS, "");
        if (info.isPresent()) {
          return info;
        }
      }
    }
    return Optional.empty();
  }

  private record Child(int code, String out, String err) {}

  private static Child child(Path cwd, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Child(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }
}
