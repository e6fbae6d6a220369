package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.Experiment;
import io.github.softmaxicl.experiments.PerRunExperiment;
import io.github.softmaxicl.experiments.ReproductionJob;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/** {@code --list-claims}: every registered claim with its statement, hypotheses and typical quick runtime. */
final class ClaimList {
  private ClaimList() {}

  static void print(PrintStream out) {
    out.println("Registered claims (reduced model (reconstruction)). --claim ID runs the experiment that checks ID;");
    out.println("its runtime is typical, measured on a 2-core machine (" + ReproductionJob.TYPICAL_TIMES_MACHINE
        + "), quick mode; --full takes longer, and per-configuration experiments scale with the configurations.");
    for (Claim c : Claims.all()) {
      out.println();
      out.println(c.id() + "  (paper claim " + c.paperClaim() + ")");
      out.println("  statement:  " + c.statement());
      out.println("  hypotheses: " + c.hypotheses());
      Optional<Experiment> e = ReproductionJob.experimentFor(c.id());
      if (e.isEmpty()) {
        out.println("  runtime:    not checked by any experiment of this build");
        continue;
      }
      out.println("  checked by: " + e.get().getClass().getSimpleName() + " (" + e.get().dynamics().id()
          + " dynamics" + (e.get() instanceof PerRunExperiment ? ", on each configuration" : ", configuration-independent")
          + ")");
      out.println("  runtime:    " + runtime(e.get()));
    }
  }

  /** The experiment's typical quick runtime in words. */
  static String runtime(Experiment e) {
    double s = e.typicalQuickSeconds();
    if (!Double.isFinite(s)) {
      return "not measured";
    }
    String where = e instanceof PerRunExperiment ? " on the default presets" : "";
    return String.format(Locale.ROOT, "typically %s s in quick mode%s (measured on a 2-core machine)",
        s < 10 ? String.format(Locale.ROOT, "%.1f", s) : String.format(Locale.ROOT, "%.0f", s), where);
  }
}
