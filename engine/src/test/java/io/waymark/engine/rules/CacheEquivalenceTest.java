package io.waymark.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Checkout;
import io.waymark.engine.Fixtures;
import io.waymark.engine.Recall;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Waymark;
import io.waymark.engine.load.FolderCache;
import io.waymark.engine.load.LoadCache;
import io.waymark.engine.model.Document;
import io.waymark.engine.rules.RuleExamplesTest.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The on-disk cache changes nothing: the failing and the passing example of every rule (the
 * fixtures {@link RuleExamplesTest} runs, each a whole example repository) judged with every rule
 * gives the same result without the cache, with an empty cache, with a warm one, after a file was
 * touched (its stamp changed, its content did not), after a file was edited, and after the pack was
 * damaged; and with nothing changed, the stored outcome of the last run ({@link Waymark#recall}) is
 * what judging without any cache gives.
 */
class CacheEquivalenceTest {

  private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

  static Stream<String> fixtures() {
    return RuleExamplesTest.executableRules()
        .filter(r -> !RuleExamplesTest.PULL_REQUEST.contains(r))
        .flatMap(r -> Stream.of(r + " failing", r + " passing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void shouldJudgeEveryFixtureTheSameWithAndWithoutTheCache(String fixture, @TempDir Path dir)
      throws IOException {
    String rule = fixture.substring(0, fixture.indexOf(' '));
    boolean failing = fixture.endsWith("failing");
    Scenario scenario = RuleExamplesTest.SCENARIOS.get(rule);
    RuleDescriptor descriptor = RuleRegistry.discover().descriptor(rule).orElseThrow();
    String example = failing ? descriptor.failingExample() : descriptor.passingExample();
    Path root = Fixtures.copyExample(dir.resolve("head"));
    (failing ? scenario.failingContext() : scenario.passingContext()).place(root, example);
    (failing ? scenario.failing() : scenario.passing()).place(root, example);
    age(root);
    ValidationOptions options = ValidationOptions.defaults().withAsOf(scenario.asOf());
    LoadCache cache = new FolderCache(dir.resolve("cache"));

    String reference = judged(root, options, LoadCache.NONE);
    assertThat(judged(root, options, cache)).as("cold cache").isEqualTo(reference);
    assertThat(Files.size(dir.resolve("cache").resolve(FolderCache.PACK))).isPositive();
    assertThat(judged(root, options, cache)).as("warm cache").isEqualTo(reference);

    // Nothing changed: the stored outcome of the last run, nothing loaded or judged again.
    Waymark waymark = Waymark.withoutHistory();
    Waymark.Request request = Waymark.Request.folder(root, "x").cachedIn(dir.resolve("cache"));
    Recall first = waymark.recall(request, options, "judged");
    assertThat(first.outcome()).as("nothing stored yet").isEmpty();
    try (Checkout checkout = waymark.open(request, options)) {
      ValidationResult judged = checkout.validate();
      first.keep(
          judged,
          io.waymark.engine.load.Printed.of(describe(judged).getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(waymark.recall(request, options, "judged").outcome())
        .as("nothing changed: the stored outcome, the same as judged without any cache")
        .hasValueSatisfying(
            o -> assertThat(new String(o, StandardCharsets.UTF_8)).isEqualTo(reference));

    Path file = aRegularYamlFile(root);
    Files.setLastModifiedTime(file, FileTime.from(LONG_AGO.plusSeconds(60)));
    assertThat(waymark.recall(request, options, "judged").outcome())
        .as("a touched file: judged again")
        .isEmpty();
    assertThat(judged(root, options, cache)).as("after touching " + file).isEqualTo(reference);

    Files.writeString(file, Files.readString(file) + "\n# edited\n");
    Files.setLastModifiedTime(file, FileTime.from(LONG_AGO.plusSeconds(120)));
    String edited = judged(root, options, LoadCache.NONE);
    assertThat(judged(root, options, cache)).as("after editing " + file).isEqualTo(edited);
    assertThat(judged(root, options, cache)).as("warm after the edit").isEqualTo(edited);

    Path pack = dir.resolve("cache").resolve(FolderCache.PACK);
    byte[] bytes = Files.readAllBytes(pack);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(pack, bytes);
    assertThat(judged(root, options, cache)).as("after damaging the pack").isEqualTo(edited);
  }

  /** Every file older than the two seconds under which a file is not stamped (read instead). */
  private static void age(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        Files.setLastModifiedTime(f, FileTime.from(LONG_AGO));
      }
    }
  }

  private static Path aRegularYamlFile(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.getFileName().toString().equals("waymark.yaml"))
          .sorted()
          .findFirst()
          .orElseThrow();
    }
  }

  /** Everything a front end shows of a result, as text. */
  private static String judged(Path root, ValidationOptions options, LoadCache cache) {
    return describe(Fixtures.every().validate(root, options, cache));
  }

  private static String describe(ValidationResult r) {
    List<Document> documents = r.load().documents();
    return "as of "
        + r.asOf()
        + "\nfiles "
        + r.files()
        + "\ndocuments "
        + documents.stream()
            .map(d -> d.file() + "#" + d.index() + " " + d.kind() + " " + d.id() + " " + d.valid())
            .collect(Collectors.joining(", "))
        + "\nmodels "
        + r.load().models().size()
        + "\nignores "
        + new java.util.TreeMap<>(r.load().ignores())
        + "\nfindings\n"
        + r.findings().stream().map(Object::toString).collect(Collectors.joining("\n"))
        + "\nsuppressed\n"
        + r.suppressed().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }
}
