package io.waymark.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the resident validate server of this process's situation listens, and what that situation
 * is. One server per working folder, environment, class path (with each entry's time and size) and
 * Java: the server is started in the client's folder with the client's environment, so every
 * relative path and every environment variable a run reads is the same without being sent. The
 * socket's name is a digest of that situation ({@link #identity}); the server compares the whole
 * text, not only the digest, before it answers.
 *
 * <p>The socket lives in a folder only the user can use: {@code $XDG_RUNTIME_DIR/waymark}, else
 * {@code ${TMPDIR:-/tmp}/waymark-UID}, made with mode 0700 and, before every use, checked to be a
 * real folder (not a link) of this user with mode 0700. Anything else: no server (see {@link
 * #folder}). Never TCP.
 *
 * @param folder the checked folder
 * @param identity the situation, as text (see {@link #identity})
 */
record DaemonSocket(Path folder, String identity) {

  /**
   * The variables that never change what a run does: those shells change all the time, and those
   * that only choose who answers (the server or a local run, Perl or Java), so that an answer kept
   * or a server started by one way serves the other.
   */
  static final Set<String> IGNORED =
      Set.of("_", "SHLVL", "OLDPWD", "WAYMARK_DAEMON", "WAYMARK_DAEMON_CLIENT", "WAYMARK_PERL");

  /** The longest socket path used, in bytes (Linux allows 107). */
  static final int MAX_PATH = 100;

  /** The socket file. */
  Path socket() {
    return folder.resolve(new StringBuilder(40).append(name()).append(".sock").toString());
  }

  /** The lock the serving process holds while it lives (one server per socket). */
  Path lock() {
    return folder.resolve(name() + ".lock");
  }

  /** The server's own output (it has no terminal). */
  Path log() {
    return folder.resolve(name() + ".log");
  }

  /**
   * {@code v2-} and 128 bits of the identity's UTF-8 bytes, in hex: computed byte by byte with
   * 64-bit arithmetic, so that the client without a JVM ({@code waymark-daemon-client.pl}) finds
   * the same socket.
   */
  String name() {
    long a = 0xcbf29ce484222325L;
    long b = 0x84222325cbf29ce4L;
    for (byte by : identity.getBytes(StandardCharsets.UTF_8)) {
      int c = by & 0xff;
      a = (a ^ c) * 0x100000001b3L;
      b = Long.rotateLeft(b ^ c, 27) * 0x9e3779b97f4a7c15L + 0x632be59bd9b4e019L;
    }
    // Built by hand, as every string of the client's path: string concatenation starts
    // method-handle machinery that costs more than the rest of the client.
    StringBuilder name = new StringBuilder(35).append("v2-");
    hex(name, a);
    hex(name, b ^ (b >>> 31));
    return name.toString();
  }

  private static void hex(StringBuilder to, long v) {
    String h = Long.toHexString(v);
    for (int i = h.length(); i < 16; i++) {
      to.append('0');
    }
    to.append(h);
  }

  /** The socket of this process: its folder, environment, class path and Java. */
  static Optional<DaemonSocket> ofThisProcess() {
    return of(System.getenv());
  }

  /** The socket for {@code env}, in this process's folder, with its class path and Java. */
  static Optional<DaemonSocket> of(Map<String, String> env) {
    Optional<Path> folder = folder(env);
    if (folder.isEmpty()) {
      return Optional.empty();
    }
    DaemonSocket socket = new DaemonSocket(folder.get(), identity(env));
    // A socket's path has room for 107 bytes: a longer one could never be bound, and every run
    // would start a server that cannot listen.
    return socket.socket().toString().getBytes(StandardCharsets.UTF_8).length <= MAX_PATH
        ? Optional.of(socket)
        : Optional.empty();
  }

  /** This process's situation as text: what a server must share to answer for it. */
  static String identity(Map<String, String> env) {
    StringBuilder text = new StringBuilder(4096);
    text.append("cwd ").append(System.getProperty("user.dir")).append('\0');
    text.append("java ").append(System.getProperty("java.home")).append('\0');
    String classPath = System.getProperty("java.class.path", "");
    text.append("cp ").append(classPath).append('\0');
    text.append(stamp(classPath)).append('\0');
    String[] names = env.keySet().toArray(String[]::new);
    Arrays.sort(names);
    for (String name : names) {
      if (!IGNORED.contains(name)) {
        text.append(name).append('=').append(env.get(name)).append('\0');
      }
    }
    return text.toString();
  }

  /**
   * Each class-path entry's modification time (whole seconds, as the client without a JVM reads it)
   * and size: a changed jar is another Waymark.
   */
  static String stamp(String classPath) {
    StringBuilder text = new StringBuilder();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      try {
        BasicFileAttributes a = Files.readAttributes(Path.of(entry), BasicFileAttributes.class);
        text.append(a.lastModifiedTime().to(java.util.concurrent.TimeUnit.SECONDS))
            .append(' ')
            .append(a.size())
            .append(';');
      } catch (IOException | RuntimeException e) {
        text.append("-;");
      }
    }
    return text.toString();
  }

  /**
   * The socket folder for this environment, made if missing; empty when it is not safe to use (a
   * link, a file, another owner, a mode other than 0700) or the platform cannot tell.
   */
  static Optional<Path> folder(Map<String, String> env) {
    try {
      String runtime = env.get("XDG_RUNTIME_DIR");
      Path folder;
      if (runtime != null && !runtime.isEmpty() && Path.of(runtime).isAbsolute()) {
        folder = Path.of(runtime, "waymark");
      } else {
        String tmp = env.get("TMPDIR");
        Path base = tmp != null && !tmp.isEmpty() ? Path.of(tmp) : Path.of("/tmp");
        folder = base.resolve(new StringBuilder("waymark-").append(uid()).toString());
      }
      return checked(folder);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code folder}, made with mode 0700 when it is missing, if it is a real folder of this user
   * with mode 0700; else empty.
   */
  static Optional<Path> checked(Path folder) throws IOException {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createDirectory(
            folder,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (FileAlreadyExistsException e) {
        // made by another process just now: checked below like any other
      }
    }
    Map<String, Object> a =
        Files.readAttributes(
            folder, "unix:uid,mode,isDirectory,isSymbolicLink", LinkOption.NOFOLLOW_LINKS);
    boolean safe =
        Boolean.TRUE.equals(a.get("isDirectory"))
            && !Boolean.TRUE.equals(a.get("isSymbolicLink"))
            && a.get("uid") instanceof Integer owner
            && owner == uid()
            && a.get("mode") instanceof Integer mode
            && (mode & 0777) == 0700;
    return safe ? Optional.of(folder) : Optional.empty();
  }

  /** This process's user id (Linux: the owner of {@code /proc/self}). */
  static int uid() throws IOException {
    return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
  }
}
