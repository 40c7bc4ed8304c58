package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.history.Revision;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.LoadCache;
import io.waymark.engine.load.RepositorySource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request's base is resolved on a thread of its own while the head's files are loaded
 * ({@link LaterBase}): the head's load does not wait for it, the findings are those of a base
 * resolved first, and a base that cannot be resolved fails the run with its own message, also when
 * the head's load fails meanwhile. No thread is left running once the checkout is closed.
 */
class LaterBaseTest {

  @TempDir Path tmp;

  private int bases;

  /**
   * Long enough never to be reached when the base waits as it should; only a base resolved before
   * the head's load (the defect) waits this long, and the test then fails on what it recorded.
   */
  private static final long GUARD_SECONDS = 20;

  /**
   * A repository of named revisions, each a folder. Asked for the revision {@code blocked}, it
   * waits until {@code release} is counted down (from within the head's load), noting who asked and
   * whether the release came.
   */
  private static final class Repository extends Revisions {
    final String blocked;
    final CountDownLatch release;
    volatile Thread resolver;
    volatile boolean released;

    Repository(String blocked, CountDownLatch release) {
      this.blocked = blocked;
      this.release = release;
    }

    @Override
    public Revision revision(String name) {
      if (name.equals(blocked)) {
        resolver = Thread.currentThread();
        try {
          released = release.await(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return super.revision(name);
    }
  }

  /** A cache that keeps nothing and tells {@code reading} when the head's load first reads it. */
  private static LoadCache telling(CountDownLatch reading) {
    return new LoadCache() {
      @Override
      public Optional<Stored> read() {
        reading.countDown();
        return Optional.empty();
      }

      @Override
      public void write(Function<String, byte[]> content) {
        // nothing is kept
      }
    };
  }

  /** The example as the work tree, and as base {@code main} the example with a milestone moved. */
  private Repository repository(Path dir, String blocked, CountDownLatch release) {
    Path base = Fixtures.copyExample(tmp.resolve("base" + (++bases)));
    Fixtures.replaceOnce(base.resolve("roadmap.yaml"), "due: 2027-01-29", "due: 2026-12-18");
    Repository git = new Repository(blocked, release);
    git.add("HEAD", "aaaaaaa", "2027-05-10", new FolderSource(dir, "HEAD"));
    git.add("main", "ccccccc", "2027-05-01", new FolderSource(base, "main"));
    return git;
  }

  private static List<Finding> findings(Waymark waymark, Waymark.Request request)
      throws IOException {
    try (Checkout target = waymark.open(request, ValidationOptions.defaults())) {
      return target.validate().findings();
    }
  }

  @Test
  void shouldStartTheHeadsLoadBeforeTheBaseIsResolved() throws IOException {
    Path dir = Fixtures.copyExample(tmp.resolve("plan"));
    CountDownLatch headLoading = new CountDownLatch(1);
    Repository git = repository(dir, "main", headLoading);
    Waymark waymark = new Waymark((folder, start) -> git);
    Waymark.Request request =
        Waymark.Request.folder(dir, "plan").against("main", true).withCache(telling(headLoading));

    List<Finding> found;
    try (Checkout target = waymark.open(request, ValidationOptions.defaults())) {
      found = target.validate().findings();
      assertThat(git.resolver)
          .as("the base is resolved on a thread of its own")
          .isNotNull()
          .isNotSameAs(Thread.currentThread());
      assertThat(git.released)
          .as("the base's resolution waited for the head's load, which did not wait for it")
          .isTrue();
    }
    assertThat(git.resolver.isAlive()).as("no thread is left running once closed").isFalse();
    assertThat(git.closed).isTrue();

    // The same findings as a base resolved at once, and the base's own: a run without it differs.
    Repository unblocked = repository(dir, "none", new CountDownLatch(0));
    Waymark plain = new Waymark((folder, start) -> unblocked);
    assertThat(found)
        .isEqualTo(findings(plain, Waymark.Request.folder(dir, "plan").against("main", true)))
        .isNotEqualTo(findings(plain, Waymark.Request.folder(dir, "plan")));
  }

  @Test
  void shouldResolveTheBaseOfARevisionBesideItsLoadToo() throws IOException {
    Path dir = Fixtures.copyExample(tmp.resolve("plan"));
    CountDownLatch headLoading = new CountDownLatch(1);
    Repository git = repository(dir, "main", headLoading);
    Waymark waymark = new Waymark((folder, start) -> git);
    Waymark.Request request =
        Waymark.Request.folder(dir, "plan")
            .at("HEAD")
            .against("main", true)
            .withCache(telling(headLoading));

    try (Checkout target = waymark.open(request, ValidationOptions.defaults())) {
      target.validate();
      assertThat(git.resolver).isNotNull().isNotSameAs(Thread.currentThread());
      assertThat(git.released).as("the revision's load did not wait for the base").isTrue();
    }
    assertThat(git.resolver.isAlive()).isFalse();
  }

  @Test
  void shouldFailTheRunWithTheBasesMessageWhenItCannotBeResolved() throws IOException {
    Path dir = Fixtures.copyExample(tmp.resolve("plan"));
    Repository git = repository(dir, "origin/nope", new CountDownLatch(0));
    Waymark waymark = new Waymark((folder, start) -> git);

    try (Checkout target =
        waymark.open(
            Waymark.Request.folder(dir, "plan").against("origin/nope", false),
            ValidationOptions.defaults())) {
      assertThatThrownBy(target::validate)
          .isInstanceOf(RequestException.class)
          .hasMessage("--base origin/nope: unknown revision 'origin/nope'");
      assertThatThrownBy(target::baseNote)
          .isInstanceOf(RequestException.class)
          .hasMessage("--base origin/nope: unknown revision 'origin/nope'");
    }
    assertThat(git.resolver.isAlive()).isFalse();
    assertThat(git.closed).isTrue();
  }

  /**
   * A repository whose HEAD tree cannot be read: the work tree cannot be compared with it. Without
   * {@code spec.asOf} the as-of date falls back to that comparison right after the head's load,
   * before the base's: the head fails first.
   */
  private Repository unreadableHead(Path dir, String blocked) {
    Fixtures.replaceOnce(dir.resolve("waymark.yaml"), "  asOf: 2027-05-14\n", "");
    Repository git = repository(dir, blocked, new CountDownLatch(0));
    git.add(
        "HEAD",
        "aaaaaaa",
        "2027-05-10",
        new RepositorySource() {
          @Override
          public String label() {
            return "HEAD";
          }

          @Override
          public List<Entry> list() throws IOException {
            throw new IOException("tree of HEAD unreadable");
          }

          @Override
          public byte[] read(String path) throws IOException {
            throw new IOException("tree of HEAD unreadable");
          }
        });
    return git;
  }

  @Test
  void shouldFailWithTheBasesFailureFirstWhenTheHeadFailsToo() throws IOException {
    Path dir = Fixtures.copyExample(tmp.resolve("plan"));
    Repository git = unreadableHead(dir, "origin/nope");
    Waymark waymark = new Waymark((folder, start) -> git);

    try (Checkout target =
        waymark.open(
            Waymark.Request.folder(dir, "plan").against("origin/nope", true),
            ValidationOptions.defaults())) {
      // As when the base was resolved before the head's load began.
      assertThatThrownBy(target::validate)
          .isInstanceOf(RequestException.class)
          .hasMessage("--base origin/nope: unknown revision 'origin/nope'");
    }
    assertThat(git.resolver.isAlive()).isFalse();
  }

  @Test
  void shouldFailWithTheHeadsFailureAndEndTheBasesThreadWhenTheBaseIsSound() throws IOException {
    Path dir = Fixtures.copyExample(tmp.resolve("plan"));
    Repository git = unreadableHead(dir, "main");
    Waymark waymark = new Waymark((folder, start) -> git);

    try (Checkout target =
        waymark.open(
            Waymark.Request.folder(dir, "plan").against("main", true),
            ValidationOptions.defaults())) {
      assertThatThrownBy(target::validate)
          .isInstanceOf(IOException.class)
          .hasMessage("tree of HEAD unreadable");
      target.awaitBase(); // sound: nothing thrown
      assertThat(target.baseNote()).isEmpty();
    }
    assertThat(git.resolver.isAlive()).as("no thread is left running once closed").isFalse();
    assertThat(git.closed).isTrue();
  }
}
