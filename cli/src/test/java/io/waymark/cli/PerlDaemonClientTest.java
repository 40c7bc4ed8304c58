package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The resident server's client without a JVM ({@code src/main/perl/waymark-daemon-client.pl}, run
 * by the launchers and the pre-commit hook before they start Java): it finds the server of its
 * situation as the JVM's client does (same socket name, same identity, non-ASCII environment
 * included), and the server's answer is the run's, byte for byte a local run's; with no server, a
 * refusal or another situation it does nothing and exits 75 (the JVM runs); an answer cut short is
 * exit 2, never a pass; a standard output that cannot be written loses the result as a local run
 * does. Skipped where there is no Perl (the launchers then skip the client too).
 */
@ResourceLock(ResidentServer.IN_PROCESS_SERVER)
class PerlDaemonClientTest {

  @TempDir static Path shared;
  @TempDir Path tmp;
  private static Path repo;
  private static Path broken;
  private static Optional<Path> perl;

  @BeforeAll
  static void setUp() throws IOException {
    repo = shared.resolve("repo");
    CacheCliTest.copy(Path.of("..", "example-roadmap"), repo);
    CacheCliTest.age(repo);
    broken = shared.resolve("broken");
    CacheCliTest.copy(Path.of("..", "example-roadmap"), broken);
    Path roadmap = broken.resolve("roadmap.yaml");
    Files.writeString(
        roadmap,
        Files.readString(roadmap).replaceFirst("\nkind: Roadmap", "\nkind: Roadmap\nbogus: 1"));
    CacheCliTest.age(broken);
    perl = PerlScript.perl();
  }

  @Test
  void shouldBeAnsweredByTheServerOfItsSituationAsALocalRunIs() throws Exception {
    Map<String, String> env = environment();
    try (ResidentServer server = ResidentServer.startFor(env)) {
      int served = 0;
      for (String[] line :
          List.of(
              new String[] {"validate", repo.toString(), "--no-color"},
              new String[] {"validate", repo.toString(), "--format", "json"},
              new String[] {"validate", broken.toString(), "--no-color"},
              new String[] {"validate", broken.toString(), "--format", "sarif", "--quiet"})) {
        PerlScript.Result client = PerlScript.run(env, null, line);
        MainRun local = ResidentServer.local(tmp.resolve("none"), line);
        assertThat(server.served()).as("answered by the server").isEqualTo(++served);
        assertThat(client.code()).as(String.join(" ", line)).isEqualTo(local.code());
        assertThat(client.out()).isEqualTo(local.out());
        assertThat(client.err()).isEqualTo(local.err());
      }
      assertThat(PerlScript.run(env, null, "validate", broken.toString()).code()).isEqualTo(1);
    }
  }

  /**
   * The Java is named as a launcher finds it: through links (absolute, relative, with "..") and
   * folders named on the way; the client resolves it to the JVM's home as the JVM does.
   */
  @Test
  void shouldFindTheServerWhateverPathLeadsToTheJava() throws Exception {
    Map<String, String> env = environment();
    Path home = Path.of(System.getProperty("java.home")).toRealPath();
    Path links = Files.createDirectories(tmp.resolve("links/a"));
    Files.createSymbolicLink(links.resolve("java"), home.resolve("bin/java"));
    Path other = Files.createDirectories(tmp.resolve("other"));
    Files.createSymbolicLink(other.resolve("java"), Path.of("..", "links", "a", "java"));
    Files.createSymbolicLink(tmp.resolve("home"), home);
    try (ResidentServer server = ResidentServer.startFor(env)) {
      int served = 0;
      for (Path java :
          List.of(
              other.resolve("java"),
              tmp.resolve("home/bin/../bin/java"),
              Path.of(System.getProperty("user.dir")).relativize(links.resolve("java")))) {
        PerlScript.Result client =
            PerlScript.runWith(env, null, java.toString(), "validate", repo.toString());
        assertThat(server.served()).as(java.toString()).isEqualTo(++served);
        assertThat(client.code()).isZero();
      }
      assertThat(PerlScript.runWith(env, null, "/bin/true", "validate", repo.toString()).code())
          .as("another Java")
          .isEqualTo(75);
    }
  }

  @Test
  void shouldDoNothingAndExit75WithoutAServerOfItsSituation() throws Exception {
    Map<String, String> env = environment();
    String[] line = {"validate", repo.toString(), "--no-color"};
    assertThat(PerlScript.run(env, null, line)).isEqualTo(PerlScript.NOT_ANSWERED);
    try (ResidentServer server = ResidentServer.startFor(env)) {
      Map<String, String> other = new HashMap<>(env);
      other.put("WAYMARK_TEST_OTHER", "1");
      assertThat(PerlScript.run(other, null, line))
          .as("another environment")
          .isEqualTo(PerlScript.NOT_ANSWERED);
      assertThat(PerlScript.run(env, null, "validate", repo.toString(), "--as-of", "2026-01-01"))
          .as("a line the server leaves to a local run")
          .isEqualTo(PerlScript.NOT_ANSWERED);
      assertThat(PerlScript.run(env, null, "version"))
          .as("not validate")
          .isEqualTo(PerlScript.NOT_ANSWERED);
      assertThat(server.served()).isZero();
      assertThat(PerlScript.run(env, null, line).code()).as("still its server").isZero();
      assertThat(server.served()).isEqualTo(1);
    }
  }

  @Test
  void shouldNeverPassWhenTheServerStopsMidAnswer() throws Exception {
    Map<String, String> env = environment();
    Path socket = DaemonSocket.of(env).orElseThrow().socket();
    try (ServerSocketChannel fake = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      fake.bind(UnixDomainSocketAddress.of(socket));
      Thread dying =
          new Thread(
              () -> {
                try (SocketChannel c = fake.accept()) {
                  DataInputStream in = new DataInputStream(Channels.newInputStream(c));
                  assertThat(in.readInt()).isEqualTo(DaemonClient.MAGIC);
                  in.readByte();
                  int n = in.readInt();
                  for (int i = 0; i < n; i++) {
                    in.readNBytes(in.readInt());
                  }
                  byte[] half = "✔ 0 err".getBytes(StandardCharsets.UTF_8);
                  c.write(
                      ByteBuffer.allocate(6 + half.length)
                          .put(DaemonClient.ACCEPTED)
                          .put(DaemonClient.STDOUT)
                          .putInt(half.length)
                          .put(half)
                          .flip());
                } catch (IOException e) {
                  // the test sees what the client makes of it
                }
              });
      dying.start();
      PerlScript.Result client = PerlScript.run(env, null, "validate", repo.toString());
      dying.join(10_000); // a client that never connected: closing the socket ends the thread
      assertThat(client.code()).isEqualTo(2);
      assertThat(client.out()).isEqualTo("✔ 0 err");
      assertThat(client.err())
          .isEqualTo(
              "waymark: the resident validate server (WAYMARK_DAEMON) stopped before it answered"
                  + " (end of stream); no result. Run again, or without WAYMARK_DAEMON=1.\n");
    }
  }

  @Test
  void shouldLoseTheResultAsALocalRunWhenStandardOutputCannotBeWritten() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/full")), "a device that is always full");
    Map<String, String> env = environment();
    try (ResidentServer server = ResidentServer.startFor(env)) {
      PerlScript.Result client =
          PerlScript.run(env, Path.of("/dev/full"), "validate", repo.toString());
      assertThat(server.served()).isEqualTo(1);
      assertThat(client.code()).isEqualTo(2);
      assertThat(client.err())
          .isEqualTo(
              "waymark: cannot write standard output: no space left on device; the result is"
                  + " lost\n");
    }
  }

  /**
   * This JVM's environment with a socket folder of the test's own and a variable beyond ASCII (the
   * name is computed over the identity's UTF-8 bytes on both sides).
   */
  private Map<String, String> environment() throws IOException {
    assumeTrue(perl.isPresent(), "Perl is on the PATH");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("XDG_RUNTIME_DIR", Files.createDirectories(tmp.resolve("run")).toString());
    env.put("WAYMARK_TEST_TEXT", "é ✔ 😀");
    env.put("WAYMARK_DAEMON", "1"); // as the launchers run the client for the server
    return env;
  }
}
