package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.checks.Sweep;
import java.util.ArrayList;
import java.util.List;

/** The sweeps: one plot per sweep (closed forms dashed, measurements with error bars), with its note. */
final class SweepSection {
  private static final double PLOT_HEIGHT = 280;

  private SweepSection() {}

  static void render(StringBuilder sb, List<Sweep> sweeps, PlotIds ids) {
    sb.append("<section id=\"sweeps\">\n<h2>Sweeps</h2>\n");
    if (sweeps.isEmpty()) {
      sb.append("<p>No sweeps were run in this invocation.</p>\n</section>\n");
      return;
    }
    sb.append("<div class=\"figs\">\n");
    for (Sweep s : sweeps) {
      sb.append("<figure id=\"sweep-").append(Html.esc(s.id())).append("\" style=\"margin:0\">\n");
      Svg.Plot p = new Svg.Plot(s.title(), s.xLabel(), s.yLabel(), s.logX(), s.logY());
      int k = 0;
      boolean errors = false;
      for (Sweep.Series ser : s.series()) {
        p.line(new Svg.Series(ser.name(), ser.x(), ser.y(), PlotStyles.sweepSeries(k++, ser.theory()), !ser.theory(),
            ser.yError()));
        errors |= ser.hasErrors();
      }
      for (Sweep.ReferenceLine ref : s.references()) {
        p.ref(new Svg.Marker(ref.label(), ref.value(), ref.horizontal(), PlotStyles.SWEEP_REFERENCE));
      }
      sb.append(p.render(ids.next(), Figure.WIDE, PLOT_HEIGHT));
      // A note of several lines (per-point values) goes into a collapsed list; a short note is the caption.
      List<String> noteLines = s.note().isEmpty() ? List.of() : List.of(s.note().split("\n"));
      String caption = noteLines.size() == 1 ? noteLines.get(0) : "";
      caption += errors ? (caption.isEmpty() ? "" : " ") + "Error bars: ± the y error given with"
          + " each measured series (see its legend for what it is)." : "";
      if (!caption.isEmpty() || noteLines.size() > 1) {
        sb.append("<figcaption class=\"note\" style=\"max-width:640px\">").append(Html.esc(caption));
        if (noteLines.size() > 1) {
          List<String> lines = new ArrayList<>();
          lines.add("values behind the plot");
          lines.addAll(noteLines);
          Evidence.append(sb, lines);
        }
        sb.append("</figcaption>\n");
      }
      sb.append("</figure>\n");
    }
    sb.append("</div>\n</section>\n");
  }
}
