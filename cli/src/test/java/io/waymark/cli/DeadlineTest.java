package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeadlineTest {

  @Test
  void shouldReadDurationsWithAUnitOnly() {
    assertThat(Deadline.parse("90s")).contains(Duration.ofSeconds(90));
    assertThat(Deadline.parse(" 500ms ")).contains(Duration.ofMillis(500));
    assertThat(Deadline.parse("2h")).contains(Duration.ofHours(2));
    assertThat(Deadline.parse("0s")).isEmpty();
    assertThat(Deadline.parse("10")).isEmpty();
    assertThat(Deadline.parse("1.5m")).isEmpty();
  }

  /** "5M" and "99999999999h" were "not a duration" without saying what was wrong with them. */
  @Test
  void shouldSayWhatIsWrongWithATimeLimit() {
    assertThat(Deadline.invalid("--timeout '5M'", "5M", "90s, 10m or 1h").getMessage())
        .isEqualTo(
            "--timeout '5M' is not a duration: units are lower case (ms, s, m, h); write 5m");
    assertThat(
            Deadline.invalid("WAYMARK_TIMEOUT='99999999999h'", "99999999999h", "90s, 10m or 1h")
                .getMessage())
        .isEqualTo(
            "WAYMARK_TIMEOUT='99999999999h' is longer than any run is waited for: write at most 9"
                + " digits, e.g. 90s, 10m or 1h");
    assertThat(Deadline.invalid("--timeout 'soon'", "soon", "90s, 10m or 1h").getMessage())
        .isEqualTo(
            "--timeout 'soon' is not a duration; write a whole number from 1 with a unit (ms, s,"
                + " m, h), e.g. 90s, 10m or 1h");
    assertThat(Deadline.invalid("--timeout '0s'", "0s", "90s").getMessage())
        .contains("is not a duration; write a whole number from 1");
  }

  /**
   * Two resident servers in one JVM (the tests' situation) each answer their own run's time limit:
   * what a server sets instead of halting holds for the runs started on its thread only.
   */
  @Test
  void shouldAnswerTheTimeLimitOfARunToTheThreadThatStartedIt() throws Exception {
    List<String> answered = new CopyOnWriteArrayList<>();
    CountDownLatch both = new CountDownLatch(2);
    Thread first = server("first", answered, both);
    Thread second = server("second", answered, both);
    first.start();
    second.start();
    assertThat(both.await(10, TimeUnit.SECONDS)).isTrue();
    first.join();
    second.join();

    assertThat(answered).containsExactlyInAnyOrder("first 2", "second 2");
    assertThat(Deadline.HALTING.get()).isNull();
  }

  /**
   * A run that ends just as its limit passed does not interrupt the watchdog's answer: for a
   * resident server that answer is a write to the client's socket, which an interrupt closes (the
   * client then saw "the server stopped before it answered" and lost the exit code).
   */
  @Test
  void shouldLeaveTheWatchdogsAnswerUninterruptedWhenTheRunEndsAfterTheLimit() throws Exception {
    CountDownLatch answering = new CountDownLatch(1);
    CountDownLatch runEnded = new CountDownLatch(1);
    CountDownLatch answered = new CountDownLatch(1);
    List<String> seen = new CopyOnWriteArrayList<>();
    Deadline.Limit limit = new Deadline.Limit(Duration.ofMillis(1), "1ms", "--timeout");
    Deadline run =
        Deadline.start(
            limit,
            new PrintWriter(new StringWriter()),
            code -> {
              answering.countDown();
              try {
                assertThat(runEnded.await(10, TimeUnit.SECONDS)).isTrue();
                seen.add(Thread.currentThread().isInterrupted() ? "interrupted" : "answered");
              } catch (InterruptedException e) {
                seen.add("interrupted");
              }
              answered.countDown();
            });
    assertThat(answering.await(10, TimeUnit.SECONDS)).isTrue();

    run.close(); // the run ends while the watchdog is answering
    runEnded.countDown();

    assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).containsExactly("answered");
  }

  /** A thread that stands for a server: its own answer, one run that passes a 1 ms limit. */
  private static Thread server(String name, List<String> answered, CountDownLatch done) {
    return new Thread(
        () -> {
          Deadline.HALTING.set(
              code -> {
                answered.add(name + " " + code);
                done.countDown();
              });
          Deadline.Limit limit = new Deadline.Limit(Duration.ofMillis(1), "1ms", "--timeout");
          PrintWriter err = new PrintWriter(new StringWriter());
          Deadline run = Deadline.start(limit, err, Deadline.HALT);
          try {
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            run.close();
          }
        },
        name);
  }
}
