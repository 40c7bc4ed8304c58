package io.waymark.cli;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The client of the resident validate server ({@link DaemonServer}), run by {@link Main} before
 * anything else when {@code WAYMARK_DAEMON=1}: it sends the command line and whether the output is
 * a terminal, and writes what comes back (standard output, standard error, the exit code) as the
 * run's own. Few classes, no picocli, no engine: the point is the JVM's start.
 *
 * <p>The protocol, on a Unix domain socket: a request is {@code i32 MAGIC · u8 kind · i32 count ·
 * count × (i32 length · UTF-8)}, at most {@link #MAX_REQUEST} bytes; for {@link #VALIDATE} the
 * strings are the identity ({@link DaemonSocket#identity}), "1" or "0" for a terminal, then the
 * arguments. The answer is frames of {@code u8 type} and a payload: {@link #ACCEPTED} (none),
 * {@link #STDOUT} and {@link #STDERR} ({@code i32 length · bytes}), {@link #INFO} (the same), then
 * {@link #EXIT} ({@code i32 code}) or {@link #REFUSED} ({@code i32 length · reason}), which end it.
 */
final class DaemonClient {

  static final int MAGIC = 0x574d4b31; // "WMK1"
  static final int MAX_REQUEST = 1 << 20;
  static final byte VALIDATE = 'V';
  static final byte STOP = 'S';
  static final byte STATUS = 'P';
  static final byte ACCEPTED = 'A';
  static final byte STDOUT = 'O';
  static final byte STDERR = 'E';
  static final byte INFO = 'I';
  static final byte EXIT = 'X';
  static final byte REFUSED = 'R';

  /** What became of a request. */
  enum Outcome {
    /** Answered: the exit code is the run's. */
    ANSWERED,
    /** No server listens (or it closed before it took the request): run here. */
    NO_SERVER,
    /** A server listens but leaves this line to a local run (another situation, not plain). */
    REFUSED
  }

  /** A request's outcome, the exit code when answered, and a refusal's reason. */
  record Reply(Outcome outcome, int code, String reason) {}

  private DaemonClient() {}

  /**
   * Sends {@code args} to the server of {@code socket} and writes its answer to {@code out} and
   * {@code err}. When the server took the request but the connection ended before the exit code,
   * says so on {@code err}: exit 2, never a pass. A standard output that cannot be written is
   * reported as a local run reports it.
   */
  static Reply validate(
      DaemonSocket socket, boolean console, String[] args, OutputStream out, OutputStream err) {
    return validate(socket.socket(), socket.identity(), console, args, out, err);
  }

  /** As {@link #validate(DaemonSocket, boolean, String[], OutputStream, OutputStream)}. */
  static Reply validate(
      Path socket,
      String identity,
      boolean console,
      String[] args,
      OutputStream out,
      OutputStream err) {
    List<String> strings = new ArrayList<>(args.length + 2);
    strings.add(identity);
    strings.add(console ? "1" : "0");
    strings.addAll(List.of(args));
    boolean accepted = false;
    IOException stdoutFailure = null;
    try (SocketChannel channel = connect(socket)) {
      if (channel == null) {
        return new Reply(Outcome.NO_SERVER, 0, "");
      }
      send(channel, VALIDATE, strings);
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
      while (true) {
        int type = in.read();
        if (type < 0) {
          throw new EOFException();
        }
        switch (type) {
          case ACCEPTED -> accepted = true;
          case STDOUT, STDERR -> {
            byte[] bytes = in.readNBytes(in.readInt());
            try {
              if (type == STDOUT) {
                if (stdoutFailure == null) {
                  out.write(bytes);
                  out.flush();
                }
              } else {
                err.write(bytes);
                err.flush();
              }
            } catch (IOException e) {
              if (type == STDOUT) {
                stdoutFailure = e;
              }
            }
          }
          case EXIT -> {
            int code = in.readInt();
            if (stdoutFailure != null) {
              if (!Main.CheckedOutput.closedPipe(stdoutFailure)) { // a closed pipe: as Main, quiet
                say(
                    err,
                    "waymark: cannot write standard output: "
                        + io.waymark.report.OutputFolder.reason(stdoutFailure)
                        + "; the result is lost");
              }
              code = ExitCode.USAGE;
            }
            return new Reply(Outcome.ANSWERED, code, "");
          }
          case REFUSED -> {
            return new Reply(
                Outcome.REFUSED,
                0,
                new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8));
          }
          default -> throw new IOException("unknown frame " + type);
        }
      }
    } catch (IOException e) {
      if (!accepted) {
        return new Reply(Outcome.NO_SERVER, 0, ""); // nothing was done: run here
      }
      say(
          err,
          "waymark: the resident validate server (WAYMARK_DAEMON) stopped before it answered ("
              + e.getClass().getSimpleName()
              + "); no result. Run again, or without WAYMARK_DAEMON=1.");
      return new Reply(Outcome.ANSWERED, ExitCode.USAGE, "");
    }
  }

  /** Sends a request without arguments ({@link #STOP}, {@link #STATUS}); the info text, if any. */
  static java.util.Optional<String> ask(Path socket, byte kind, String identity) {
    try (SocketChannel channel = connect(socket)) {
      if (channel == null) {
        return java.util.Optional.empty();
      }
      send(channel, kind, List.of(identity));
      DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
      StringBuilder info = new StringBuilder();
      while (true) {
        int type = in.read();
        if (type == INFO) {
          info.append(new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8));
        } else if (type == EXIT) {
          return java.util.Optional.of(info.toString());
        } else {
          return java.util.Optional.empty();
        }
      }
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  /** A connected channel; null when nothing listens there. */
  private static SocketChannel connect(Path socket) throws IOException {
    if (!socket.toFile().exists()) {
      return null;
    }
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(socket));
      return channel;
    } catch (IOException e) {
      channel.close();
      return null;
    }
  }

  private static void send(SocketChannel channel, byte kind, List<String> strings)
      throws IOException {
    List<byte[]> encoded = new ArrayList<>(strings.size());
    int size = 4 + 1 + 4;
    for (String s : strings) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      encoded.add(b);
      size += 4 + b.length;
    }
    if (size > MAX_REQUEST) {
      throw new IOException("request too large");
    }
    ByteBuffer request = ByteBuffer.allocate(size).putInt(MAGIC).put(kind).putInt(strings.size());
    for (byte[] b : encoded) {
      request.putInt(b.length).put(b);
    }
    request.flip();
    while (request.hasRemaining()) {
      channel.write(request);
    }
  }

  private static void say(OutputStream err, String line) {
    try {
      err.write((line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
      err.flush();
    } catch (IOException e) {
      // nothing more can be said; the exit code says it
    }
  }

  /**
   * Starts a server for {@code socket} in the background, detached: its own output goes to the log
   * file in the socket's folder, its input is empty, nothing of this process's is inherited (a CI
   * harness waiting for this run's output never waits for it). The JVM options of this process are
   * its options, but for those that record class lists or caches and the debugger.
   */
  static void startServer(DaemonSocket socket) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        serverOptions(
            java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
    // The inode change time straight from the JDK's lstat result, as a run started with -jar
    // reads it (the jar's manifest opens it there; see FolderWalk.UnixStat): a server walks the
    // folder on every request, and the attribute map of the unix view costs about as much again.
    command.add("--add-opens");
    command.add("java.base/sun.nio.fs=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("daemon");
    command.add("serve");
    new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(socket.log().toFile()))
        .redirectErrorStream(true)
        .start();
  }

  /**
   * The JVM options of a server started by a run with {@code options}: the same, but for those that
   * record archives or wait for a debugger, and those chosen for a short run. A short run stops at
   * C1 (one compiler thread), whose code is ready sooner; a server runs long enough for C2's (one
   * file changed among 10,000: about a third less time once warm). A short run's small young
   * generation would collect several times per request of a large folder, and its survivors moved
   * straight to the old generation would fill that with each request's garbage. A short run's
   * parallel collector (fast at moving a large folder's documents to the old generation once)
   * becomes the serial one, as for the language server: a process that lives on keeps its heap
   * small.
   */
  static List<String> serverOptions(List<String> options) {
    List<String> kept = new ArrayList<>();
    for (String option : options) {
      if (option.equals("-XX:+UseParallelGC")) {
        kept.add("-XX:+UseSerialGC");
      } else if (!recordsOrDebugs(option)
          && !option.startsWith("-XX:TieredStopAtLevel")
          && !option.startsWith("-XX:CICompilerCount")
          && !option.startsWith("-XX:-UseDynamicNumberOfCompilerThreads")
          && !option.startsWith("-Xmn")
          && !option.startsWith("-XX:MaxTenuringThreshold")) {
        kept.add(option);
      }
    }
    return kept;
  }

  /** JVM options a server must not repeat: they record archives, or wait for a debugger. */
  static boolean recordsOrDebugs(String option) {
    return option.startsWith("-XX:ArchiveClassesAtExit")
        || option.startsWith("-XX:DumpLoadedClassList")
        || option.startsWith("-XX:AOTCacheOutput")
        || option.startsWith("-XX:AOTMode")
        || option.startsWith("-XX:AOTConfiguration")
        || option.startsWith("-Xshare:dump")
        || option.startsWith("-agentlib:jdwp")
        || option.startsWith("-javaagent")
        || option.startsWith("-Xrunjdwp");
  }
}
