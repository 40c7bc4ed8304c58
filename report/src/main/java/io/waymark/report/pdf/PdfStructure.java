package io.waymark.report.pdf;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.Text;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What the PDF needs in the document that the browser does not: a bookmark (outline entry) per
 * section heading ({@code h2}) with its subheadings ({@code h3}) under it, in openhtmltopdf's
 * {@code <bookmarks>} element in the head (a heading without an {@code id} is given one), and a
 * language on {@code <html>} for the tagged PDF. A template that brings its own {@code <bookmarks>}
 * keeps them.
 */
final class PdfStructure {

  /** Used when the template's {@code <html>} has no {@code lang}. */
  static final String DEFAULT_LANGUAGE = "en";

  private static final String SVG = "http://www.w3.org/2000/svg";

  private PdfStructure() {}

  /**
   * Parses well-formed XHTML as openhtmltopdf does (namespaces on; no external entity, no DTD
   * loaded).
   */
  static Document parse(String xhtml) throws IOException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new InputSource(new StringReader(xhtml)));
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("the QBR's HTML is not well-formed XHTML: " + e.getMessage(), e);
    }
  }

  static void prepare(Document doc) {
    prepare(doc, cp -> Optional.empty());
  }

  /**
   * As {@link #prepare(Document)}, and in each chart label ({@code text} in an SVG) a run of
   * characters that the first font lacks goes into a {@code tspan} naming the font that has it
   * ({@code fallback}: a code point to its font family, empty for the first font). Only the PDF's
   * copy changes: the HTML keeps the browser's font stack.
   */
  static void prepare(Document doc, IntFunction<Optional<String>> fallback) {
    Element html = doc.getDocumentElement();
    if (html == null) {
      return;
    }
    keepHeadingsWithContent(doc);
    breakLongWords(html);
    splitLongTexts(html);
    chartRightToLeft(doc);
    chartFallback(doc, fallback);
    if (html.getAttribute("lang").isBlank()) {
      html.setAttributeNS(null, "lang", DEFAULT_LANGUAGE);
    }
    Element head = first(html, "head");
    if (head == null || first(head, "bookmarks") != null) {
      return;
    }
    Element bookmarks = doc.createElementNS(html.getNamespaceURI(), "bookmarks");
    Element section = null;
    NodeList headings = doc.getElementsByTagName("*");
    for (int i = 0; i < headings.getLength(); i++) {
      Element h = (Element) headings.item(i);
      String tag = h.getTagName();
      if (!tag.equals("h2") && !tag.equals("h3")) {
        continue;
      }
      String id = h.getAttribute("id");
      if (id.isBlank()) {
        id = "waymark-pdf-heading-" + i;
        h.setAttributeNS(null, "id", id);
      }
      Element mark = doc.createElementNS(html.getNamespaceURI(), "bookmark");
      mark.setAttributeNS(null, "name", h.getTextContent().replaceAll("\\s+", " ").trim());
      mark.setAttributeNS(null, "href", "#" + id);
      if (tag.equals("h3") && section != null) {
        section.appendChild(mark);
      } else {
        bookmarks.appendChild(mark);
        section = tag.equals("h2") ? mark : null;
      }
    }
    if (bookmarks.hasChildNodes()) {
      head.appendChild(bookmarks);
    }
  }

  /**
   * Keeps each heading on the page of what it introduces: the heading, up to two paragraphs under
   * it and the figure or block after them ({@code div}, {@code svg}) are wrapped in a {@code div}
   * that is not broken across pages (a wrapper taller than a page still breaks). Tables and lists
   * are left to the stylesheet: they may start near the foot of a page and continue on the next.
   */
  private static void keepHeadingsWithContent(Document doc) {
    List<Element> headings = new ArrayList<>();
    NodeList all = doc.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (List.of("h2", "h3", "h4").contains(e.getTagName())) {
        headings.add(e);
      }
    }
    for (Element h : headings) {
      List<Node> group = new ArrayList<>();
      group.add(h);
      Element block = null;
      int paragraphs = 0;
      for (Node n = h.getNextSibling(); n != null; n = n.getNextSibling()) {
        if (!(n instanceof Element)) {
          group.add(n);
          continue;
        }
        String tag = ((Element) n).getTagName();
        if (tag.equals("p") && paragraphs < 2) {
          paragraphs++;
          group.add(n);
          continue;
        }
        if (tag.equals("div") || tag.equals("svg")) {
          block = (Element) n;
          group.add(n);
        }
        break;
      }
      if (block == null) {
        continue;
      }
      Element keep = doc.createElementNS(h.getNamespaceURI(), "div");
      keep.setAttributeNS(null, "style", "page-break-inside: avoid");
      h.getParentNode().insertBefore(keep, h);
      for (Node n : group) {
        keep.appendChild(n);
      }
    }
  }

  /**
   * A chart label with right-to-left letters is put in the order it is drawn in, Arabic shaped
   * ({@link JdkBidi#visual}), and its element told not to reorder it again ({@code unicode-bidi:
   * bidi-override}): Batik's own bidi and shaping hand the PDF a run it can only draw as outlines,
   * which a reader can neither find nor copy. Drawn left to right in the embedded font, the label
   * is text that a PDF reader copies out in logical order, as it does the body text. Only the PDF's
   * copy changes: the browser shapes and orders the HTML's labels itself.
   */
  private static void chartRightToLeft(Document doc) {
    for (Text t : chartTexts(doc)) {
      String s = t.getData();
      if (!JdkBidi.hasRightToLeft(s)) {
        continue;
      }
      t.setData(JdkBidi.visual(s));
      Element parent = (Element) t.getParentNode();
      parent.setAttributeNS(null, "direction", "ltr");
      parent.setAttributeNS(null, "unicode-bidi", "bidi-override");
    }
  }

  /** A run of characters without a space, slash or hyphen longer than this is a long word. */
  static final int LONG_WORD = 24;

  /** The blocks whose text is wrapped as one: a long word breaks inside the nearest of these. */
  private static final List<String> BLOCKS =
      List.of("td", "th", "p", "li", "dd", "dt", "div", "h1", "h2", "h3", "h4", "caption", "body");

  /**
   * Lets a long word (an id, a path, a run of a URL without a slash; {@link #LONG_WORD}) break
   * anywhere when it does not fit its line: the renderer breaks lines only at spaces, slashes and
   * hyphens, so such a word made its table column wider than the page, and the PDF cut off the text
   * of every row at the page's edge. Only the block around the word is told ({@code word-wrap:
   * break-word}): for every block, that would let the renderer squeeze a table's columns until
   * ordinary words (a hyphenated owner) broke in two. The HTML is left alone; a browser wraps such
   * a word itself. Not in charts, which place their labels themselves.
   */
  private static void breakLongWords(Node n) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Text t) {
        if (hasLongWord(t.getData())) {
          letBreak(t.getParentNode());
        }
      } else if (c instanceof Element e
          && !SVG.equals(e.getNamespaceURI())
          && !List.of("head", "style", "script", "title").contains(e.getLocalName())) {
        breakLongWords(c);
      }
    }
  }

  /** True when {@code text} has a run of more than {@link #LONG_WORD} characters unbroken. */
  static boolean hasLongWord(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      run = Character.isWhitespace(ch) || ch == '/' || ch == '-' ? 0 : run + 1;
      if (run > LONG_WORD) {
        return true;
      }
    }
    return false;
  }

  /**
   * A text longer than this is laid out in pieces of at most this many characters ({@link
   * #splitLongTexts}).
   */
  static final int PIECE = 1000;

  /**
   * A text longer than this is shortened in the PDF to this many characters and a note of its
   * length ({@link #shortened}): pages of the QBR, more than any field of a roadmap needs.
   */
  static final int LONGEST = 30_000;

  /**
   * Hands the renderer a long text ({@link #PIECE}) in pieces, one text node each, cut after a
   * space where the piece has one in its second half, else between two characters (then the piece
   * is part of a long word, which may break anywhere: {@link #breakLongWords}). For each line it
   * lays out, the renderer copies the rest of its text node and, in a word it may break anywhere,
   * looks for the word's end from the line's start: time that grows with the square of the length
   * of one text. A title of 80,000 letters without a space added 16 seconds to the PDF, one of
   * 300,000 letters minutes. In pieces the time grows with the length. The text, the lines and the
   * PDF's text stay the same, up to {@link #LONGEST} characters. The HTML is left alone; not in
   * charts.
   */
  private static void splitLongTexts(Node n) {
    List<Text> found = new ArrayList<>();
    collectLongTexts(n, found);
    for (Text t : found) {
      List<String> parts = pieces(shortened(t.getData()));
      Node parent = t.getParentNode();
      for (String part : parts.subList(0, parts.size() - 1)) {
        parent.insertBefore(t.getOwnerDocument().createTextNode(part), t);
      }
      t.setData(parts.get(parts.size() - 1));
    }
  }

  private static void collectLongTexts(Node n, List<Text> found) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Text t) {
        if (t.getLength() > PIECE) {
          found.add(t);
        }
      } else if (c instanceof Element e
          && !SVG.equals(e.getNamespaceURI())
          && !List.of("head", "style", "script", "title").contains(e.getLocalName())) {
        collectLongTexts(c, found);
      }
    }
  }

  /**
   * {@code text}, or when it is longer than {@link #LONGEST} characters, its start and a note that
   * says how long it is and where to read it whole: still linear, a text of a million characters
   * would have made a PDF of hundreds of pages, in a minute.
   */
  static String shortened(String text) {
    // Characters as the note counts them (code points): an emoji is one, in two chars.
    int characters = text.codePointCount(0, text.length());
    if (characters <= LONGEST) {
      return text;
    }
    int cut = text.offsetByCodePoints(0, LONGEST);
    while (cut > 1 && !between(text, cut)) {
      cut--;
    }
    return text.substring(0, cut)
        + String.format(
            Locale.ROOT,
            " … [shortened in the PDF: %,d characters in all; the HTML report has the whole text]",
            characters);
  }

  /** {@code text} cut into pieces of at most {@link #PIECE} characters, in order. */
  static List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (text.length() - start > PIECE) {
      int cut = start + PIECE;
      int space = cut;
      while (space > start + PIECE / 2 && !afterSpace(text, space)) {
        space--;
      }
      if (space > start + PIECE / 2) {
        cut = space;
      } else {
        while (cut > start + 1 && !between(text, cut)) {
          cut--;
        }
      }
      out.add(text.substring(start, cut));
      start = cut;
    }
    out.add(text.substring(start));
    return out;
  }

  /** True when {@code i} is just after a space and before a character that is not one. */
  private static boolean afterSpace(String text, int i) {
    return Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i));
  }

  /**
   * True when {@code i} falls between two characters as a reader sees them: not inside a surrogate
   * pair, not before a combining mark or variation selector, not next to a zero-width joiner.
   */
  private static boolean between(String text, int i) {
    char c = text.charAt(i);
    int type = Character.getType(text.codePointAt(i));
    return !Character.isLowSurrogate(c)
        && type != Character.NON_SPACING_MARK
        && type != Character.COMBINING_SPACING_MARK
        && type != Character.ENCLOSING_MARK
        && c != '\u200D'
        && text.charAt(i - 1) != '\u200D';
  }

  private static void letBreak(Node from) {
    for (Node n = from; n instanceof Element e; n = n.getParentNode()) {
      if (BLOCKS.contains(e.getLocalName())) {
        String style = e.getAttribute("style").strip();
        if (!style.contains("word-wrap")) {
          e.setAttributeNS(
              null,
              "style",
              style.isEmpty() || style.endsWith(";")
                  ? style + "word-wrap: break-word"
                  : style + "; word-wrap: break-word");
        }
        return;
      }
    }
  }

  private static List<Text> chartTexts(Document doc) {
    List<Text> texts = new ArrayList<>();
    NodeList labels = doc.getElementsByTagNameNS(SVG, "text");
    for (int i = 0; i < labels.getLength(); i++) {
      collectText(labels.item(i), texts);
    }
    return texts;
  }

  private static void chartFallback(Document doc, IntFunction<Optional<String>> fallback) {
    List<Text> texts = chartTexts(doc);
    for (Text t : texts) {
      String s = t.getData();
      List<Node> parts = new ArrayList<>();
      StringBuilder run = new StringBuilder();
      Optional<String> runFont = Optional.empty();
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        Optional<String> font = fallback.apply(cp);
        if (!font.equals(runFont) && run.length() > 0) {
          parts.add(part(doc, run.toString(), runFont));
          run.setLength(0);
        }
        runFont = font;
        run.appendCodePoint(cp);
        i += Character.charCount(cp);
      }
      if (parts.isEmpty() && runFont.isEmpty()) {
        continue;
      }
      parts.add(part(doc, run.toString(), runFont));
      Node parent = t.getParentNode();
      for (Node p : parts) {
        parent.insertBefore(p, t);
      }
      parent.removeChild(t);
    }
  }

  private static void collectText(Node n, List<Text> out) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Text) {
        out.add((Text) c);
      } else if (c instanceof Element && !List.of("title", "desc").contains(c.getLocalName())) {
        collectText(c, out);
      }
    }
  }

  private static Node part(Document doc, String text, Optional<String> font) {
    if (font.isEmpty()) {
      return doc.createTextNode(text);
    }
    Element span = doc.createElementNS(SVG, "tspan");
    span.setAttributeNS(null, "font-family", "'" + font.get().replace("'", "") + "'");
    span.appendChild(doc.createTextNode(text));
    return span;
  }

  private static Element first(Element parent, String tag) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && ((Element) n).getTagName().equals(tag)) {
        return (Element) n;
      }
    }
    return null;
  }
}
