package io.waymark.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A copy of the example roadmap, outside Git, broken in known ways, for the machine-format tests:
 *
 * <pre>
 *   business-cases/edge-cold-chain.yaml  warning pitfall-no-metrics  a benefit lost its kpi
 *   governance.yaml                      error   schema (2)          title renamed to 'titel'
 *   notes/other.yaml                     info    not-waymark         a YAML file that is not Waymark's
 *   notes/scratch.yaml                   (suppressed inline)         the same, with an ignore comment
 *   roadmap.yaml                         info    history-unavailable the copy is not in Git
 *   vendors/gpu-cloud-capacity.yaml      error   vendor-decision-mismatch and vendor-red-flag:
 *                                                Helio Cloud declared go at 69.33 % with a red flag
 * </pre>
 *
 * Four errors, one warning, two infos and one suppressed finding, in 26 YAML files (24 documents).
 */
record KnownFindings(Path dir) {

  static final String EDGE = "business-cases/edge-cold-chain.yaml";
  static final String GOVERNANCE = "governance.yaml";
  static final String OTHER = "notes/other.yaml";
  static final String SCRATCH = "notes/scratch.yaml";
  static final String ROADMAP = "roadmap.yaml";
  static final String GPU = "vendors/gpu-cloud-capacity.yaml";

  static final String SUPPRESSION_REASON = "scratch notes kept beside the plan";
  static final int FILES = 26;

  static KnownFindings create(Path parent) {
    Path dir = parent.resolve("roadmap");
    copy(GitWorkTree.EXAMPLE, dir);
    new GitWorkTreeFiles(dir)
        .replace(
            GOVERNANCE,
            "  title: Northwind AI architecture review board",
            "  titel: Northwind AI architecture review board")
        .replace(
            EDGE,
            "      annual: 30000\n      kpi: cold-chain-claims-eur\n",
            "      annual: 30000\n")
        .replace(
            GPU,
            "      redFlags: [no-segment-references]\n      decision: diligence",
            "      redFlags: [no-segment-references]\n      decision: go")
        .write(OTHER, "a: 1\n")
        .write(SCRATCH, "b: 2  # waymark:ignore not-waymark -- " + SUPPRESSION_REASON + "\n");
    return new KnownFindings(dir);
  }

  /** The folder as the CLI prints it, with a trailing '/'. */
  String prefix() {
    return dir.toString().replace('\\', '/') + "/";
  }

  /** 1-based line of the first line of {@code file} that contains {@code text}. */
  int lineOf(String file, String text) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(text)) {
          return i + 1;
        }
      }
      throw new IllegalStateException("no '" + text + "' in " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the benefit without a kpi starts ({@code - description:}, column 7). */
  int edgeLine() {
    return lineOf(EDGE, "Retention margin on the two pharma shippers") - 1;
  }

  /** The first key of Governance metadata (missing title, column 3). */
  int governanceMetadataLine() {
    return lineOf(GOVERNANCE, "metadata:") + 1;
  }

  /** The unknown field 'titel' (column 3). */
  int titelLine() {
    return lineOf(GOVERNANCE, "titel:");
  }

  /** Helio Cloud's wrong decision (column 17). */
  int decisionLine() {
    return lineOf(GPU, "redFlags: [no-segment-references]") + 1;
  }

  /** Copies {@code from} without its cache folder, which another test's run may be writing. */
  static void copy(Path from, Path to) {
    try {
      CacheCliTest.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
