package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;

/**
 * How a line is stroked: colour, dash pattern (empty for solid), width in pixels and opacity. The report's
 * strokes are named in {@link PlotStyles}; nothing else writes a colour or a dash pattern.
 */
public record Stroke(String colour, String dash, double width, double opacity) {
  /** Width of the line sample in a legend entry, whatever the width of the line it stands for. */
  static final double LEGEND_SAMPLE_WIDTH = 2;

  /** The same colour and dash pattern as drawn in a legend entry (2 px, opaque). */
  Stroke legendSample() {
    return new Stroke(colour, dash, LEGEND_SAMPLE_WIDTH, 1);
  }

  /** The stroke attributes of an SVG element (opacity only when below 1). */
  void appendAttributes(StringBuilder sb) {
    sb.append(" stroke=\"").append(colour).append("\" stroke-width=\"").append(Numbers.coord(width)).append('"');
    if (!dash.isEmpty()) {
      sb.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    if (opacity < 1) {
      sb.append(" stroke-opacity=\"").append(Numbers.coord(opacity)).append('"');
    }
  }
}
