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
