package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' training run ({@link Training}) writes nothing into the example it runs on: the
 * cache and the report go to the scratch folder; and every command line it runs is one Waymark
 * accepts as intended (the usage error and the revision outside a Git work tree aside).
 */
class TrainingTest {

  @Test
  void shouldLeaveTheExampleAsItWasAndWriteIntoTheScratchFolder(@TempDir Path tmp)
      throws IOException {
    Path example = tmp.resolve("example");
    CacheCliTest.copy(Path.of("..", "example-roadmap"), example);
    Path scratch = Files.createDirectories(tmp.resolve("scratch"));
    Map<String, String> before = contents(example);

    Training.main(new String[] {example.toString(), scratch.toString()});

    assertThat(contents(example)).isEqualTo(before);
    assertThat(scratch.resolve("cache")).isDirectory();
    assertThat(scratch.resolve("report")).isDirectoryContaining(p -> p.toString().endsWith(".pdf"));
    // The invalid copy: every YAML file of the example, each with the key no schema allows or a
    // number for a title, both ways.
    Path invalid = scratch.resolve(Training.INVALID);
    List<String> copied = new ArrayList<>();
    int unknownKeys = 0;
    for (var e : contents(example).entrySet()) {
      if (e.getKey().endsWith(".yaml") && e.getKey().split("/").length <= 2) {
        String copy = Files.readString(invalid.resolve(e.getKey()));
        if (copy.startsWith(e.getValue())) {
          assertThat(copy).endsWith("\n" + Training.UNKNOWN_KEY + ": 1\n");
          unknownKeys++;
        } else {
          assertThat(copy)
              .contains("\n" + Training.MAPPING_TITLE + "\n")
              .isNotEqualTo(e.getValue());
        }
        copied.add(e.getKey());
      }
    }
    assertThat(unknownKeys).isPositive().isLessThan(copied.size());
    assertThat(copied).isNotEmpty();
  }

  @Test
  void shouldRunCommandLinesThatWaymarkReadsAsMeant() {
    for (var line : Training.commandLines("example", Path.of("scratch"))) {
      if (line.contains("--no-such-option")) {
        continue;
      }
      assertThat(WaymarkCommand.commandLine().parseArgs(line.toArray(String[]::new)).errors())
          .as(String.join(" ", line))
          .isEmpty();
    }
  }

  private static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.put(root.relativize(f).toString(), Files.readString(f));
      }
    }
    return all;
  }
}
