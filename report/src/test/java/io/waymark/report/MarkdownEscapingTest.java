package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.report.text.MarkdownText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownEscapingTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '→',
      value = {
        "<script>alert(1)</script> → &lt;script>alert(1)&lt;/script>",
        "<img src=x onerror=alert(1)> → &lt;img src=x onerror=alert(1)>",
        "[click](javascript:alert(1)) → \\[click\\](javascript:alert(1))",
        "![x](https://evil.example/x.png) → !\\[x\\](https://evil.example/x.png)",
        "a | b → a \\| b",
        "*bold* _it_ `code` ~~s~~ → \\*bold\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~",
        "# heading → \\# heading",
        "- item → \\- item",
        "1. first → 1\\. first",
        "> quote → &gt; quote",
        "96.4% up → 96.4% up",
        "+12 pts → +12 pts",
        "&lt; entity → &amp;lt; entity",
        "EUR 4.21 per 1,000 → EUR 4.21 per 1,000",
        "invoice-\u202Efdp.exe → invoice-\uFFFDfdp.exe",
        "a\u2067b\u2069c → a\uFFFDb\uFFFDc",
        "שלום world → שלום world",
        "cc @octocat and @github/security → cc @&#8203;octocat and @&#8203;github/security",
        "@everyone first → @&#8203;everyone first",
        "(by @ops-team) → (by @&#8203;ops-team)",
        "é@user → é@&#8203;user",
        "ops@example.com stays → ops@example.com stays",
        "@ alone and a@ → @ alone and a@",
      })
  void shouldMakeRoadmapTextLiteral(String text, String markdown) {
    assertThat(MarkdownText.escape(text)).isEqualTo(markdown);
  }

  @ParameterizedTest
  @CsvSource({"'two\nlines', two lines", "'tab\there', tab here"})
  void shouldKeepATextOnOneLine(String text, String markdown) {
    assertThat(MarkdownText.escape(text)).isEqualTo(markdown);
  }
}
