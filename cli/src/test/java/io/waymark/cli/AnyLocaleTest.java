package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * File names are read and reported under any locale: CI containers often run with {@code LANG=C},
 * where the JVM cannot encode {@code é} in a path. The files are made by the shell from their
 * bytes, since this test itself may run under {@code LC_ALL=C} (see {@code .ci/run}).
 */
@Tag(LocaleSensitive.TAG)
class AnyLocaleTest {

  @TempDir Path tmp;

  /** The example with {@code é.yaml} (UTF-8) and a name that is not UTF-8 at all, both broken. */
  private Path repository() throws Exception {
    Path repo = KnownFindings.create(tmp).dir();
    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                "printf 'apiVersion: waymark/v1\\nkind: [x\\n' > \"$(printf '\\303\\251')\".yaml"
                    + " && printf 'apiVersion: waymark/v1\\nkind: [x\\n' > \"$(printf"
                    + " 'bad\\377')\".yaml")
            .directory(repo.toFile())
            .inheritIO()
            .start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return repo;
  }

  @Test
  void shouldReadAndReportNonAsciiFileNamesInThisJvm() throws Exception {
    Path repo = repository();

    Cli cli = Cli.run("validate", repo.toString(), "--format", "json");

    assertThat(cli.code()).as(cli.err()).isEqualTo(1);
    List<String> files = new java.util.ArrayList<>();
    JsonMapper.builder()
        .build()
        .readTree(cli.out())
        .get("findings")
        .forEach(f -> files.add(f.get("file").asString()));
    assertThat(files).contains("é.yaml", "bad\\xff.yaml");
  }

  @Test
  void shouldReadAndReportNonAsciiFileNamesUnderTheCAndPosixLocales() throws Exception {
    Path repo = repository();
    for (String locale : List.of("C", "POSIX")) {
      File out = tmp.resolve("out-" + locale + ".txt").toFile();

      Process p =
          OutputFailureTest.waymark(
              List.of("LC_ALL=" + locale, "LANG=" + locale),
              out,
              "validate",
              repo.toString(),
              "--no-color");
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(p.exitValue()).as(locale + ": " + err).isEqualTo(1);
      assertThat(Files.readString(out.toPath(), StandardCharsets.UTF_8))
          .as(locale)
          .contains("é.yaml:3:1")
          .contains("bad\\xff.yaml:3:1");
    }
  }
}
