package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;
import java.util.ArrayList;
import java.util.List;

/** The table of a run's scalars: losses against F*, phase markers, allocation, full-model extras, cost. */
final class RunScalarsTable {
  private RunScalarsTable() {}

  static void render(StringBuilder sb, RunFacts r, double end) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"F(0)", Numbers.human(r.f0())});
    rows.add(new String[] {"F(t_end), t_end = " + Numbers.human(r.tEnd()), Numbers.human(r.fFinal())});
    rows.add(new String[] {"F* (one head per task, MODEL.md §6)", Numbers.human(r.fStar())});
    // F(t_end) and F* agree to many digits; their difference is what a reader wants to see.
    rows.add(new String[] {"F(t_end) − F*", Numbers.human(r.fFinal() - r.fStar())});
    rows.add(new String[] {"F(t_end) / F* − 1", Numbers.human(r.fFinal() / r.fStar() - 1)});
    rows.add(new String[] {"end of warm-up t_w", RunSection.marker(r.markers().warmupEnd())});
    rows.add(new String[] {"end of emergence t_e", RunSection.marker(r.markers().emergenceEnd())});
    double[] half = r.markers().halfSignal();
    int[] alloc = r.allocation();
    StringBuilder hs = new StringBuilder();
    StringBuilder al = new StringBuilder();
    for (int i = 0; i < half.length; i++) {
      hs.append(i == 0 ? "" : ", ").append("task ").append(i + 1).append(": ").append(RunSection.marker(half[i]));
      al.append(i == 0 ? "" : ", ").append("task ").append(i + 1).append(" → ")
          .append(alloc[i] < 0 ? "none" : "head " + (alloc[i] + 1));
    }
    rows.add(new String[] {"half-signal times", hs.toString()});
    rows.add(new String[] {"linear-t window of the plots", "[0, " + Numbers.human(end) + "]"});
    rows.add(new String[] {"allocation at t_end (largest μ·ω)", al.toString()});
    RunFacts.FullModel full = r.full();
    if (full != null) {
      Integer prompts = r.prompts();
      rows.add(new String[] {r.kind() == RunKind.SGD ? "prompts per step" : "prompts in the fixed sample",
          prompts == null ? "–" : prompts.toString()});
      Boolean sym = full.symmetrised();
      rows.add(new String[] {"sample symmetrised (MODEL.md §9)", sym == null ? "–" : sym.toString()});
      rows.add(new String[] {"off-structure norm at t_end", Numbers.human(full.offStructureNorm())});
      rows.add(new String[] {"F of the final weights on fresh prompts ± s.e.",
          Numbers.human(full.fFresh()) + " ± " + Numbers.human(full.fFreshSe())});
      rows.add(new String[] {"saddle escape time (MODEL.md §9)", RunSection.marker(full.escapeTime())});
      rows.add(new String[] {"saddle escape rate: predicted 2g / measured",
          Numbers.human(full.saddleRatePredicted()) + " / " + Numbers.human(full.saddleRateMeasured())});
    }
    rows.add(new String[] {"integrator", r.integrator().describe()});
    rows.add(new String[] {"evaluations, wall time", r.evaluations() + ", " + Numbers.human(r.wallSeconds()) + " s"});
    sb.append("<table class=\"scalars\">\n");
    for (String[] row : rows) {
      sb.append("<tr><th>").append(MathText.html(row[0])).append("</th><td class=\"num\">").append(Html.esc(row[1]))
          .append("</td></tr>\n");
    }
    sb.append("</table>\n");
  }
}
