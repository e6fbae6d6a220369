package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;

/**
 * The provenance stamp at the top of the page: which commit (recorded when the jar was built) and whether its tree
 * was dirty, the command, mode and seed, and the machine, so that a reader knows without scrolling what produced
 * the page. A dirty tree or an unknown commit is shown as a warning: the numbers then belong to no commit.
 */
final class StampBox {
  private StampBox() {}

  static void render(StringBuilder sb, Provenance v) {
    sb.append("<div class=\"stamp\" id=\"stamp\"><span class=\"").append(v.buildTrusted() ? "clean" : "dirty")
        .append("\">").append(Html.esc(v.build())).append("</span><br>")
        .append("<code>").append(Html.esc(ReproducibilitySection.commandLine(v.arguments()))).append("</code> · ")
        .append(Html.esc(v.mode() + " mode, seed " + v.seed() + ", started " + v.started() + " UTC, "
            + Numbers.human(v.wallSeconds()) + " s"))
        .append("<br>").append(Html.esc(v.machine())).append(" · <a href=\"#reproducibility\">libraries and stage"
            + " times</a></div>\n");
  }
}
