package io.waymark.cli;

import io.waymark.cli.format.Utf8Writer;
import io.waymark.engine.CacheWrites;
import io.waymark.engine.WatchedFolders;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * The resident validate server ({@code WAYMARK_DAEMON=1}, {@code waymark daemon start}): one
 * long-lived JVM that answers the plain {@code validate} lines {@link QuickValidate} reads, through
 * the very code of a local run ({@link Main#run}), for the clients of one situation ({@link
 * DaemonSocket}). One request at a time. It stops after an idle time ({@code WAYMARK_DAEMON_IDLE}
 * seconds, default 600), when its class path changes or its socket is gone, on {@code waymark
 * daemon stop}, after a run hit its time limit (the client gets the local run's message and exit
 * code first) and after a crash ({@code OutOfMemoryError}, {@code StackOverflowError}).
 */
final class DaemonServer {

  static final String IDLE_ENVIRONMENT = "WAYMARK_DAEMON_IDLE";

  /**
   * {@code 0}: the server walks every folder on every request instead of watching them ({@link
   * WatchedFolders}).
   */
  static final String WATCH_ENVIRONMENT = "WAYMARK_DAEMON_WATCH";

  static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);

  /** How long a client may take to send its request before it is dropped. */
  private static final long READ_LIMIT_MILLIS = 10_000;

  private final DaemonSocket socket;
  private final Duration idle;
  private final IntConsumer exit;
  private final Object turn = new Object();
  private final Instant started = Instant.now();
  private final String classPath = System.getProperty("java.class.path", "");
  private final String stamp = DaemonSocket.stamp(classPath);
  private volatile long lastUsed = System.nanoTime();
  private volatile boolean stopping;
  private volatile SocketChannel reading;
  private volatile long readingSince;
  private volatile Answer current;
  private ServerSocketChannel server;

  /** The folders' change notifications, while serving (see {@link WatchedFolders}). */
  private Optional<WatchedFolders> folders = Optional.empty();

  private long served;

  /**
   * @param exit ends the server with a code: the process's exit, or (tests) a stop of this one
   */
  DaemonServer(DaemonSocket socket, Duration idle, IntConsumer exit) {
    this.socket = socket;
    this.idle = idle;
    this.exit = exit;
  }

  /** The idle time from the environment: whole seconds, else the default. */
  static Duration idle(String text) {
    try {
      long seconds = Long.parseLong(text == null ? "" : text.strip());
      return seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_IDLE;
    } catch (NumberFormatException e) {
      return DEFAULT_IDLE;
    }
  }

  /**
   * Serves until stopped; false when it could not start (another server holds the socket, the
   * folder cannot be used).
   */
  boolean serve() throws IOException {
    try (FileChannel lockFile =
            FileChannel.open(socket.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock()) {
      if (lock == null) {
        return false; // another server of this situation lives
      }
      Files.deleteIfExists(socket.socket()); // left by a server that was killed
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket.socket()));
      Thread watch = new Thread(this::watch, "waymark-daemon-watch");
      watch.setDaemon(true);
      watch.start();
      folders =
          "0".equals(System.getenv(WATCH_ENVIRONMENT)) ? Optional.empty() : WatchedFolders.start();
      IntConsumer before = Deadline.HALTING.get();
      Deadline.HALTING.set(this::timeLimitPassed); // the runs are this thread's: see handle
      try {
        while (!stopping) {
          SocketChannel client;
          try {
            client = server.accept();
          } catch (IOException e) {
            break; // closed by stop
          }
          synchronized (turn) {
            // The runs of this request walk their folders through the change notifications.
            WatchedFolders.Scope scope = folders.map(WatchedFolders::enter).orElse(() -> {});
            try (SocketChannel c = client) {
              if (!stopping) {
                handle(c);
              }
            } catch (IOException e) {
              // the client went away: nothing to answer
            } finally {
              scope.close();
            }
            lastUsed = System.nanoTime();
          }
        }
      } finally {
        Deadline.HALTING.set(before);
        close();
        folders.ifPresent(WatchedFolders::close);
      }
      return true;
    }
  }

  /** Stops: the socket is removed first, so that no client connects to a server that leaves. */
  void stop(int code) {
    stopping = true;
    close();
    exit.accept(code);
  }

  private void close() {
    try {
      Files.deleteIfExists(socket.socket());
    } catch (IOException e) {
      // the folder went: the socket with it
    }
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException e) {
      // closing only
    }
  }

  /** Stops the server when idle, when its jar changed, when its socket went. */
  private void watch() {
    long tick = Math.max(100, Math.min(1000, idle.toMillis() / 4));
    while (!stopping) {
      try {
        Thread.sleep(tick);
      } catch (InterruptedException e) {
        return;
      }
      SocketChannel r = reading;
      if (r != null && System.currentTimeMillis() - readingSince > READ_LIMIT_MILLIS) {
        try {
          r.close(); // a client that sends nothing holds up everyone else
        } catch (IOException e) {
          // closing only
        }
      }
      synchronized (turn) {
        boolean idleLong = System.nanoTime() - lastUsed > idle.toNanos();
        if (idleLong
            || !stamp.equals(DaemonSocket.stamp(classPath))
            || !Files.exists(socket.socket())) {
          stop(ExitCode.OK);
          return;
        }
      }
    }
  }

  private void handle(SocketChannel channel) throws IOException {
    String[] strings;
    byte kind;
    reading = channel;
    readingSince = System.currentTimeMillis();
    try {
      DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
      if (in.readInt() != DaemonClient.MAGIC) {
        return;
      }
      kind = in.readByte();
      int count = in.readInt();
      if (count < 1 || count > 100_000) {
        return;
      }
      strings = new String[count];
      long total = 9;
      for (int i = 0; i < count; i++) {
        int length = in.readInt();
        total += 4L + length;
        if (length < 0 || total > DaemonClient.MAX_REQUEST) {
          return; // too large: refused without an answer
        }
        strings[i] = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      }
    } finally {
      reading = null;
    }
    Answer answer = new Answer(channel);
    switch (kind) {
      case DaemonClient.STATUS -> {
        answer.frame(DaemonClient.INFO, info().getBytes(StandardCharsets.UTF_8));
        answer.finish(ExitCode.OK);
      }
      case DaemonClient.STOP -> {
        answer.finish(ExitCode.OK);
        stop(ExitCode.OK);
      }
      case DaemonClient.VALIDATE -> validate(answer, strings);
      default -> {}
    }
  }

  @SuppressWarnings("try") // the held writes are made when the scope closes
  private void validate(Answer answer, String[] strings) throws IOException {
    if (strings.length < 3) {
      return;
    }
    String[] args = Arrays.copyOfRange(strings, 2, strings.length);
    if (!socket.identity().equals(strings[0])) {
      answer.refuse("another folder, environment, jar or Java");
      return;
    }
    if (QuickValidate.of(args).isEmpty()) {
      answer.refuse("not a plain validate line");
      return;
    }
    answer.accept();
    served++;
    current = answer;
    Failures.fatal = false;
    Terminal.given("1".equals(strings[1]));
    // The run's cache writes are made once the client has its answer (CacheWrites): it waits
    // for the answer only. The next request comes after them (one request at a time).
    try (CacheWrites.Held writes = CacheWrites.hold()) {
      int code;
      try {
        PrintWriter out = new Utf8Writer(answer.stream(DaemonClient.STDOUT));
        PrintWriter err =
            new PrintWriter(answer.stream(DaemonClient.STDERR), true, StandardCharsets.UTF_8);
        code = Main.run(out, err, answer::stdoutFailure, args);
      } finally {
        Terminal.ask();
        current = null;
      }
      answer.finish(code);
    }
    if (Failures.fatal) {
      stop(ExitCode.USAGE); // the JVM may be in no state to answer the next one
    }
  }

  /** The time limit passed ({@link Deadline}): the client gets the local run's exit code. */
  private void timeLimitPassed(int code) {
    Answer a = current;
    if (a != null) {
      a.finish(code);
    }
    stop(code);
  }

  private String info() {
    return "pid "
        + ProcessHandle.current().pid()
        + System.lineSeparator()
        + "socket "
        + socket.socket()
        + System.lineSeparator()
        + "since "
        + started
        + System.lineSeparator()
        + "answered "
        + served
        + System.lineSeparator()
        + folders
            .map(w -> "folders watched, walks saved " + w.walksGivenAgain())
            .orElse("folders walked on every request")
        + System.lineSeparator()
        + "stops after "
        + idle.toSeconds()
        + " s idle"
        + System.lineSeparator();
  }

  long served() {
    return served;
  }

  /** One request's answer: frames written whole, one at a time; nothing after the end. */
  private static final class Answer {

    private final SocketChannel channel;
    private boolean ended;
    private IOException stdoutFailure;

    Answer(SocketChannel channel) {
      this.channel = channel;
    }

    Optional<IOException> stdoutFailure() {
      return Optional.ofNullable(stdoutFailure);
    }

    synchronized void accept() throws IOException {
      write(ByteBuffer.allocate(1).put(DaemonClient.ACCEPTED));
    }

    synchronized void refuse(String reason) throws IOException {
      frame(DaemonClient.REFUSED, reason.getBytes(StandardCharsets.UTF_8));
      ended = true;
    }

    synchronized void frame(byte type, byte[] bytes) throws IOException {
      frame(type, bytes, 0, bytes.length);
    }

    synchronized void frame(byte type, byte[] bytes, int off, int len) throws IOException {
      if (ended) {
        throw new IOException("the answer has ended");
      }
      write(ByteBuffer.allocate(5 + len).put(type).putInt(len).put(bytes, off, len));
    }

    /** The exit code; the end of the answer. Once. */
    synchronized void finish(int code) {
      if (ended) {
        return;
      }
      ended = true;
      try {
        write(ByteBuffer.allocate(5).put(DaemonClient.EXIT).putInt(code));
      } catch (IOException e) {
        // the client went away
      }
    }

    private void write(ByteBuffer b) throws IOException {
      b.flip();
      while (b.hasRemaining()) {
        channel.write(b);
      }
    }

    OutputStream stream(byte type) {
      return new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          if (len == 0) {
            return;
          }
          try {
            frame(type, b, off, len);
          } catch (IOException e) {
            if (type == DaemonClient.STDOUT) {
              synchronized (Answer.this) {
                if (stdoutFailure == null) {
                  stdoutFailure = e;
                }
              }
            }
            throw e;
          }
        }
      };
    }
  }

  /** {@code waymark daemon serve}: the server of this process's situation, until it stops. */
  static int main() {
    Optional<DaemonSocket> socket = DaemonSocket.ofThisProcess();
    if (socket.isEmpty()) {
      System.err.println("waymark daemon: no safe socket folder; not serving");
      return ExitCode.USAGE;
    }
    DaemonServer server =
        new DaemonServer(
            socket.get(),
            idle(System.getenv(IDLE_ENVIRONMENT)),
            code -> Runtime.getRuntime().halt(code));
    try {
      return server.serve() ? ExitCode.OK : ExitCode.OK;
    } catch (IOException e) {
      System.err.println("waymark daemon: " + e);
      return ExitCode.USAGE;
    }
  }
}
