package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.checks.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-screen overview above the claims table: claims (rows) × runs (columns), each cell coloured by its verdict
 * and linking to the verdict's row in the table, with the counts per verdict and, per row, the command that re-runs
 * the claim. Proved and measured passes are told apart: a pass whose provenance is {@link #CERTIFIED} is
 * "certified", any other pass "measured pass". An HTML table with CSS: no script, no external resource.
 */
final class VerdictMatrix {
  /** The provenance of the claims proved with interval arithmetic. */
  static final String CERTIFIED = io.github.softmaxicl.theory.Provenance.CERTIFIED.label();

  /** The verdict classes of the overview, in the order of its legend. */
  enum Kind {
    CERTIFIED("certified", "◆", "certified (interval arithmetic)"),
    PASS("pass", "✓", "measured pass"),
    FAIL("fail", "✗", "fail"),
    NOT_APPLICABLE("not-applicable", "–", "not applicable"),
    ERROR("error", "!", "error");

    final String css;
    final String mark;
    final String label;

    Kind(String css, String mark, String label) {
      this.css = css;
      this.mark = mark;
      this.label = label;
    }
  }

  private VerdictMatrix() {}

  /** The overview class of one verdict. */
  static Kind kind(Verdict v) {
    switch (v.status()) {
      case PASS:
        return v.provenance().equals(CERTIFIED) ? Kind.CERTIFIED : Kind.PASS;
      case FAIL:
        return Kind.FAIL;
      case NOT_APPLICABLE:
        return Kind.NOT_APPLICABLE;
      default:
        return Kind.ERROR;
    }
  }

  /** Renders the overview; nothing when there are no verdicts (the section says so). */
  static void render(StringBuilder sb, List<Verdict> verdicts, Map<String, String> claimReruns) {
    if (verdicts.isEmpty()) {
      return;
    }
    List<String> runs = new ArrayList<>();
    Map<String, Map<String, List<Verdict>>> rows = new LinkedHashMap<>();
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    for (Verdict v : verdicts) {
      if (!runs.contains(v.run())) {
        runs.add(v.run());
      }
      rows.computeIfAbsent(v.claimId(), k -> new LinkedHashMap<>())
          .computeIfAbsent(v.run(), k -> new ArrayList<>()).add(v);
      counts.merge(kind(v), 1, Integer::sum);
    }
    sb.append("<div id=\"overview\" class=\"overview\">\n<p class=\"mcounts\">").append(verdicts.size())
        .append(" verdicts:");
    for (Kind k : Kind.values()) {
      sb.append(" <span class=\"cell ").append(k.css).append("\">").append(k.mark).append(' ').append(k.label)
          .append(": ").append(counts.getOrDefault(k, 0)).append("</span>");
    }
    sb.append(" A blank cell: the claim is not checked on that run. Each cell links to its row below.</p>\n");
    sb.append("<table class=\"matrix\">\n<tr><th>claim</th>");
    for (String run : runs) {
      sb.append("<th class=\"run\"><span>").append(Html.esc(run)).append("</span></th>");
    }
    sb.append("<th>re-run this claim</th></tr>\n");
    for (Map.Entry<String, Map<String, List<Verdict>>> row : rows.entrySet()) {
      sb.append("<tr><th>").append(Html.esc(row.getKey())).append("</th>");
      for (String run : runs) {
        List<Verdict> cell = row.getValue().get(run);
        if (cell == null) {
          sb.append("<td class=\"cell none\"></td>");
          continue;
        }
        // A claim has one verdict per run; should it ever have more, the cell takes the worst and links each.
        Kind worst = Kind.CERTIFIED;
        for (Verdict v : cell) {
          worst = kind(v).ordinal() > worst.ordinal() ? kind(v) : worst;
        }
        sb.append("<td class=\"cell ").append(worst.css).append("\">");
        for (Verdict v : cell) {
          Kind k = kind(v);
          sb.append("<a href=\"#").append(Html.esc(SummarySection.anchor(v))).append("\" title=\"")
              .append(Html.esc(v.claimId() + " on " + v.run() + ": " + k.label)).append("\">").append(k.mark)
              .append("</a>");
        }
        sb.append("</td>");
      }
      String rerun = claimReruns.get(row.getKey());
      sb.append("<td class=\"cmd\">").append(rerun == null ? "" : "<code>" + Html.esc(rerun) + "</code>")
          .append("</td></tr>\n");
    }
    sb.append("</table>\n</div>\n");
  }
}
