package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;

/**
 * A {@code <text>} element: CSS class (which sets the font size), position, anchor and fill. The text is
 * escaped here, so no caller can put unescaped text into the page.
 */
record SvgText(String cssClass, double x, double y, Anchor anchor, Fill fill, String text) {
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

  SvgText(String cssClass, double x, double y, Anchor anchor, String text) {
    this(cssClass, x, y, anchor, Fill.DEFAULT, text);
  }

  void render(StringBuilder sb) {
    sb.append("<text class=\"").append(cssClass).append("\" x=\"").append(Numbers.coord(x)).append("\" y=\"")
        .append(Numbers.coord(y)).append('"').append(anchor.attribute).append(fill.attribute).append('>')
        .append(Html.esc(text)).append("</text>");
  }
}
