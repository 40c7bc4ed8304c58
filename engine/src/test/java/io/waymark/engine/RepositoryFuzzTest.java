package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.rules.RuleRegistry;
import io.waymark.engine.schema.QuickAndFull;
import io.waymark.engine.schema.SchemaCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fuzz targets (issue 11, docs/reliability.md) on whole repository folders: the loader on generated
 * folders, the mapping of schema errors to a line and column, and every rule on generated
 * schema-valid documents. Each run must end without an exception, every finding must point inside
 * its file, and no rule may fail ({@link Validator#RULE_FAILED}).
 */
class RepositoryFuzzTest {

  static final Path EXAMPLE = Path.of("..", "example-roadmap");
  static final Map<String, String> EXAMPLE_FILES = exampleFiles();
  static final List<String> NAMES = List.copyOf(EXAMPLE_FILES.keySet());
  static final Validator VALIDATOR = new Validator(RuleRegistry.discover());

  /** key: value lines whose value is a plain scalar (what the mutations change). */
  static final Pattern SCALAR =
      Pattern.compile("(?m)^(\\s*(?:- )?[A-Za-z][\\w-]*: )([^\\s\\[{|>&*!#'\"][^#\\n]*)$");

  @FuzzTest(maxDuration = "10s")
  void loaderOnGeneratedFolders(FuzzedDataProvider data) throws IOException {
    loader(data);
  }

  static void loader(FuzzedDataProvider data) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    int count = data.consumeInt(1, 4);
    for (int i = 0; i < count; i++) {
      String name =
          data.pickValue(
              List.of(
                  "roadmap.yaml",
                  "waymark.yaml",
                  "metrics/m.yaml",
                  "a/b/c.yml",
                  "x.yaml",
                  "notes.txt",
                  ".hidden.yaml",
                  NAMES.get(data.consumeInt(0, NAMES.size() - 1))));
      byte[] content =
          data.consumeBoolean()
              ? mutate(EXAMPLE_FILES.get(data.pickValue(NAMES)), data, true)
                  .getBytes(StandardCharsets.UTF_8)
              : data.consumeBytes(4096);
      files.put(name, content);
    }
    checkFolder(files);
  }

  @FuzzTest(maxDuration = "10s")
  void schemaErrorsPointInsideTheFile(FuzzedDataProvider data) throws IOException {
    schema(data);
  }

  static void schema(FuzzedDataProvider data) throws IOException {
    String name = data.pickValue(NAMES);
    String text = mutate(EXAMPLE_FILES.get(name), data, true);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(name, text.getBytes(StandardCharsets.UTF_8));

    ValidationResult result = checkFolder(files);

    for (Finding f : result.findings()) {
      if (f.rule().equals(SchemaCheck.RULE) && f.location().file().endsWith(name)) {
        assertThat(f.location().line()).isGreaterThanOrEqualTo(1);
      }
    }
    // The findings the quick verdict words itself are the full validator's.
    QuickAndFull.agree(name, files.get(name));
  }

  @FuzzTest(maxDuration = "10s")
  void rulesOnSchemaValidDocuments(FuzzedDataProvider data) throws IOException {
    rules(data);
  }

  static void rules(FuzzedDataProvider data) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    int changed = data.consumeInt(1, 3);
    Map<String, String> texts = new LinkedHashMap<>(EXAMPLE_FILES);
    for (int i = 0; i < changed; i++) {
      String name = data.pickValue(NAMES);
      texts.put(name, mutate(texts.get(name), data, false));
    }
    texts.forEach((n, t) -> files.put(n, t.getBytes(StandardCharsets.UTF_8)));

    Path dir = write(files);
    try {
      ValidationResult result = validate(dir);
      if (result.findings().stream().anyMatch(f -> f.rule().equals(SchemaCheck.RULE))) {
        return; // not schema-valid: the rules' target wants documents that are
      }
      checkFindings(result, files);
    } finally {
      delete(dir);
    }
  }

  /**
   * The text with a few plain scalar values replaced: by values of other lines of the example
   * (schema-valid documents stay likely), or, with {@code raw}, by fuzzed text too.
   */
  static String mutate(String text, FuzzedDataProvider data, boolean raw) {
    Matcher m = SCALAR.matcher(text);
    List<int[]> spans = new ArrayList<>();
    List<String> values = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(2), m.end(2)});
      values.add(m.group(2));
    }
    if (spans.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    int edits = data.consumeInt(1, 4);
    List<int[]> chosen = new ArrayList<>();
    for (int i = 0; i < edits; i++) {
      chosen.add(spans.get(data.consumeInt(0, spans.size() - 1)));
    }
    chosen.sort(Comparator.comparingInt((int[] s) -> s[0]).reversed());
    int last = Integer.MAX_VALUE;
    for (int[] span : chosen) {
      if (span[1] > last) {
        continue; // one edit per span
      }
      String value;
      int kind = data.consumeInt(0, raw ? 3 : 1);
      value =
          switch (kind) {
            case 0 -> values.get(data.consumeInt(0, values.size() - 1));
            case 1 -> Long.toString(data.consumeLong(-1_000_000, 10_000_000));
            case 2 ->
                "\"" + data.consumeString(40).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            default -> data.consumeString(20).replace("\n", " ");
          };
      out.replace(span[0], span[1], value);
      last = span[0];
    }
    return out.toString();
  }

  static ValidationResult checkFolder(Map<String, byte[]> files) throws IOException {
    Path dir = write(files);
    try {
      ValidationResult result = validate(dir);
      checkFindings(result, files);
      return result;
    } finally {
      delete(dir);
    }
  }

  static ValidationResult validate(Path dir) throws IOException {
    return VALIDATOR.validate(
        new FolderSource(dir, "fuzz"),
        ValidationOptions.defaults().withAsOf(java.time.LocalDate.of(2027, 5, 14)));
  }

  /** No rule failed, and every finding points at a line and column that its file has. */
  static void checkFindings(ValidationResult result, Map<String, byte[]> files) {
    for (Finding f : result.findings()) {
      assertThat(f.rule()).as(f.toString()).isNotEqualTo(Validator.RULE_FAILED);
      Location l = f.location();
      if (l.isFolder() || !files.containsKey(l.file())) {
        continue; // the folder, or a file the finding only names (a missing reference)
      }
      List<String> lines = lines(new String(files.get(l.file()), StandardCharsets.UTF_8));
      assertThat(l.line()).as("line of %s", f).isLessThanOrEqualTo(Math.max(1, lines.size()));
      String line = lines.isEmpty() ? "" : lines.get(l.line() - 1);
      assertThat(l.column()).as("column of %s", f).isLessThanOrEqualTo(line.length() + 1);
    }
  }

  /** The lines as YAML counts them: \r\n, \r and \n end a line. */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
    if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  static Path write(Map<String, byte[]> files) throws IOException {
    Path dir = Files.createTempDirectory("waymark-fuzz");
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, e.getValue());
    }
    return dir;
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static Map<String, String> exampleFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(EXAMPLE)) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        files.put(EXAMPLE.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
