package io.waymark.cli;

import io.waymark.cli.format.Version;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import io.waymark.report.OutputFolder;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code .waymark-baseline.json}: the fingerprints (rule, file, JSON path, message — no line) of
 * the findings a team accepted when adopting Waymark. Readable, sorted by those (not by line),
 * stable in Git.
 */
final class BaselineFile {

  static final String NAME = ".waymark-baseline.json";

  private BaselineFile() {}

  static void write(ValidationResult result, Path file) throws IOException {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("tool", "waymark");
    root.put("version", Version.current());
    root.put("asOf", result.asOf().toString());
    ArrayNode findings = root.putArray("findings");
    // In the order of what the fingerprint holds, not of lines: a regenerated baseline changes
    // only when the accepted findings do.
    List<Finding> sorted = new ArrayList<>(result.findings());
    sorted.sort(
        Comparator.comparing(Finding::file)
            .thenComparing(Finding::path)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message)
            .thenComparing(Finding::fingerprint));
    for (Finding f : sorted) {
      ObjectNode n = findings.addObject();
      n.put("fingerprint", f.baselineKey());
      n.put("rule", f.rule());
      n.put("file", f.file());
      n.put("path", f.path());
      n.put("message", f.message());
    }
    OutputFolder.writeFile(
        file,
        (JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root)
                + "\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  /** The baseline key of a recorded finding, when its rule, file, path and message are there. */
  private static Optional<String> recordedKey(JsonNode f) {
    List<JsonNode> fields = Stream.of("rule", "file", "path", "message").map(f::get).toList();
    if (fields.stream().anyMatch(n -> n == null || !n.isString())) {
      return Optional.empty();
    }
    return Optional.of(
        Finding.baselineKey(
            fields.get(0).asString(),
            fields.get(1).asString(),
            fields.get(2).asString(),
            fields.get(3).asString()));
  }

  static Set<String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserError(
          "--baseline '" + file + "' is not a readable file (create it with 'waymark baseline')");
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      // A byte order mark is what a Windows editor puts before a hand-edited file; JSON has none.
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      JsonNode root = JsonMapper.builder().build().readTree(text);
      JsonNode findings = root.get("findings");
      if (findings == null || !findings.isArray()) {
        throw new UserError(
            "--baseline '"
                + file
                + "' has no 'findings' list; recreate it with 'waymark baseline'");
      }
      Set<String> fingerprints = new HashSet<>();
      for (JsonNode f : findings) {
        Optional<String> recorded = recordedKey(f);
        JsonNode fp = f.get("fingerprint");
        if (recorded.isPresent()) {
          // Worked out again from what was recorded: a baseline from a version of Waymark that
          // kept the numbers in the key still knows its findings.
          fingerprints.add(recorded.get());
        } else if (fp != null && fp.isString()) {
          fingerprints.add(fp.asString());
        }
      }
      return fingerprints;
    } catch (CharacterCodingException e) {
      throw new UserError(
          "--baseline '"
              + file
              + "' cannot be read: it is not UTF-8 text; save it as UTF-8, or recreate it with"
              + " 'waymark baseline'");
    } catch (tools.jackson.core.exc.StreamConstraintsException e) {
      // The parser's own message quotes its settings ("from `StreamReadConstraints...`"): say
      // what the file is instead. A baseline Waymark writes is a few levels deep, with short
      // values.
      throw new UserError(
          "--baseline '"
              + file
              + "' is not a baseline Waymark wrote: "
              + (e.getMessage() != null && e.getMessage().contains("nesting depth")
                  ? "it is nested more than "
                      + tools.jackson.core.StreamReadConstraints.defaults().getMaxNestingDepth()
                      + " levels deep"
                  : "a value in it is longer than JSON is read here")
              + "; make a new one with 'waymark baseline'");
    } catch (tools.jackson.core.exc.StreamReadException e) {
      // The parser's own message names an internal source ("[Source: REDACTED ...]"): the place is
      // what helps.
      tools.jackson.core.TokenStreamLocation at = e.getLocation();
      throw new UserError(
          "--baseline '"
              + file
              + "' is not valid JSON"
              + (at == null || at.getLineNr() < 1
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + "; mend it, or recreate it with 'waymark baseline'");
    } catch (IOException | JacksonException e) {
      throw new UserError(
          "--baseline '"
              + file
              + "' cannot be read: "
              + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
