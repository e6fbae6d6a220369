package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.checks.Sweep;
import io.github.softmaxicl.checks.Verdicts;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.util.FastMath;

/**
 * Model-error ladder check (reduced model (reconstruction), MODEL.md §4) over measured rungs: the refined
 * reduced loss's error against Monte Carlo of the true model shrinks along the ladder and is below the
 * leading-order loss's at the two largest L. A ladder that stopped early gives ERROR.
 */
final class ModelErrorCheck {
  static final Claim ID = Claims.P6_MODEL_ERROR;
  static final double SIGMAS = 4.0;

  private ModelErrorCheck() {}

  static Part check(ModelErrorMeasurements m) {
    String statement = "The refined finite-L reduced loss approximates the true model's loss better as L grows: "
        + "its |error| against Monte Carlo shrinks along the ladder and is below the leading-order loss's at the "
        + "two largest L (" + m.config() + " with specialised heads omega = " + m.omega() + ", mu = " + m.mu()
        + "; " + m.prompts() + " fresh prompts per L).";
    String budget = "Monte Carlo SE only (the reduced losses are exact functions): a step may rise by at most "
        + "2 sqrt(SE_k^2 + SE_k+1^2), the first-to-last fall must exceed that; at the largest L's, "
        + "|e_LO| - |e_ref| > 4 SE (a shift of the shared MC mean by 2 SE changes that difference by <= 4 SE); "
        + "measured = |e_ref| / |e_LO| at the largest L, threshold 1";
    List<String> evidence = new ArrayList<>();
    List<Sweep.Point> lo = new ArrayList<>();
    List<Sweep.Point> ref = new ArrayList<>();
    List<ModelErrorMeasurements.Rung> rungs = m.rungs();
    int size = rungs.size();
    double[] eLo = new double[size];
    double[] eRef = new double[size];
    double[] se = new double[size];
    for (int k = 0; k < size; k++) {
      ModelErrorMeasurements.Rung r = rungs.get(k);
      eLo[k] = r.leadingOrder() - r.mean();
      eRef[k] = r.refined() - r.mean();
      se[k] = r.standardError();
      lo.add(new Sweep.Point(r.promptLength(), FastMath.abs(eLo[k]), se[k]));
      ref.add(new Sweep.Point(r.promptLength(), FastMath.abs(eRef[k]), se[k]));
      evidence.add(String.format(Locale.ROOT,
          "L=%d: MC %.5f +- %.5f, leading order %.5f (error %+.5f, %.1f%%), refined %.5f (error %+.5f, %.1f%%)",
          r.promptLength(), r.mean(), se[k], r.leadingOrder(), eLo[k], 100 * eLo[k] / r.mean(), r.refined(),
          eRef[k], 100 * eRef[k] / r.mean()));
    }
    // The plot shows the rungs' lines only, not the verdict's reasoning added below.
    Sweep plot = new Sweep("p6-model-error",
        "Model error of the reduced losses against Monte Carlo of the true model (reduced model (reconstruction))",
        "prompt length L", "|reduced loss - Monte Carlo| (+- 1 SE)", true, true,
        List.of(Sweep.Series.measured("leading order", lo), Sweep.Series.measured("refined finite-L", ref)),
        List.of(), String.join("\n", evidence));
    String failure = m.failure();
    if (failure != null) {
      return new Part(List.of(Verdicts.error(ID, SweepLabels.RUN, statement, 1.0, budget, failure, evidence)), plot);
    }
    if (size < 2 || size != m.ladderSize()) {
      String why = "the ladder has " + size + " of " + m.ladderSize() + " rungs; at least two are needed";
      return new Part(List.of(Verdicts.error(ID, SweepLabels.RUN, statement, 1.0, budget, why, evidence)), plot);
    }
    boolean holds = true;
    for (int k = 0; k + 1 < size; k++) {
      if (FastMath.abs(eRef[k + 1]) > FastMath.abs(eRef[k]) + 2 * FastMath.hypot(se[k], se[k + 1])) {
        holds = false;
        evidence.add("refined error rises significantly from L=" + rungs.get(k).promptLength() + " to L="
            + rungs.get(k + 1).promptLength());
      }
    }
    if (!(FastMath.abs(eRef[size - 1]) < FastMath.abs(eRef[0]) - 2 * FastMath.hypot(se[0], se[size - 1]))) {
      holds = false;
      evidence.add("refined error does not fall significantly from the first to the last L");
    }
    for (int k = size - 2; k < size; k++) {
      double margin = FastMath.abs(eLo[k]) - FastMath.abs(eRef[k]);
      boolean ok = margin > SIGMAS * se[k];
      holds &= ok;
      evidence.add(String.format(Locale.ROOT, "L=%d: |e_LO| - |e_ref| = %.5f vs 4 SE = %.5f%s",
          rungs.get(k).promptLength(), margin, SIGMAS * se[k], ok ? "" : " [refined not significantly better]"));
    }
    double measured = FastMath.abs(eRef[size - 1]) / FastMath.abs(eLo[size - 1]);
    return new Part(List.of(Verdicts.of(ID, SweepLabels.RUN, holds, statement, measured, 1.0, budget, evidence)),
        plot);
  }
}
