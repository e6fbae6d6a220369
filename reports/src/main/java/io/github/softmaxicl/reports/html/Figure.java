package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;

/** A plot with its caption, as a {@code <figure>} no wider than the plot. */
final class Figure {
  /** Width of the main per-run and sweep plots in pixels. */
  static final double WIDE = 640;
  /** Width of the per-task panels of full-model runs, three to a row. */
  static final double NARROW = 430;

  private Figure() {}

  /** Appends the figure; {@code captionHtml} is already HTML (empty for none). */
  static void append(StringBuilder sb, String svg, String captionHtml, double width) {
    sb.append("<figure class=\"plot\" style=\"max-width:").append(Numbers.coord(width)).append("px\">\n").append(svg);
    if (!captionHtml.isEmpty()) {
      sb.append("<figcaption>").append(captionHtml).append("</figcaption>\n");
    }
    sb.append("</figure>\n");
  }
}
