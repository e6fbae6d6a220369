package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A straight {@code <line>}: either styled by a CSS class (grid lines) or by a {@link Stroke}, with an optional
 * hover title (reference lines say what they mark).
 */
record SvgLine(double x1, double y1, double x2, double y2, @Nullable String cssClass, @Nullable Stroke stroke,
    String title) {
  /** A grid line, styled by the page's CSS. */
  static SvgLine grid(double x1, double y1, double x2, double y2) {
    return new SvgLine(x1, y1, x2, y2, "grid", null, "");
  }

  void render(StringBuilder sb) {
    sb.append("<line");
    if (cssClass != null) {
      sb.append(" class=\"").append(cssClass).append('"');
    }
    sb.append(" x1=\"").append(Numbers.coord(x1)).append("\" y1=\"").append(Numbers.coord(y1)).append("\" x2=\"")
        .append(Numbers.coord(x2)).append("\" y2=\"").append(Numbers.coord(y2)).append('"');
    if (stroke != null) {
      stroke.appendAttributes(sb);
    }
    if (title.isEmpty()) {
      sb.append("/>");
    } else {
      sb.append("><title>").append(Html.esc(title)).append("</title></line>");
    }
  }
}
