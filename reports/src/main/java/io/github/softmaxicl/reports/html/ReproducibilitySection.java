package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;

/** How to reproduce the page: command line, mode, versions, clock, and per run its seed, set-up and cost. */
final class ReproducibilitySection {
  private ReproducibilitySection() {}

  static void render(StringBuilder sb, Provenance v, List<RunFacts> runs) {
    sb.append("<section id=\"reproducibility\">\n<h2>Reproducibility</h2>\n<table>\n");
    row(sb, "command line", "<code>" + Html.esc(commandLine(v.arguments())) + "</code>");
    row(sb, "mode, dynamics, threads", Html.esc(v.mode() + ", " + v.dynamics() + ", " + v.threads()
        + " (results do not depend on the thread count)"));
    row(sb, "versions", Html.esc(v.name() + " " + v.version() + "; Java " + v.java() + "; Hipparchus " + v.hipparchus()
        + "; EJML " + v.ejml() + "; Commons RNG " + v.commonsRng()));
    row(sb, "started (UTC), wall time", Html.esc(v.started() + ", " + Numbers.human(v.wallSeconds()) + " s"));
    row(sb, "build", Html.esc(v.build()));
    row(sb, "machine", Html.esc(v.machine()));
    row(sb, "runtime libraries (from the jar's Maven metadata)", v.dependencies().isEmpty() ? "none found"
        : "<code>" + Html.esc(String.join(", ", v.dependencies())) + "</code>");
    sb.append("</table>\n");
    if (!v.stages().isEmpty()) {
      sb.append("<table id=\"stages\">\n<tr><th>stage</th><th>typical quick-mode s</th><th>wall s</th></tr>\n");
      for (Provenance.Stage st : v.stages()) {
        sb.append("<tr><td>").append(Html.esc(st.name())).append("</td><td class=\"num\">")
            .append(Double.isNaN(st.typicalQuickSeconds()) ? "–" : Html.esc(Numbers.human(st.typicalQuickSeconds())))
            .append("</td><td class=\"num\">")
            .append(Double.isNaN(st.wallSeconds()) ? "–" : Html.esc(Numbers.human(st.wallSeconds())))
            .append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    sb.append("<table>\n<tr><th>run</th><th>seed</th><th>configuration</th><th>init × scale</th>"
        + "<th>prompts</th><th>t_end</th><th>integrator and tolerances</th><th>evaluations</th><th>wall s</th>"
        + "<th>trajectory</th></tr>\n");
    for (RunFacts r : runs) {
      ProblemConfig c = r.config();
      Integer prompts = r.prompts();
      sb.append("<tr><td>").append(Html.esc(r.id())).append("</td><td class=\"num\">").append(r.seed())
          .append("</td><td>").append(Html.esc("d=" + c.d() + " blocks=" + RunSection.blocks(c) + " H=" + c.heads()
              + " L=" + c.promptLength() + " σ=" + Numbers.human(c.sigma()) + " s²=" + Numbers.human(c.s2())))
          .append("</td><td>").append(Html.esc(r.init() + " × " + Numbers.human(r.initScale())))
          .append("</td><td class=\"num\">").append(prompts == null ? "–" : prompts.toString())
          .append("</td><td class=\"num\">").append(Html.esc(Numbers.human(r.tEnd()))).append("</td><td>")
          .append(Html.esc(r.integrator().describe())).append("</td><td class=\"num\">").append(r.evaluations())
          .append("</td><td class=\"num\">").append(Html.esc(Numbers.human(r.wallSeconds()))).append("</td><td><a href=\"")
          .append(Html.esc(r.trajectoryCsv())).append("\">").append(Html.esc(r.trajectoryCsv())).append("</a></td></tr>\n");
    }
    sb.append("</table>\n</section>\n");
  }

  private static void row(StringBuilder sb, String name, String htmlValue) {
    sb.append("<tr><th>").append(Html.esc(name)).append("</th><td>").append(htmlValue).append("</td></tr>\n");
  }

  /** The command line as a POSIX shell would need it, each argument quoted when necessary. */
  static String commandLine(List<String> args) {
    StringBuilder sb = new StringBuilder("./reproduce");
    for (String a : args) {
      sb.append(' ');
      if (a.matches("[A-Za-z0-9_./=:,+@%-]+")) {
        sb.append(a);
      } else {
        sb.append('\'').append(a.replace("'", "'\\''")).append('\'');
      }
    }
    return sb.toString();
  }
}
