package io.waymark.report.pdf;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The fonts the PDF falls back to, in order, for characters the bundled DejaVu Sans lacks: Chinese,
 * Japanese and Korean, emoji. They are found at run time, not shipped (a CJK font is several
 * megabytes): first every TrueType file ({@code .ttf}) in the folders of {@code WAYMARK_FONT_DIRS}
 * (separated by {@code :}), in name order; then the fonts of Debian's {@code fonts-droid-fallback}
 * (CJK) and {@code fonts-symbola} (emoji in black and white; colour emoji fonts cannot be embedded)
 * wherever they are under the system's font folders. A character no font has is printed as {@code
 * #}; {@link #note} says so, and how to fix it.
 */
public final class FontChain {

  /** The environment variable with extra font folders. */
  public static final String ENV = "WAYMARK_FONT_DIRS";

  /** At most this many fallback fonts; the stylesheet names as many families. */
  public static final int MAX = 6;

  /** The font family of the {@code n}-th fallback font (1-based), as the stylesheet names it. */
  public static String family(int n) {
    return "Waymark Fallback " + n;
  }

  /** Known fallback fonts by file name, best first. */
  private static final List<String> KNOWN =
      List.of(
          "DroidSansFallbackFull.ttf",
          "DroidSansFallback.ttf",
          "NotoEmoji-Regular.ttf",
          "Symbola.ttf",
          "Symbola_hint.ttf");

  private static final List<Path> SYSTEM_DIRS =
      List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"));

  private static final int DEPTH = 5;

  private static final Map<String, FontChain> CACHE = new ConcurrentHashMap<>();
  private static final Map<Path, Optional<CmapLookup>> CMAPS = new ConcurrentHashMap<>();

  private final List<Path> fonts;

  private FontChain(List<Path> fonts) {
    this.fonts = List.copyOf(fonts);
  }

  /** The chain for this process: {@code WAYMARK_FONT_DIRS}, then the system's font folders. */
  public static FontChain fromEnvironment() {
    String dirs = System.getenv(ENV);
    return of(dirs == null ? "" : dirs);
  }

  /** The chain for the extra font folders {@code dirs} (separated by {@code :}), cached. */
  public static FontChain of(String dirs) {
    return CACHE.computeIfAbsent(dirs, d -> find(folders(d), SYSTEM_DIRS));
  }

  /** The chain from {@code extra} folders (all their TrueType files) and the known fonts. */
  static FontChain find(List<Path> extra, List<Path> system) {
    Set<Path> found = new LinkedHashSet<>();
    List<Path> all = new ArrayList<>();
    for (Path dir : extra) {
      List<Path> files = ttfFiles(dir);
      found.addAll(files);
      all.addAll(files);
    }
    for (Path dir : system) {
      all.addAll(ttfFiles(dir));
    }
    for (String name : KNOWN) {
      all.stream()
          .filter(p -> p.getFileName().toString().equals(name))
          .sorted()
          .findFirst()
          .ifPresent(found::add);
    }
    // Droid Sans Fallback comes as a full and a reduced file: one of them is enough, and so is
    // one Symbola.
    List<Path> chain = new ArrayList<>();
    Set<String> kinds = new TreeSet<>();
    for (Path p : found) {
      String kind = kind(p);
      if (kind.isEmpty() || kinds.add(kind)) {
        chain.add(p);
      }
    }
    return new FontChain(chain.size() > MAX ? chain.subList(0, MAX) : chain);
  }

  private static String kind(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.startsWith("droidsansfallback")) {
      return "droid";
    }
    if (name.startsWith("symbola")) {
      return "symbola";
    }
    return "";
  }

  static List<Path> folders(String dirs) {
    List<Path> out = new ArrayList<>();
    for (String d : dirs.split(File.pathSeparator)) {
      if (!d.isBlank()) {
        out.add(Path.of(d.trim()));
      }
    }
    return out;
  }

  private static List<Path> ttfFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir, DEPTH)) {
      return files
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttf"))
          .filter(Files::isRegularFile)
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** The fallback font files, in the order they are tried. */
  public List<Path> fonts() {
    return fonts;
  }

  /**
   * A note when {@code text} has characters that neither the bundled font nor any font of the chain
   * can show (the PDF prints them as {@code #}): which, and how to get fonts for them.
   */
  public Optional<String> note(String text) {
    Set<Integer> wanted = new TreeSet<>();
    text.codePoints()
        .filter(cp -> cp > 0x2FF && !Character.isISOControl(cp) && visible(cp))
        .forEach(wanted::add);
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    bundled().ifPresent(c -> wanted.removeIf(cp -> c.getGlyphId(cp) > 0));
    for (Path font : fonts) {
      if (wanted.isEmpty()) {
        break;
      }
      cmap(font).ifPresent(c -> wanted.removeIf(cp -> c.getGlyphId(cp) > 0));
    }
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    String examples =
        wanted.stream()
            .limit(5)
            .map(cp -> new String(Character.toChars(cp)) + String.format(" U+%04X", cp))
            .collect(Collectors.joining(", "));
    return Optional.of(
        "the PDF prints "
            + wanted.size()
            + (wanted.size() == 1 ? " character" : " different characters")
            + " as '#' because no font has "
            + (wanted.size() == 1 ? "it" : "them")
            + " ("
            + examples
            + "): install Debian's fonts-droid-fallback (Chinese, Japanese, Korean) and"
            + " fonts-symbola (emoji), or name a folder with TrueType fonts that have them in "
            + ENV);
  }

  /** Zero-width and format characters draw nothing: no font needs them. */
  private static boolean visible(int cp) {
    int type = Character.getType(cp);
    return type != Character.FORMAT
        && type != Character.NON_SPACING_MARK
        && type != Character.ENCLOSING_MARK
        && !Character.isWhitespace(cp)
        && !Character.isSpaceChar(cp);
  }

  private static Optional<CmapLookup> bundled() {
    return CMAPS.computeIfAbsent(
        Path.of("bundled", "DejaVuSans.ttf"),
        p -> {
          try (InputStream in = QbrPdf.bundledFont("DejaVuSans.ttf")) {
            return read(new TTFParser(true).parse(new RandomAccessReadBuffer(in)));
          } catch (IOException | RuntimeException e) {
            return Optional.empty();
          }
        });
  }

  private static Optional<CmapLookup> cmap(Path font) {
    return CMAPS.computeIfAbsent(
        font,
        p -> {
          try (RandomAccessReadBufferedFile in = new RandomAccessReadBufferedFile(p.toFile())) {
            return read(new TTFParser(true).parse(in));
          } catch (IOException | RuntimeException e) {
            return Optional.empty();
          }
        });
  }

  /** The font's Unicode character map (kept in memory once read; the font is closed). */
  private static Optional<CmapLookup> read(TrueTypeFont ttf) throws IOException {
    try (ttf) {
      return Optional.ofNullable(ttf.getUnicodeCmapLookup(false));
    }
  }
}
