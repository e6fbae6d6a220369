package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.reports.Numbers;
import java.util.List;
import java.util.Map;

/**
 * The summary of claims: counts by status and one table row per verdict, with its evidence and the command that
 * re-runs it.
 */
final class SummarySection {
  private SummarySection() {}

  /** The anchor of a verdict's row, linked from its run's section. */
  static String anchor(Verdict v) {
    return "claim-" + v.claimId() + "-" + v.run();
  }

  /**
   * Renders the section: the overview matrix, then the table; {@code reruns} holds the re-run command of each
   * verdict, in the same order, {@code claimReruns} that of each claim on all its runs.
   */
  static void render(StringBuilder sb, List<Verdict> verdicts, List<String> reruns,
      Map<String, String> claimReruns) {
    io.github.softmaxicl.checks.VerdictCounts counts = io.github.softmaxicl.checks.VerdictCounts.of(verdicts);
    int pass = counts.pass();
    int fail = counts.fail();
    int error = counts.error();
    int notApplicable = counts.notApplicable();
    sb.append("<section id=\"summary\">\n<h2>Summary of claims</h2>\n");
    VerdictMatrix.render(sb, verdicts, claimReruns);
    sb.append("<p class=\"counts\">").append(verdicts.size()).append(" claims checked: <span class=\"pass\">")
        .append(pass).append(" pass</span><span class=\"fail\">")
        .append(fail).append(" fail</span><span class=\"error\">").append(error)
        .append(" error</span><span class=\"not-applicable\">").append(notApplicable)
        .append(" not applicable</span>. A claim passes when the measured value is within the"
            + " threshold; the budget says how the threshold was derived. <i>error</i> means the computation behind"
            + " the check failed: nothing was verified. <i>not-applicable</i> means a hypothesis of the claim fails on"
            + " that run (the evidence names it and the value that breaks it): the claim says nothing there, so it is"
            + " never a pass, and it is not a failure either. Each row gives the command that re-runs that claim"
            + " alone (it writes to out/ unless you add --out DIR).</p>\n");
    if (verdicts.isEmpty()) {
      sb.append("<p class=\"error\">No claim was checked in this run; nothing was verified.</p>\n</section>\n");
      return;
    }
    sb.append("<table class=\"claims\">\n<tr><th>claim</th><th>run</th><th>verdict</th><th>statement</th>"
        + "<th>measured</th><th>threshold</th><th>budget</th><th>provenance</th></tr>\n");
    for (int k = 0; k < verdicts.size(); k++) {
      Verdict v = verdicts.get(k);
      String cls = v.status().json();
      sb.append("<tr id=\"").append(Html.esc(anchor(v))).append("\"><td>")
          .append(Html.esc(v.claimId())).append("</td><td>").append(Html.esc(v.run())).append("</td><td class=\"")
          .append(cls).append("\">").append(cls).append("</td><td>").append(MathText.html(v.statement()));
      Evidence.append(sb, v.evidence());
      if (k < reruns.size()) {
        sb.append("<div class=\"rerun\">re-run: <code>").append(Html.esc(reruns.get(k))).append("</code></div>");
      }
      sb.append("</td><td class=\"num\">").append(Html.esc(Numbers.human(v.measured()))).append("</td><td class=\"num\">")
          .append(Html.esc(Numbers.human(v.threshold()))).append("</td><td>").append(MathText.html(v.budget()))
          .append("</td><td>").append(Html.esc(v.provenance())).append("</td></tr>\n");
    }
    sb.append("</table>\n</section>\n");
  }
}
