package io.waymark.engine.load;

import io.waymark.engine.model.Kind;
import io.waymark.engine.model.UnreadableFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the lines of a file the YAML reader stopped in still show ({@link UnreadableFile}): read
 * line by line, from the start of the document the reader stopped in to the end of the file,
 * without parsing. Without it, one typo in {@code roadmap.yaml} reads as "no Roadmap document" and
 * as a dangling reference at every id the roadmap declares: findings that are not true, around the
 * one that is.
 *
 * <p>Only documents that say {@code apiVersion: waymark/...} and a known {@code kind} at the start
 * of a line count. The lines decide nothing but that: a finding about the file's content waits
 * until the file can be read.
 */
final class UnreadableLines {

  private static final Pattern SEPARATOR = Pattern.compile("---(?:[ \\t].*)?");
  private static final Pattern API_VERSION =
      Pattern.compile("apiVersion:[ \\t]*[\"']?waymark/[^\\s\"']*[\"']?[ \\t]*(?:#.*)?");
  private static final Pattern KIND =
      Pattern.compile("kind:[ \\t]*([\"']?)([A-Za-z]{1,40})\\1[ \\t]*(?:#.*)?");
  private static final Pattern METADATA = Pattern.compile("metadata:[ \\t]*(?:#.*)?");

  /** A value under an {@code id} key, block style, in a mapping or a list item. */
  private static final Pattern ID =
      Pattern.compile(
          "[ \\t]*(?:-[ \\t]+)*id:[ \\t]*([\"']?)([A-Za-z0-9][A-Za-z0-9._-]{0,199})\\1"
              + "[ \\t]*(?:#.*)?");

  private UnreadableLines() {}

  /**
   * What the lines of {@code file} show of the documents the reader did not read: from the start
   * when it read none, else from the first separator after {@code lastReadLine} (the line the last
   * document it read starts at) to the end; empty when they show no Waymark document.
   */
  static Optional<UnreadableFile> scan(String file, byte[] bytes, int lastReadLine) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r\n|\r|\n", -1);
    int start = 0;
    if (lastReadLine > 0) {
      start = lines.length;
      for (int i = lastReadLine; i < lines.length; i++) {
        if (SEPARATOR.matcher(lines[i]).matches()) {
          start = i;
          break;
        }
      }
    }
    List<UnreadableFile.Declared> documents = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    Section section = new Section();
    for (int i = start; i < lines.length; i++) {
      String line = lines[i];
      if (SEPARATOR.matcher(line).matches()) {
        section.end(documents, ids);
        section = new Section();
      } else {
        section.read(line);
      }
    }
    section.end(documents, ids);
    return documents.isEmpty()
        ? Optional.empty()
        : Optional.of(new UnreadableFile(file, documents, ids));
  }

  /** One document's lines, between separators. */
  private static final class Section {
    boolean waymark;
    Kind kind;
    String metadataId = "";
    boolean inMetadata;
    final List<String> ids = new ArrayList<>();

    void read(String line) {
      boolean topLevel = !line.isEmpty() && !Character.isWhitespace(line.charAt(0));
      if (topLevel && !line.startsWith("#")) {
        inMetadata = METADATA.matcher(line).matches();
        if (API_VERSION.matcher(line).matches()) {
          waymark = true;
        }
        Matcher k = KIND.matcher(line);
        if (k.matches() && kind == null) {
          kind = Kind.of(k.group(2)).orElse(null);
        }
        return;
      }
      Matcher id = ID.matcher(line);
      if (id.matches()) {
        ids.add(id.group(2));
        if (inMetadata && metadataId.isEmpty()) {
          metadataId = id.group(2);
        }
      }
    }

    void end(List<UnreadableFile.Declared> documents, List<String> allIds) {
      if (waymark && kind != null) {
        documents.add(new UnreadableFile.Declared(kind, metadataId));
        allIds.addAll(ids);
      }
    }
  }
}
