package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code waymark lsp}'s command line (the server itself: {@code io.waymark.cli.lsp} tests). */
@Tag(LocaleSensitive.TAG)
class LspCommandTest {

  @Test
  void shouldDescribeTheServerAndItsOptions() {
    Cli cli = Cli.run("lsp", "--help");

    assertThat(cli.code()).isZero();
    assertThat(cli.out())
        .contains("Usage: waymark lsp")
        .contains("--debounce")
        .contains("--debug")
        .contains("docs/editors.md");
  }

  @Test
  void shouldRefuseANegativeDebounceInOneLine() {
    Cli cli = Cli.run("lsp", "--debounce", "-5");

    assertThat(cli.code()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.err()).contains("--debounce must be 0 or more").doesNotContain("Exception");
  }
}
