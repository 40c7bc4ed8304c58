package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

// Runs alone (junit-platform.properties): it sets Watch.started, and waits on the file system's
// events.
@Isolated
class ValidateWatchTest {

  @TempDir Path tmp;

  private final AtomicReference<Watch> watch = new AtomicReference<>();

  @AfterEach
  void stopAndForget() {
    if (watch.get() != null) {
      watch.get().stop();
    }
    Watch.started = w -> {};
  }

  @Test
  void shouldValidateAgainAfterAChangeKeepGoingAfterErrorsAndStopCleanly() throws Exception {
    Path dir = tmp.resolve("ai-roadmap");
    assertThat(Cli.run("init", dir.toString(), "--no-git").code()).isZero();
    Watch.started = watch::set;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    CompletableFuture<Integer> running =
        CompletableFuture.supplyAsync(
            () ->
                Main.run(
                    new PrintWriter(out, true),
                    new PrintWriter(err, true),
                    "validate",
                    "--watch",
                    dir.toString()));
    await(() -> watch.get() != null && watch.get().runs() == 1);
    assertThat(out.toString()).contains("[watch] exit 0").doesNotContain(Watch.CLEAR);

    // A broken file: the run reports it and the watch goes on.
    Path kpis = dir.resolve("metrics/kpis.yaml");
    String good = Files.readString(kpis);
    Files.writeString(kpis, good.replace("kind: Metrics", "kind: Metrics\n  - : ["));
    await(() -> watch.get().runs() == 2);
    assertThat(out.toString()).contains("[watch] exit 1").contains("metrics/kpis.yaml");

    // Fixed again: a third, clean run.
    Files.writeString(kpis, good);
    await(() -> watch.get().runs() == 3);
    assertThat(out.toString().substring(out.toString().lastIndexOf("[watch] exit 1")))
        .contains("[watch] exit 0");

    watch.get().stop();
    assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void shouldRunPastTheDefaultTimeLimitButStopAtAnExplicitOne() throws Exception {
    Path dir = tmp.resolve("ai-roadmap");
    assertThat(Cli.run("init", dir.toString(), "--no-git").code()).isZero();
    File out = tmp.resolve("watch.txt").toFile();

    // WAYMARK_TIMEOUT stands for the default limit: a watch runs until Ctrl-C, not 1 s.
    Process unlimited =
        OutputFailureTest.waymark(
            List.of("WAYMARK_TIMEOUT=1s"), out, "validate", "--watch", dir.toString());
    try {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (unlimited.isAlive()
          && !Files.readString(out.toPath()).contains("[watch] exit 0")
          && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      assertThat(Files.readString(out.toPath())).contains("[watch] exit 0");
      assertThat(unlimited.waitFor(2, TimeUnit.SECONDS)).as("still watching").isFalse();
    } finally {
      unlimited.destroy();
      unlimited.waitFor(10, TimeUnit.SECONDS);
    }

    Process limited =
        OutputFailureTest.waymark(
            List.of(), out, "validate", "--watch", "--timeout", "1s", dir.toString());
    String err = new String(limited.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(limited.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(limited.exitValue()).as(err).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void shouldRefuseWatchWithARevisionOrAMissingFolder() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("empty"));

    Cli rev = Cli.run("validate", "--watch", "--rev", "HEAD", dir.toString());
    Cli missing = Cli.run("validate", "--watch", tmp.resolve("nothing").toString());

    assertThat(rev.code()).isEqualTo(ExitCode.USAGE);
    assertThat(rev.err()).contains("--watch").contains("--rev");
    assertThat(missing.code()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("is not a folder to watch");
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 30 s for the watch").isLessThan(end);
      Thread.sleep(50);
    }
  }
}
