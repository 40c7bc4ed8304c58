package io.waymark.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which fallback fonts the PDF uses, and the note when a character has none. */
class FontChainTest {

  @TempDir Path dir;

  @Test
  void shouldNoteCharactersThatNoFontHas() {
    FontChain none = FontChain.find(List.of(), List.of());
    assertThat(none.fonts()).isEmpty();
    assertThat(none.note("Northwind · Straße · Москва · منصة البيانات ✓")).isEmpty();
    String note = none.note("数据 🚀 Northwind").orElseThrow();
    assertThat(note)
        .startsWith("the PDF prints 3 different characters as '#' because no font has them")
        .contains(
            "数 U+6570", "🚀 U+1F680", "fonts-droid-fallback", "fonts-symbola", "WAYMARK_FONT_DIRS");
    assertThat(none.note("🚀").orElseThrow()).contains("1 character as '#' because no font has it");
  }

  @Test
  void shouldPutTheFoldersOfWaymarkFontDirsFirstAndKnownSystemFontsAfter() throws IOException {
    Path own = Files.createDirectories(dir.resolve("own"));
    Path system = Files.createDirectories(dir.resolve("system/truetype/droid"));
    Files.write(own.resolve("b.ttf"), new byte[] {1});
    Files.write(own.resolve("a.TTF"), new byte[] {1});
    Files.write(own.resolve("notes.txt"), new byte[] {1});
    Files.write(system.resolve("DroidSansFallback.ttf"), new byte[] {1});
    Files.write(system.resolve("DroidSansFallbackFull.ttf"), new byte[] {1});
    Files.write(system.resolve("Unrelated.ttf"), new byte[] {1});
    FontChain chain =
        FontChain.find(List.of(own, dir.resolve("missing")), List.of(dir.resolve("system")));
    assertThat(chain.fonts())
        .containsExactly(
            own.resolve("a.TTF"),
            own.resolve("b.ttf"),
            system.resolve("DroidSansFallbackFull.ttf"));
    assertThat(FontChain.folders("/a:/b: ")).containsExactly(Path.of("/a"), Path.of("/b"));
    assertThat(FontChain.family(2)).isEqualTo("Waymark Fallback 2");
  }

  @Test
  void shouldUseTheSystemFontsWhenInstalled() {
    FontChain chain = FontChain.of("");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        chain.fonts().size() >= 2,
        "fonts-droid-fallback and fonts-symbola are not installed (.ci/run installs them)");
    assertThat(chain.note("数据 🚀 منصة")).isEmpty();
  }
}
