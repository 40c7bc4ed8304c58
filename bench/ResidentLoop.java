import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Repeated `validate DIR --no-color` in one JVM, as a resident server would run it: odd iterations
 * append a comment line to one use-case file first ("one changed"), even ones change nothing
 * ("nothing changed"). Changed files are dated an hour back (a second apart each time), so that
 * the racy-clean rule (a file written in the last two seconds is always read) does not turn a
 * "nothing changed" run into a re-judgement. Prints each run's time and the medians of both kinds
 * after WARMUP iterations. Run by bench/resident-loop.sh.
 *
 *   java [-Dout=FILE] -cp waymark.jar bench/ResidentLoop.java DIR [ITERATIONS] [WARMUP]
 *
 * With -Dhold=true each run's cache writes are held until it has answered and made after the
 * timing (io.waymark.engine.CacheWrites, as the resident server does; a jar without it: as before).
 * With -Djfr=FILE a JFR recording of the runs after the warm-up is written to FILE. With -Dout=FILE the last run's output is written to FILE (to compare two jars' outputs).
 */
public final class ResidentLoop {
  /** -Dunchanged=true: no file is changed after the first run (every run answers from the store). */
  private static final boolean NOTHING_CHANGES = Boolean.getBoolean("unchanged");

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Method run =
        Class.forName("io.waymark.cli.Main")
            .getMethod("run", PrintWriter.class, PrintWriter.class, String[].class);
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir.resolve("use-cases"))) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
    long back = System.currentTimeMillis() - 3_600_000L;
    List<Double> changed = new ArrayList<>();
    List<Double> unchanged = new ArrayList<>();
    List<Double> changedCpu = new ArrayList<>();
    List<Double> changedAlloc = new ArrayList<>();
    List<Double> unchangedAlloc = new ArrayList<>();
    List<Double> unchangedCpu = new ArrayList<>();
    // CPU of the whole process (every thread: the load's, GC, the compilers): what a busy machine
    // does not inflate as it does the wall time.
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    Method hold = null;
    if (Boolean.getBoolean("hold")) {
      try {
        hold = Class.forName("io.waymark.engine.CacheWrites").getMethod("hold");
      } catch (ClassNotFoundException e) {
        System.out.println("(this jar writes its cache before it answers: -Dhold ignored)");
      }
    }
    String lastOut = null;
    int lastCode = -1;
    // -Djfr=FILE: a JFR recording (the "profile" settings) of the iterations after the warm-up.
    String jfr = System.getProperty("jfr");
    jdk.jfr.Recording recording = null;
    for (int i = 0; i < iterations; i++) {
      if (i == warmup && jfr != null) {
        recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.start();
      }
      boolean change = i % 2 == 0 && !NOTHING_CHANGES;
      if (change) {
        Path f = files.get((i / 2) % files.size());
        Files.writeString(f, "# edit " + i + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.setLastModifiedTime(f, FileTime.fromMillis(back + i * 1000L));
      }
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      long a0 = allocated();
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      int code;
      AutoCloseable held = hold == null ? null : (AutoCloseable) hold.invoke(null);
      try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
        code = (int) run.invoke(null, o, e, new String[] {"validate", dir.toString(), "--no-color"});
      }
      double ms = (System.nanoTime() - t0) / 1e6;
      double cpu = (os.getProcessCpuTime() - c0) / 1e6;
      double mb = (allocated() - a0) / 1e6;
      if (held != null) {
        held.close(); // the cache writes, after the answer
      }
      if (!change && lastOut != null && (!out.toString().equals(lastOut) || code != lastCode)) {
        System.out.println("  !! nothing-changed output differs from the run before");
      }
      lastOut = out.toString();
      lastCode = code;
      System.out.printf(
          "%3d %-9s %8.1f ms  cpu %8.1f ms  %7.1f MB allocated  exit %d  %d chars%n",
          i, change ? "changed" : "unchanged", ms, cpu, mb, code, lastOut.length());
      if (i >= warmup) {
        (change ? changed : unchanged).add(ms);
        (change ? changedCpu : unchangedCpu).add(cpu);
        (change ? changedAlloc : unchangedAlloc).add(mb);
      }
    }
    if (recording != null) {
      recording.stop();
      recording.dump(Path.of(jfr));
    }
    String save = System.getProperty("out");
    if (save != null) {
      Files.writeString(Path.of(save), lastOut, StandardCharsets.UTF_8); // the last run's output, to diff A/B
    }
    System.out.printf(
        "median one changed: %.1f ms, cpu %.1f ms, %.1f MB allocated (n=%d)%n",
        median(changed), median(changedCpu), median(changedAlloc), changed.size());
    System.out.printf(
        "median nothing changed: %.1f ms, cpu %.1f ms, %.1f MB allocated (n=%d)%n",
        median(unchanged), median(unchangedCpu), median(unchangedAlloc), unchanged.size());
  }

  /**
   * Bytes allocated so far by the live threads (the caller's and the pool's that load in parallel):
   * what a busy machine does not change, unlike the times.
   */
  private static long allocated() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long a : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      sum += Math.max(0, a);
    }
    return sum;
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
