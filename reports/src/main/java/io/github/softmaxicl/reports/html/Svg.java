package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A small, deterministic SVG line-plot builder for the report: linear or logarithmic axes with "nice" ticks,
 * axis labels, a title, a legend below the plot (wrapped to the width, so no text is clipped), reference lines
 * and a clip path around the data. Points that are not finite, or not positive on a log axis, are not drawn and
 * break the line. Text widths are estimated generously (no fonts are embedded; the viewer's sans-serif is used).
 */
final class Svg {
  private static final double FONT = 11.0;
  private static final double CHAR_W = 6.6;

  private Svg() {}

  /**
   * Estimated width in pixels of {@code text} at the given font size (generous): the width of what is seen once
   * it is typeset ({@link MathText#visibleLength}: scripts at their reduced size, markup not at all).
   */
  static double textWidth(String text, double fontSize) {
    return MathText.visibleLength(text) * CHAR_W * fontSize / FONT;
  }

  /**
   * A drawn series: legend label (empty for none), points, stroke, whether each point gets a dot, the symmetric y
   * error per point (drawn as a bar with caps; NaN or non-positive entries draw no bar) or empty, and the name
   * used when another series coincides with it on screen (the legend label unless given; empty for none).
   */
  record Series(String legend, double[] x, double[] y, Stroke stroke, boolean markers, double[] yErr, String name) {
    Series {
      if (x.length != y.length || (yErr.length != 0 && yErr.length != y.length)) {
        throw new IllegalArgumentException("x, y (and y errors) must have the same length");
      }
      x = x.clone();
      y = y.clone();
      yErr = yErr.clone();
    }

    Series(String legend, double[] x, double[] y, Stroke stroke, boolean markers, double[] yErr) {
      this(legend, x, y, stroke, markers, yErr, legend);
    }

    Series(String legend, double[] x, double[] y, Stroke stroke, boolean markers) {
      this(legend, x, y, stroke, markers, new double[0], legend);
    }

    /** An unlabelled series (the plot has an explicit legend) named for coincidence notes. */
    static Series named(String name, double[] x, double[] y, Stroke stroke) {
      return new Series("", x, y, stroke, false, new double[0], name);
    }

    /** Lower end of the error bar of point i (y itself without a bar). */
    double lowY(int i) {
      return i < yErr.length && yErr[i] > 0 ? y[i] - yErr[i] : y[i];
    }

    /** Upper end of the error bar of point i (y itself without a bar). */
    double highY(int i) {
      return i < yErr.length && yErr[i] > 0 ? y[i] + yErr[i] : y[i];
    }
  }

  /**
   * A legend entry: a short line sample in the given stroke (with an optional dot) and a label; a note (stroke
   * null) is text only.
   */
  record LegendEntry(String label, @Nullable Stroke stroke, boolean marker) {
    static LegendEntry note(String text) {
      return new LegendEntry(text, null, false);
    }
  }

  /** Two drawn things closer than this many pixels everywhere are one line on screen. */
  static final double COINCIDENCE_PX = 1.0;

  /** A reference line at constant x (vertical) or y (horizontal), listed in the legend with its value. */
  record Marker(String label, double value, boolean horizontal, Stroke stroke) {}

  /** One plot. */
  static final class Plot {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final boolean logY;
    private final List<Series> lines = new ArrayList<>();
    private final List<Marker> refs = new ArrayList<>();
    private final List<LegendEntry> legend = new ArrayList<>();
    private boolean autoLegend = true;
    private double xMin = Double.NaN;
    private double xMax = Double.NaN;
    private double yFloor = Double.NaN;

    Plot(String title, String xLabel, String yLabel, boolean logX, boolean logY) {
      this.title = title;
      this.xLabel = xLabel;
      this.yLabel = yLabel;
      this.logX = logX;
      this.logY = logY;
    }

    Plot line(Series l) {
      lines.add(l);
      return this;
    }

    Plot ref(Marker r) {
      refs.add(r);
      return this;
    }

    /** Replaces the automatic legend (one entry per labelled line) by explicit entries; refs are still added. */
    Plot legend(LegendEntry e) {
      autoLegend = false;
      legend.add(e);
      return this;
    }

    /**
     * Fixes the x range to exactly [lo, hi] (no padding). Data outside is clipped at the frame and does not
     * influence the y range; lines still run to the frame edge from the nearest point outside.
     */
    Plot xRange(double lo, double hi) {
      if (!(lo < hi)) {
        throw new IllegalArgumentException("x range needs lo < hi (got " + lo + ", " + hi + ")");
      }
      this.xMin = lo;
      this.xMax = hi;
      return this;
    }

    /**
     * Lowest y shown (for log axes spanning hundreds of decades): smaller values are drawn running off the bottom
     * of the frame, where they are clipped.
     */
    Plot yFloor(double floor) {
      this.yFloor = floor;
      return this;
    }

    private boolean inX(double x) {
      return Double.isNaN(xMin) || (x >= xMin && x <= xMax);
    }

    /** Number of data points that will be drawn inside the frame. */
    int drawablePoints() {
      int count = 0;
      for (Series l : lines) {
        for (int i = 0; i < l.x().length; i++) {
          if (ok(l.x()[i], logX) && ok(l.y()[i], logY) && inX(l.x()[i]) && (Double.isNaN(yFloor) || l.y()[i] >= yFloor)) {
            count++;
          }
        }
      }
      return count;
    }

    private static boolean ok(double v, boolean log) {
      return Double.isFinite(v) && (!log || v > 0);
    }

    /**
     * Renders the plot.
     *
     * @param id unique id within the page (for the clip path)
     * @param width total width in pixels
     * @param plotHeight height of the data area in pixels
     */
    String render(String id, double width, double plotHeight) {
      Axis xa = axis(true);
      Axis ya = axis(false);
      List<String> yTicks = new ArrayList<>();
      double maxYTick = 0;
      for (double t : ya.ticks) {
        String s = ya.label(t);
        yTicks.add(s);
        maxYTick = Math.max(maxYTick, textWidth(s, 10));
      }
      double left = 22 + maxYTick + 8;
      double right = 16;
      List<String> titleLines = wrap(title, width - 20, 12);
      double top = 10 + 15 * titleLines.size();
      double plotW = width - left - right;
      List<LegendEntry> entries = legendEntries(xa, ya, plotW, plotHeight);
      // Legend layout: entries flow left to right and wrap at the plot width.
      List<double[]> pos = new ArrayList<>();
      double lx = left;
      double rowY = 0;
      for (LegendEntry e : entries) {
        double w = (e.stroke() == null ? 0 : 30) + textWidth(e.label(), 10) + 14;
        if (lx + w > width - 4 && lx > left) {
          lx = left;
          rowY += 16;
        }
        pos.add(new double[] {lx, rowY});
        lx += w;
      }
      double legendH = entries.isEmpty() ? 0 : rowY + 16 + 4;
      double xAxisH = 40;
      double height = top + plotHeight + xAxisH + legendH + 4;
      int points = drawablePoints();
      StringBuilder sb = new StringBuilder();
      sb.append("<svg class=\"plot\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(Numbers.coord(width))
          .append("\" height=\"").append(Numbers.coord(height)).append("\" viewBox=\"0 0 ")
          .append(Numbers.coord(width)).append(' ').append(Numbers.coord(height)).append("\" data-points=\"")
          .append(points).append("\" role=\"img\" aria-label=\"").append(Html.esc(title)).append("\">\n");
      sb.append("<defs><clipPath id=\"").append(id).append("-clip\"><rect x=\"").append(Numbers.coord(left))
          .append("\" y=\"").append(Numbers.coord(top)).append("\" width=\"").append(Numbers.coord(plotW))
          .append("\" height=\"").append(Numbers.coord(plotHeight)).append("\"/></clipPath></defs>\n");
      for (int i = 0; i < titleLines.size(); i++) {
        new SvgText("ptitle", width / 2, 18 + 15 * i, SvgText.Anchor.MIDDLE, titleLines.get(i)).render(sb);
        sb.append('\n');
      }
      sb.append("<rect class=\"frame\" x=\"").append(Numbers.coord(left)).append("\" y=\"").append(Numbers.coord(top))
          .append("\" width=\"").append(Numbers.coord(plotW)).append("\" height=\"").append(Numbers.coord(plotHeight))
          .append("\"/>\n");
      if (points == 0) {
        new SvgText("nodata", left + plotW / 2, top + plotHeight / 2, SvgText.Anchor.MIDDLE, "no drawable data")
            .render(sb);
        sb.append('\n');
      }
      // Grid and ticks.
      for (double t : xa.ticks) {
        double px = left + xa.frac(t) * plotW;
        SvgLine.grid(px, top, px, top + plotHeight).render(sb);
        new SvgText("tick", px, top + plotHeight + 14, SvgText.Anchor.MIDDLE, xa.label(t)).render(sb);
        sb.append('\n');
      }
      for (int i = 0; i < ya.ticks.length; i++) {
        double py = top + (1 - ya.frac(ya.ticks[i])) * plotHeight;
        SvgLine.grid(left, py, left + plotW, py).render(sb);
        new SvgText("tick", left - 5, py + 3.5, SvgText.Anchor.END, yTicks.get(i)).render(sb);
        sb.append('\n');
      }
      axisLabel(xLabel, left + plotW / 2, top + plotHeight + 32, plotW).render(sb);
      sb.append('\n');
      axisLabel(yLabel, 13, top + plotHeight / 2, plotHeight).rotated(-90).render(sb);
      sb.append('\n');
      // Data, clipped to the plot area.
      sb.append("<g clip-path=\"url(#").append(id).append("-clip)\">\n");
      for (Marker r : refs) {
        if (!ok(r.value(), r.horizontal() ? logY : logX)) {
          continue;
        }
        String title = r.label() + " = " + Numbers.human(r.value());
        if (r.horizontal()) {
          double py = top + (1 - ya.frac(r.value())) * plotHeight;
          new SvgLine(left, py, left + plotW, py, null, r.stroke(), title).render(sb);
        } else {
          double px = left + xa.frac(r.value()) * plotW;
          new SvgLine(px, top, px, top + plotHeight, null, r.stroke(), title).render(sb);
        }
        sb.append('\n');
      }
      for (Series l : lines) {
        renderLine(sb, l, xa, ya, left, top, plotW, plotHeight);
      }
      sb.append("</g>\n");
      for (int i = 0; i < entries.size(); i++) {
        LegendEntry e = entries.get(i);
        double ex = pos.get(i)[0];
        double ey = top + plotHeight + xAxisH + pos.get(i)[1] + 8;
        Stroke stroke = e.stroke();
        if (stroke == null) {
          new SvgText("legend", ex, ey + 3.5, SvgText.Anchor.START, e.label()).render(sb);
          sb.append('\n');
          continue;
        }
        new SvgLine(ex, ey, ex + 24, ey, null, stroke, "").render(sb);
        if (e.marker()) {
          sb.append("<circle cx=\"").append(Numbers.coord(ex + 12)).append("\" cy=\"").append(Numbers.coord(ey))
              .append("\" r=\"3\" fill=\"").append(stroke.colour()).append("\"/>");
        }
        new SvgText("legend", ex + 29, ey + 3.5, SvgText.Anchor.START, e.label()).render(sb);
        sb.append('\n');
      }
      sb.append("</svg>\n");
      return sb.toString();
    }

    /** An axis label, centred; one longer than its axis is squeezed to the axis length rather than clipped. */
    private static SvgText axisLabel(String label, double x, double y, double length) {
      SvgText text = new SvgText("axlabel", x, y, SvgText.Anchor.MIDDLE, label);
      return textWidth(label, FONT) <= length ? text : text.squeezedTo(length);
    }

    private List<LegendEntry> legendEntries(Axis xa, Axis ya, double plotW, double plotH) {
      List<LegendEntry> entries = new ArrayList<>();
      // Unlabelled series hidden by an earlier one, grouped by the one they coincide with.
      java.util.Map<String, List<String>> notes = new java.util.LinkedHashMap<>();
      for (int j = 0; j < lines.size(); j++) {
        Series l = lines.get(j);
        int same = coincidesWith(j, xa, ya, plotW, plotH);
        String other = same < 0 ? "" : lines.get(same).name();
        if (autoLegend && !l.legend().isEmpty()) {
          String label = l.legend() + (other.isEmpty() ? "" : " (coincides with " + other + ")");
          entries.add(new LegendEntry(label, l.stroke().legendSample(), l.markers()));
        } else if (!other.isEmpty() && !l.name().isEmpty()) {
          notes.computeIfAbsent(other, k -> new ArrayList<>()).add(l.name());
        }
      }
      if (!autoLegend) {
        entries.addAll(legend);
      }
      for (int j = 0; j < refs.size(); j++) {
        Marker r = refs.get(j);
        if (!r.label().isEmpty() && ok(r.value(), r.horizontal() ? logY : logX)) {
          int same = refCoincidesWith(j, xa, ya, plotW, plotH);
          entries.add(new LegendEntry(r.label() + " = " + Numbers.human(r.value())
              + (same < 0 ? "" : " (coincides with " + refs.get(same).label() + ")"), r.stroke().legendSample(),
              false));
        }
      }
      for (java.util.Map.Entry<String, List<String>> note : notes.entrySet()) {
        List<String> hidden = note.getValue();
        entries.add(LegendEntry.note(String.join(", ", hidden) + (hidden.size() == 1 ? " coincides" : " coincide")
            + " with " + note.getKey()));
      }
      return entries;
    }

    /**
     * The first earlier series that series j coincides with on screen, or -1: the same number of points, each
     * drawn (or not) by both, within {@link #COINCIDENCE_PX} in x and y, and at least one drawn inside the frame.
     * Such a series hides the earlier one, so its legend entry says so.
     */
    int coincidesWith(int j, Axis xa, Axis ya, double plotW, double plotH) {
      Series b = lines.get(j);
      for (int i = 0; i < j; i++) {
        Series a = lines.get(i);
        if (a.x().length != b.x().length) {
          continue;
        }
        boolean any = false;
        boolean same = true;
        for (int k = 0; k < a.x().length && same; k++) {
          boolean da = drawn(a, k);
          boolean db = drawn(b, k);
          if (da != db) {
            same = false;
          } else if (da) {
            any = true;
            same = Math.abs(xa.frac(a.x()[k]) - xa.frac(b.x()[k])) * plotW <= COINCIDENCE_PX
                && Math.abs(ya.frac(a.y()[k]) - ya.frac(b.y()[k])) * plotH <= COINCIDENCE_PX;
          }
        }
        if (same && any) {
          return i;
        }
      }
      return -1;
    }

    private int refCoincidesWith(int j, Axis xa, Axis ya, double plotW, double plotH) {
      Marker b = refs.get(j);
      for (int i = 0; i < j; i++) {
        Marker a = refs.get(i);
        if (a.horizontal() != b.horizontal() || a.label().isEmpty() || !ok(a.value(), b.horizontal() ? logY : logX)) {
          continue;
        }
        double px = b.horizontal() ? Math.abs(ya.frac(a.value()) - ya.frac(b.value())) * plotH
            : Math.abs(xa.frac(a.value()) - xa.frac(b.value())) * plotW;
        if (px <= COINCIDENCE_PX) {
          return i;
        }
      }
      return -1;
    }

    /** Whether point k of l is drawn inside the frame (finite, positive on a log axis, in the x range, above the floor). */
    private boolean drawn(Series l, int k) {
      double x = l.x()[k];
      double y = l.y()[k];
      return ok(x, logX) && ok(y, logY) && inX(x) && (Double.isNaN(yFloor) || y >= yFloor);
    }

    private void renderLine(StringBuilder sb, Series l, Axis xa, Axis ya, double left, double top, double plotW,
        double plotH) {
      StringBuilder path = new StringBuilder();
      StringBuilder dots = new StringBuilder();
      boolean pen = false;
      String lastPx = "";
      int segment = 0;
      for (int i = 0; i <= l.x().length; i++) {
        if (i == l.x().length || !ok(l.x()[i], logX) || !ok(l.y()[i], logY)) {
          if (segment == 1 && !l.markers()) {
            // A lone point between gaps draws nothing as a path: show it as a dot.
            dot(dots, lastPx, 1.8, l.stroke().colour());
          }
          pen = false;
          segment = 0;
          continue;
        }
        String px = Numbers.coord(left + xa.frac(l.x()[i]) * plotW) + ","
            + Numbers.coord(top + (1 - ya.frac(l.y()[i])) * plotH);
        if (pen && px.equals(lastPx)) {
          continue;
        }
        path.append(pen ? " L" : (path.length() == 0 ? "M" : " M")).append(px);
        pen = true;
        segment++;
        lastPx = px;
        if (l.markers()) {
          dot(dots, px, 3, l.stroke().colour());
        }
      }
      errorBars(sb, l, xa, ya, left, top, plotW, plotH);
      if (path.length() == 0) {
        return;
      }
      sb.append("<path d=\"").append(path).append("\" fill=\"none\"");
      l.stroke().appendAttributes(sb);
      sb.append("/>\n");
      if (dots.length() > 0) {
        sb.append(dots).append('\n');
      }
    }

    /** Vertical bars with caps; on a log axis a bar reaching zero or below runs off the bottom of the frame. */
    private void errorBars(StringBuilder sb, Series l, Axis xa, Axis ya, double left, double top, double plotW,
        double plotH) {
      StringBuilder d = new StringBuilder();
      for (int i = 0; i < l.yErr().length; i++) {
        if (!(l.yErr()[i] > 0) || !Double.isFinite(l.yErr()[i]) || !ok(l.x()[i], logX) || !ok(l.y()[i], logY)) {
          continue;
        }
        double low = l.y()[i] - l.yErr()[i];
        double high = l.y()[i] + l.yErr()[i];
        double px = left + xa.frac(l.x()[i]) * plotW;
        double pyLow = ok(low, logY) ? top + (1 - ya.frac(low)) * plotH : top + plotH + 2;
        double pyHigh = top + (1 - ya.frac(high)) * plotH;
        String x0 = Numbers.coord(px - 3);
        String x1 = Numbers.coord(px + 3);
        String xc = Numbers.coord(px);
        String yl = Numbers.coord(pyLow);
        String yh = Numbers.coord(pyHigh);
        d.append(d.length() == 0 ? "M" : " M").append(xc).append(',').append(yl).append(" L").append(xc).append(',')
            .append(yh).append(" M").append(x0).append(',').append(yh).append(" L").append(x1).append(',').append(yh);
        if (ok(low, logY)) {
          d.append(" M").append(x0).append(',').append(yl).append(" L").append(x1).append(',').append(yl);
        }
      }
      if (d.length() > 0) {
        sb.append("<path class=\"errorbar\" d=\"").append(d).append("\" fill=\"none\" stroke=\"")
            .append(l.stroke().colour()).append("\" stroke-width=\"1\"/>\n");
      }
    }

    private static void dot(StringBuilder dots, String px, double r, String colour) {
      int comma = px.indexOf(',');
      dots.append("<circle cx=\"").append(px, 0, comma).append("\" cy=\"").append(px.substring(comma + 1))
          .append("\" r=\"").append(Numbers.coord(r)).append("\" fill=\"").append(colour).append("\"/>");
    }

    private Axis axis(boolean isX) {
      boolean log = isX ? logX : logY;
      if (isX && !Double.isNaN(xMin)) {
        return log ? Axis.log(xMin, xMax, false) : Axis.linear(xMin, xMax, false);
      }
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (Series l : lines) {
        for (int i = 0; i < l.x().length; i++) {
          if (!ok(l.x()[i], logX) || !ok(l.y()[i], logY)) {
            continue;
          }
          if (isX) {
            lo = Math.min(lo, l.x()[i]);
            hi = Math.max(hi, l.x()[i]);
          } else if (inX(l.x()[i])) {
            double low = l.lowY(i);
            double high = l.highY(i);
            // An error bar reaching below zero on a log axis does not set the range (it runs off the frame).
            lo = Math.min(lo, ok(low, log) ? low : l.y()[i]);
            hi = Math.max(hi, high);
          }
        }
      }
      for (Marker r : refs) {
        if (r.horizontal() != isX && ok(r.value(), log)) {
          lo = Math.min(lo, r.value());
          hi = Math.max(hi, r.value());
        }
      }
      if (!isX && !Double.isNaN(yFloor) && lo < yFloor && yFloor < hi) {
        lo = yFloor;
      }
      if (!(lo <= hi)) {
        lo = log ? 1 : 0;
        hi = log ? 10 : 1;
      }
      return log ? Axis.log(lo, hi) : Axis.linear(lo, hi);
    }
  }

  /**
   * Splits text into lines no wider than {@code maxWidth} (estimated), at spaces outside sub- and superscripts
   * ({@link MathText#words}).
   */
  static List<String> wrap(String text, double maxWidth, double fontSize) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : MathText.words(text)) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (textWidth(candidate, fontSize) > maxWidth && line.length() > 0) {
        out.add(line.toString());
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(candidate);
      }
    }
    if (line.length() > 0 || out.isEmpty()) {
      out.add(line.toString());
    }
    return out;
  }
}
