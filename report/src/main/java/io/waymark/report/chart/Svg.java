package io.waymark.report.chart;

import io.waymark.report.text.BidiControls;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A small writer of SVG markup: elements with attributes, text escaped for XML, coordinates with at
 * most one decimal and a dot (never a locale's comma). Produces a self-contained {@code <svg>}
 * element that is also well-formed XHTML for the PDF renderer.
 */
public final class Svg {

  /** The font stack of chart labels; the PDF registers DejaVu Sans under the first name. */
  public static final String FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

  private final StringBuilder out = new StringBuilder(4096);
  private final int width;
  private final int height;
  private final String cssClass;
  private final String label;
  private String description = "";

  /** Opens the root element: {@code width}×{@code height} user units, scaled to fit its box. */
  public Svg(int width, int height, String cssClass, String label) {
    this.width = width;
    this.height = height;
    this.cssClass = cssClass;
    this.label = label;
  }

  /**
   * The chart's long description ({@code <desc>}, right after its title): every value it draws, in
   * words, for screen readers and for text extraction. It is also part of the chart's accessible
   * name, so that the name carries the values and not only what the chart is (issue 15).
   */
  public Svg describe(String description) {
    this.description = description;
    return this;
  }

  /** An empty element with attributes given as name/value pairs. */
  public Svg element(String name, Object... attributes) {
    out.append('<').append(name);
    attributes(attributes);
    out.append("/>");
    return this;
  }

  /**
   * The smallest font size of chart text, in user units. Charts are drawn at (or below) the size
   * they are shown at, so their text never renders smaller than 10 px (issue 15).
   */
  public static final double MIN_FONT_SIZE = 10;

  /** A text element; its {@code font-size}, when given, is at least {@link #MIN_FONT_SIZE}. */
  public Svg text(String content, Object... attributes) {
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      if ("font-size".equals(attributes[i])
          && attributes[i + 1] instanceof Number n
          && n.doubleValue() < MIN_FONT_SIZE) {
        throw new IllegalArgumentException(
            "chart text of " + n + " units is below the minimum of " + MIN_FONT_SIZE);
      }
    }
    out.append("<text");
    attributes(attributes);
    out.append('>').append(escape(content)).append("</text>");
    return this;
  }

  /** An element with a tooltip ({@code <title>} child), e.g. a circle that names its initiative. */
  public Svg titled(String name, String title, Object... attributes) {
    out.append('<').append(name);
    attributes(attributes);
    out.append("><title>").append(escape(title)).append("</title></").append(name).append('>');
    return this;
  }

  public Svg open(String name, Object... attributes) {
    out.append('<').append(name);
    attributes(attributes);
    out.append('>');
    return this;
  }

  public Svg close(String name) {
    out.append("</").append(name).append('>');
    return this;
  }

  /** A filled rectangle. */
  public Svg rect(double x, double y, double width, double height, String fill) {
    return element("rect", "x", x, "y", y, "width", width, "height", height, "fill", fill);
  }

  /** A straight line. */
  public Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
    return element(
        "line", "x1", x1, "y1", y1, "x2", x2, "y2", y2, "stroke", stroke, "stroke-width", width);
  }

  /** A marker shape: its element name and its geometry attributes followed by its paint. */
  public sealed interface Shape permits Circle, Diamond {

    /** The SVG element that draws it. */
    String element();

    /** The attributes: geometry first, then {@code paint} (name/value pairs). */
    Object[] geometry(Object... paint);
  }

  /** A circle around ({@code cx}, {@code cy}). */
  public record Circle(double cx, double cy, double r) implements Shape {
    @Override
    public String element() {
      return "circle";
    }

    @Override
    public Object[] geometry(Object... paint) {
      return concat(new Object[] {"cx", cx, "cy", cy, "r", r}, paint);
    }
  }

  /**
   * A diamond centred on ({@code cx}, {@code cy}), {@code rx} wide and {@code ry} high each way.
   */
  public record Diamond(double cx, double cy, double rx, double ry) implements Shape {
    @Override
    public String element() {
      return "path";
    }

    /** The outline, clockwise from the top point. */
    public String path() {
      return "M"
          + num(cx)
          + " "
          + num(cy - ry)
          + " L"
          + num(cx + rx)
          + " "
          + num(cy)
          + " L"
          + num(cx)
          + " "
          + num(cy + ry)
          + " L"
          + num(cx - rx)
          + " "
          + num(cy)
          + " Z";
    }

    @Override
    public Object[] geometry(Object... paint) {
      return concat(new Object[] {"d", path()}, paint);
    }
  }

  private static Object[] concat(Object[] first, Object[] second) {
    Object[] out = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }

  /** The finished markup. */
  public String finish() {
    String name = description.isEmpty() ? label : label + ": " + description;
    StringBuilder b = new StringBuilder(out.length() + name.length() * 3 + 400);
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"")
        .append(escape(cssClass))
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(escape(name))
        .append("\" font-family=\"")
        .append(FONT)
        .append("\">");
    b.append("<title>").append(escape(label)).append("</title>");
    if (!description.isEmpty()) {
      b.append("<desc>").append(escape(description)).append("</desc>");
    }
    return b.append(out).append("</svg>").toString();
  }

  private void attributes(Object... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name/value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      out.append(' ')
          .append(attributes[i])
          .append("=\"")
          .append(value(attributes[i + 1]))
          .append('"');
    }
  }

  private static String value(Object v) {
    if (v instanceof Double d) {
      return num(d);
    }
    if (v instanceof Float f) {
      return num(f);
    }
    if (v instanceof BigDecimal b) {
      return num(b.doubleValue());
    }
    return escape(String.valueOf(v));
  }

  /** A coordinate with at most one decimal, dot-separated, no "-0". */
  public static String num(double v) {
    BigDecimal b = BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (b.signum() == 0) {
      return "0";
    }
    return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
  }

  /** Escapes text for XML content and attribute values. */
  public static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // Characters that XML 1.0 forbids become spaces rather than breaking the document.
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            b.append(' ');
          } else if (BidiControls.is(c)) {
            b.append(BidiControls.REPLACEMENT);
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
