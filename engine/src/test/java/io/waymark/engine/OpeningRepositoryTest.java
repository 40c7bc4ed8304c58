package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.history.Commit;
import io.waymark.engine.history.History;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.GitBlobs;
import io.waymark.engine.load.RepositorySource;
import io.waymark.engine.rules.history.FakeHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A work tree's Git repository is opened beside the load ({@link OpeningRepository}): whatever is
 * asked of it is answered exactly as when it was opened first, the as-of date falls back to the
 * commit's date when the work tree is its commit's, and a work tree that cannot be compared with
 * {@code HEAD} fails the run as it did.
 */
class OpeningRepositoryTest {

  @TempDir Path tmp;

  private static final Commit HEAD = FakeHistory.commit("aaaaaaa", "2027-04-30", 1);

  /** A repository whose HEAD holds {@code files}. */
  private static FakeHistory at(RepositorySource files) {
    return FakeHistory.complete().atHead(HEAD, files);
  }

  @Test
  void shouldForwardEveryMethodOfTheHistoryPortToTheOpenedHistory() throws Exception {
    Class<?> pending =
        OpeningRepository.start(
                () -> History.none("none"), new FolderSource(tmp, "x"), java.util.Optional.empty())
            .history()
            .getClass();
    for (Method m : History.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      assertThat(pending.getDeclaredMethod(m.getName(), m.getParameterTypes()))
          .as("%s is forwarded, not left to the port's default", m.getName())
          .isNotNull();
    }
  }

  @Test
  void shouldFallBackToTheCommitDateWhenTheWorkTreeIsItsCommits() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("plan"));
    Waymark waymark = new Waymark((folder, start) -> at(new FolderSource(dir, "HEAD")));

    try (Checkout target =
        waymark.open(Waymark.Request.folder(dir, "plan"), ValidationOptions.defaults())) {
      ValidationResult result = target.validate();
      assertThat(result.asOf()).isEqualTo(HEAD.date());
      assertThat(target.state()).isEqualTo(new Checkout.State(Optional.of(HEAD), false));
      assertThat(target.historyAvailable()).isTrue();
    }
  }

  /**
   * With a pull request's base the work tree's repository opens beside the load too ({@link
   * OpeningRepository}): the as-of date falls back to the commit's date as without a base.
   */
  @Test
  void shouldFallBackToTheCommitDateWithAPullRequestsBase() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("plan"));
    Waymark waymark = new Waymark((folder, start) -> at(new FolderSource(dir, "HEAD")));

    try (Checkout target =
        waymark.open(
            Waymark.Request.folder(dir, "plan").against("HEAD", true),
            ValidationOptions.defaults())) {
      ValidationResult result = target.validate();
      assertThat(result.asOf()).isEqualTo(HEAD.date());
      assertThat(target.state()).isEqualTo(new Checkout.State(Optional.of(HEAD), false));
    }
  }

  /** What lists HEAD's files. */
  @FunctionalInterface
  private interface Listing {
    List<RepositorySource.Entry> list() throws IOException;
  }

  /**
   * HEAD's files as {@code listing} lists them, with the blob ids {@code ids} gives; reading one
   * fails with {@code readFailure} and the path.
   */
  private static RepositorySource head(
      Listing listing, Function<String, Optional<String>> ids, String readFailure) {
    return new RepositorySource() {
      @Override
      public String label() {
        return "HEAD";
      }

      @Override
      public List<Entry> list() throws IOException {
        return listing.list();
      }

      @Override
      public byte[] read(String path) throws IOException {
        throw new IOException(readFailure + path);
      }

      @Override
      public Optional<String> blobId(String path) {
        return ids.apply(path);
      }
    };
  }

  @Test
  void shouldCompareWithTheBlobIdsOfHeadWithoutReadingItsFiles() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("plan"));
    Files.writeString(dir.resolve("notes.yaml"), "a: 1\n");
    FolderSource listing = new FolderSource(dir, "HEAD");
    String id = GitBlobs.sha1("a: 1\n".getBytes(StandardCharsets.UTF_8));
    RepositorySource head = head(listing::list, path -> Optional.of(id), "HEAD's file was read: ");
    Waymark waymark = new Waymark((folder, start) -> at(head));

    try (Checkout target =
        waymark.open(Waymark.Request.folder(dir, "plan"), ValidationOptions.defaults())) {
      target.validate();
      assertThat(target.state()).isEqualTo(new Checkout.State(Optional.of(HEAD), false));
    }
    Files.writeString(dir.resolve("notes.yaml"), "a: 2\n");
    try (Checkout target =
        waymark.open(Waymark.Request.folder(dir, "plan"), ValidationOptions.defaults())) {
      target.validate();
      assertThat(target.state())
          .as("same size, other bytes")
          .isEqualTo(new Checkout.State(Optional.of(HEAD), true));
    }
  }

  @Test
  void shouldTakeAWorkTreeWithCrLfLineBreaksForHeadsLfFiles() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("plan"));
    Path committed = Files.createDirectories(tmp.resolve("committed"));
    Files.writeString(committed.resolve("notes.yaml"), "a: 1\nb: 2\n");
    Files.writeString(dir.resolve("notes.yaml"), "a: 1\r\nb: 2\r\n");
    Waymark waymark = new Waymark((folder, start) -> at(new FolderSource(committed, "HEAD")));

    try (Checkout target =
        waymark.open(Waymark.Request.folder(dir, "plan"), ValidationOptions.defaults())) {
      assertThat(target.validate().asOf()).isEqualTo(HEAD.date());
    }
    Files.writeString(dir.resolve("notes.yaml"), "a: 1\r\nb: 3\r\n");
    try (Checkout target =
        waymark.open(Waymark.Request.folder(dir, "plan"), ValidationOptions.defaults())) {
      assertThat(target.validate().asOf()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
    }
  }

  @Test
  void shouldJudgeAChangedWorkTreeAsOfToday() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("plan"));
    Path committed = Files.createDirectories(tmp.resolve("committed"));
    Files.writeString(committed.resolve("notes.yaml"), "a: 1\n");
    Waymark waymark = new Waymark((folder, start) -> at(new FolderSource(committed, "HEAD")));

    try (Checkout target =
        waymark.open(Waymark.Request.folder(dir, "plan"), ValidationOptions.defaults())) {
      ValidationResult result = target.validate();
      assertThat(result.asOf()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
      assertThat(target.state()).isEqualTo(new Checkout.State(Optional.of(HEAD), true));
    }
  }

  @Test
  void shouldFailTheRunWhenTheWorkTreeCannotBeComparedWithHead() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("plan"));
    RepositorySource broken =
        head(
            () -> {
              throw new IOException("tree of HEAD unreadable");
            },
            path -> Optional.empty(),
            "tree of HEAD unreadable");
    Waymark waymark = new Waymark((folder, start) -> at(broken));

    try (Checkout target =
        waymark.open(
            Waymark.Request.folder(dir, "plan"),
            ValidationOptions.defaults().withAsOf(LocalDate.parse("2027-05-01")))) {
      assertThatThrownBy(target::validate)
          .as("even when the as-of date did not need the comparison")
          .isInstanceOf(IOException.class)
          .hasMessage("tree of HEAD unreadable");
      assertThatThrownBy(target::state)
          .isInstanceOf(UncheckedIOException.class)
          .hasRootCauseMessage("tree of HEAD unreadable");
    }
  }

  @Test
  void shouldCloseTheOpenedHistoryWithTheCheckout() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("plan"));
    FakeHistory history = at(new FolderSource(dir, "HEAD"));
    Waymark waymark = new Waymark((folder, start) -> history);

    try (Checkout target =
        waymark.open(Waymark.Request.folder(dir, "plan"), ValidationOptions.defaults())) {
      assertThat(target.historyAvailable()).isTrue();
    }
    assertThat(history.closed()).isTrue();
  }

  /** A tree of HEAD whose listing waits for {@code release}, then fails with {@code failure}. */
  private static RepositorySource headTree(
      java.util.concurrent.CountDownLatch release, RuntimeException failure) {
    return head(
        () -> {
          try {
            release.await(30, java.util.concurrent.TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw failure;
        },
        path -> Optional.empty(),
        "HEAD's file read: ");
  }

  @Test
  void shouldHandTheHistoryOutWhileTheWorkTreeIsStillComparedWithHead() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("plan"));
    java.util.concurrent.CountDownLatch compared = new java.util.concurrent.CountDownLatch(1);
    FakeHistory history = at(headTree(compared, new IllegalStateException("compared")));
    OpeningRepository opening =
        OpeningRepository.start(
            () -> history, new FolderSource(dir, "plan"), java.util.Optional.empty());

    // The comparison with HEAD waits until the history was read: before, reading it waited for
    // the comparison (and this test would wait its 30 seconds, then fail).
    java.util.concurrent.CompletableFuture<Boolean> read =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                boolean available = opening.history().available();
                opening.history().versions("roadmap.yaml");
                return available;
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    assertThat(read.get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    compared.countDown();
    assertThatThrownBy(opening::rethrowFailure).hasMessage("compared");
  }

  @Test
  void shouldFailTheRunAndStillCloseTheHistoryWhenTheComparisonBreaks() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("plan"));
    java.util.concurrent.CountDownLatch now = new java.util.concurrent.CountDownLatch(0);
    FakeHistory history = at(headTree(now, new IllegalStateException("comparison broke")));
    Waymark waymark = new Waymark((folder, start) -> history);

    try (Checkout target =
        waymark.open(
            Waymark.Request.folder(dir, "plan"),
            ValidationOptions.defaults().withAsOf(LocalDate.parse("2027-05-01")))) {
      assertThatThrownBy(target::validate)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("comparison broke");
      assertThatThrownBy(target::state).hasMessage("comparison broke");
    }
    assertThat(history.closed()).isTrue();
  }
}
