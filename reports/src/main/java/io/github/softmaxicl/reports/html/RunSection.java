package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.reports.Numbers;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.Arrays;
import java.util.List;

/**
 * One run's section: its set-up and claims, the scalar table, the loss plots, the semi-singular values and the
 * allocation heat maps. Heads and tasks are numbered from 1.
 */
final class RunSection {
  private RunSection() {}

  static void render(StringBuilder sb, RunFacts r, List<Verdict> verdicts, PlotIds ids) {
    ProblemConfig c = r.config();
    sb.append("<section class=\"run\" id=\"run-").append(Html.esc(r.id())).append("\">\n<h3>")
        .append(Html.esc(r.id())).append(" — ").append(Html.esc(r.kind().title())).append("</h3>\n");
    sb.append("<p class=\"note\">d = ").append(c.d()).append(", blocks ").append(Html.esc(blocks(c)))
        .append(", H = ").append(c.heads()).append(", L = ").append(c.promptLength()).append(", σ = ")
        .append(Html.esc(Numbers.human(c.sigma()))).append(", s² = ").append(Html.esc(Numbers.human(c.s2())))
        .append(", init ").append(Html.esc(r.init())).append(" × ").append(Html.esc(Numbers.human(r.initScale())))
        .append(", seed ").append(r.seed()).append(". Claims on this run: ");
    int count = 0;
    for (Verdict v : verdicts) {
      if (v.run().equals(r.id())) {
        sb.append(count++ == 0 ? "" : ", ").append("<a href=\"#").append(Html.esc(SummarySection.anchor(v)))
            .append("\" class=\"").append(v.status().json()).append("\">").append(Html.esc(v.claimId())).append("</a>");
      }
    }
    sb.append(count == 0 ? "none" : "").append(".</p>\n");
    double end = PlotWindow.end(r.tEnd(), r.markers().emergenceEnd(), r.lastSampleTime());
    sb.append("<div class=\"figs\">\n");
    RunScalarsTable.render(sb, r, end);
    LossWindowPlot.render(sb, r, end, ids.next());
    ExcessLossPlot.render(sb, r, ids.next());
    EmergenceCloseUp.render(sb, r, ids);
    RunFacts.FullModel full = r.full();
    if (full != null) {
      OffStructurePlot.render(sb, r, full, ids.next());
    }
    sb.append("</div>\n<h4>Semi-singular values against t (same window as the loss)</h4>\n<div class=\"figs\">\n");
    SpectralPanels.render(sb, r, end, ids);
    sb.append("</div>\n<h4>Task allocation: μ<sub>i</sub><sup>h</sup>·ω<sub>i</sub><sup>h</sup> per head (rows) and"
        + " task (columns)</h4>\n");
    AllocationHeatmaps.render(sb, r);
    sb.append("</section>\n");
  }

  /** Block sizes as written in the tables, e.g. {@code [4, 4]}. */
  static String blocks(ProblemConfig c) {
    return Arrays.toString(c.blockSizes());
  }

  /** A marker time as the tables show it. */
  static String marker(double t) {
    return Double.isNaN(t) ? "not reached" : "t = " + Numbers.human(t);
  }
}
