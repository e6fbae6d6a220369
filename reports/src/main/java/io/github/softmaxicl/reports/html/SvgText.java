package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;

/**
 * A {@code <text>} element: CSS class (which sets the font size), position, anchor, fill, an optional rotation
 * about its position (degrees; 0 for none) and an optional length the text is squeezed to (NaN for none). The
 * text is typeset and escaped here ({@link MathText#svg}), so no caller can put unescaped text or ASCII maths into
 * the page.
 */
record SvgText(String cssClass, double x, double y, Anchor anchor, Fill fill, double rotation, double squeezeTo,
    String text) {
  /** Horizontal anchor; {@link #START} is SVG's default and writes no attribute. */
  enum Anchor {
    START(""), MIDDLE(" text-anchor=\"middle\""), END(" text-anchor=\"end\"");

    private final String attribute;

    Anchor(String attribute) {
      this.attribute = attribute;
    }
  }

  /** Text colour when it must differ from the class's: warnings, and labels on dark heat-map cells. */
  enum Fill {
    DEFAULT(""), WARNING(" style=\"fill:#a00\""), ON_DARK(" style=\"fill:#fff\"");

    private final String attribute;

    Fill(String attribute) {
      this.attribute = attribute;
    }
  }

  SvgText(String cssClass, double x, double y, Anchor anchor, Fill fill, String text) {
    this(cssClass, x, y, anchor, fill, 0, Double.NaN, text);
  }

  SvgText(String cssClass, double x, double y, Anchor anchor, String text) {
    this(cssClass, x, y, anchor, Fill.DEFAULT, text);
  }

  /** This text turned by {@code degrees} about its position (-90 reads upwards). */
  SvgText rotated(double degrees) {
    return new SvgText(cssClass, x, y, anchor, fill, degrees, squeezeTo, text);
  }

  /** This text squeezed (spacing and glyphs) to {@code length} pixels, e.g. an axis label longer than its axis. */
  SvgText squeezedTo(double length) {
    return new SvgText(cssClass, x, y, anchor, fill, rotation, length, text);
  }

  void render(StringBuilder sb) {
    sb.append("<text class=\"").append(cssClass).append("\" x=\"").append(Numbers.coord(x)).append("\" y=\"")
        .append(Numbers.coord(y)).append('"').append(anchor.attribute).append(fill.attribute);
    if (rotation != 0) {
      sb.append(" transform=\"rotate(").append(Numbers.coord(rotation)).append(' ').append(Numbers.coord(x))
          .append(' ').append(Numbers.coord(y)).append(")\"");
    }
    if (!Double.isNaN(squeezeTo)) {
      sb.append(" textLength=\"").append(Numbers.coord(squeezeTo)).append("\" lengthAdjust=\"spacingAndGlyphs\"");
    }
    sb.append('>').append(MathText.svg(text)).append("</text>");
  }
}
