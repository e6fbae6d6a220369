package io.github.softmaxicl.reports.html;

import java.util.List;

/**
 * Lines of evidence: one line inline; several in a collapsed {@code <details>} whose summary is the first line,
 * so that a table stays scannable while the full text stays in the page (and in results.json). Maths is typeset
 * by {@link MathText}.
 */
final class Evidence {
  private Evidence() {}

  static void append(StringBuilder sb, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    if (lines.size() == 1) {
      sb.append("<div class=\"evidence\">").append(MathText.html(lines.get(0))).append("</div>");
      return;
    }
    sb.append("<details class=\"evidence\"><summary>").append(MathText.html(lines.get(0))).append(" <span class=\"more\">(")
        .append(lines.size() - 1).append(" more line").append(lines.size() == 2 ? "" : "s").append(")</span></summary><ul>");
    for (String e : lines.subList(1, lines.size())) {
      sb.append("<li>").append(MathText.html(e)).append("</li>");
    }
    sb.append("</ul></details>");
  }
}
