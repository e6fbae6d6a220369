package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.reports.Numbers;
import java.util.List;

/** The summary of claims: counts by status and one table row per verdict, with its evidence. */
final class SummarySection {
  private SummarySection() {}

  /** The anchor of a verdict's row, linked from its run's section. */
  static String anchor(Verdict v) {
    return "claim-" + v.claimId() + "-" + v.run();
  }

  static void render(StringBuilder sb, List<Verdict> verdicts) {
    int pass = 0;
    int fail = 0;
    int error = 0;
    for (Verdict v : verdicts) {
      if (v.status() == Verdict.Status.PASS) {
        pass++;
      } else if (v.status() == Verdict.Status.FAIL) {
        fail++;
      } else {
        error++;
      }
    }
    sb.append("<section id=\"summary\">\n<h2>Summary of claims</h2>\n");
    sb.append("<p class=\"counts\">").append(verdicts.size()).append(" claims checked: <span class=\"pass\">")
        .append(pass).append(" pass</span><span class=\"fail\">")
        .append(fail).append(" fail</span><span class=\"error\">").append(error).append(" error</span>. A claim passes when the measured value is within the"
            + " threshold; the budget says how the threshold was derived. <i>error</i> means the computation behind"
            + " the check failed: nothing was verified.</p>\n");
    if (verdicts.isEmpty()) {
      sb.append("<p class=\"error\">No claim was checked in this run; nothing was verified.</p>\n</section>\n");
      return;
    }
    sb.append("<table class=\"claims\">\n<tr><th>claim</th><th>run</th><th>verdict</th><th>statement</th>"
        + "<th>measured</th><th>threshold</th><th>budget</th><th>provenance</th></tr>\n");
    for (Verdict v : verdicts) {
      String cls = v.status().json();
      sb.append("<tr id=\"").append(Html.esc(anchor(v))).append("\"><td>")
          .append(Html.esc(v.claimId())).append("</td><td>").append(Html.esc(v.run())).append("</td><td class=\"")
          .append(cls).append("\">").append(cls).append("</td><td>").append(Html.esc(v.statement()));
      Evidence.append(sb, v.evidence());
      sb.append("</td><td class=\"num\">").append(Html.esc(Numbers.human(v.measured()))).append("</td><td class=\"num\">")
          .append(Html.esc(Numbers.human(v.threshold()))).append("</td><td>").append(Html.esc(v.budget()))
          .append("</td><td>").append(Html.esc(v.provenance())).append("</td></tr>\n");
    }
    sb.append("</table>\n</section>\n");
  }
}
