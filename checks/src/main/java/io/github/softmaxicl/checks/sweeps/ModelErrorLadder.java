package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.checks.Verdicts;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.numerics.full.AttentionWeights;
import io.github.softmaxicl.numerics.full.FullModel;
import io.github.softmaxicl.numerics.full.MonteCarloLoss;
import io.github.softmaxicl.numerics.FullModelFailure;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.RefinedLoss;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.util.FastMath;

/**
 * Model-error ladder (reduced model (reconstruction), MODEL.md §4): at a decomposable point with specialised heads
 * (head h serves task h with ω, μ given, every other entry 0), Monte Carlo of the true model against the
 * leading-order and refined reduced losses over a ladder of prompt lengths. Checked: the refined error shrinks
 * along the ladder and is below the leading-order error at the two largest L.
 */
final class ModelErrorLadder {
  static final Claim ID = Claims.P6_MODEL_ERROR;
  static final double SIGMAS = 4.0;

  private ModelErrorLadder() {}

  /** Head h serves task h with (ω, μ); every other entry 0. Needs H ≥ n. */
  static SpectralState specialised(ProblemConfig c, double omega, double mu) {
    double[][] w = new double[c.heads()][c.tasks()];
    double[][] m = new double[c.heads()][c.tasks()];
    for (int i = 0; i < c.tasks(); i++) {
      w[i][i] = omega;
      m[i][i] = mu;
    }
    return SpectralState.of(w, m);
  }

  static Part run(SweepSettings s, int threads) {
    ProblemConfig base = s.errorConfig();
    SpectralState point = specialised(base, s.errorOmega(), s.errorMu());
    String statement = "The refined finite-L reduced loss approximates the true model's loss better as L grows: "
        + "its |error| against Monte Carlo shrinks along the ladder and is below the leading-order loss's at the "
        + "two largest L (" + base + " with specialised heads omega = " + s.errorOmega() + ", mu = " + s.errorMu()
        + "; " + s.errorPrompts() + " fresh prompts per L).";
    String budget = "Monte Carlo SE only (the reduced losses are exact functions): a step may rise by at most "
        + "2 sqrt(SE_k^2 + SE_k+1^2), the first-to-last fall must exceed that; at the largest L's, "
        + "|e_LO| - |e_ref| > 4 SE (a shift of the shared MC mean by 2 SE changes that difference by <= 4 SE); "
        + "measured = |e_ref| / |e_LO| at the largest L, threshold 1";
    List<String> evidence = new ArrayList<>();
    List<SweepResult.Point> lo = new ArrayList<>();
    List<SweepResult.Point> ref = new ArrayList<>();
    List<Integer> ladder = new ArrayList<>(s.errorLadder());
    java.util.Collections.sort(ladder);
    int size = ladder.size();
    double[] eLo = new double[size];
    double[] eRef = new double[size];
    double[] se = new double[size];
    String failure = null;
    for (int k = 0; k < size; k++) {
      int l = ladder.get(k);
      ProblemConfig c = base.withPromptLength(l);
      double fLo = new LeadingOrderLoss(c).value(point);
      RefinedLoss refined = new RefinedLoss(c);
      if (!refined.inDomain(point)) {
        failure = "the point is outside the refined loss's domain (2 omega^2 >= 1)";
        break;
      }
      double fRef = refined.value(point);
      MonteCarloLoss est;
      try (FullModel model = new FullModel(c, threads)) {
        est = MonteCarloLoss.estimate(model, AttentionWeights.decomposable(c, point), s.seed() + 7_000_003L * l,
            s.errorPrompts());
      } catch (FullModelFailure e) {
        failure = "Monte Carlo at L = " + l + ": " + e.getMessage();
        break;
      }
      eLo[k] = fLo - est.mean();
      eRef[k] = fRef - est.mean();
      se[k] = est.standardError();
      lo.add(new SweepResult.Point(l, FastMath.abs(eLo[k]), se[k]));
      ref.add(new SweepResult.Point(l, FastMath.abs(eRef[k]), se[k]));
      evidence.add(String.format(Locale.ROOT,
          "L=%d: MC %.5f +- %.5f, leading order %.5f (error %+.5f, %.1f%%), refined %.5f (error %+.5f, %.1f%%)", l,
          est.mean(), se[k], fLo, eLo[k], 100 * eLo[k] / est.mean(), fRef, eRef[k], 100 * eRef[k] / est.mean()));
    }
    SweepResult plot = new SweepResult("p6-model-error",
        "Model error of the reduced losses against Monte Carlo of the true model (reduced model (reconstruction))",
        "prompt length L", "|reduced loss - Monte Carlo| (+- 1 SE)", true, true,
        List.of(new SweepResult.Series("leading order", lo), new SweepResult.Series("refined finite-L", ref)),
        List.of(), evidence);
    if (failure != null) {
      return new Part(List.of(Verdicts.error(ID, SweepGrid.RUN, statement, 1.0, budget, failure, evidence)), List.of(plot));
    }
    boolean holds = true;
    for (int k = 0; k + 1 < size; k++) {
      if (FastMath.abs(eRef[k + 1]) > FastMath.abs(eRef[k]) + 2 * FastMath.hypot(se[k], se[k + 1])) {
        holds = false;
        evidence.add("refined error rises significantly from L=" + ladder.get(k) + " to L=" + ladder.get(k + 1));
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
      evidence.add(String.format(Locale.ROOT, "L=%d: |e_LO| - |e_ref| = %.5f vs 4 SE = %.5f%s", ladder.get(k), margin,
          SIGMAS * se[k], ok ? "" : " [refined not significantly better]"));
    }
    double measured = FastMath.abs(eRef[size - 1]) / FastMath.abs(eLo[size - 1]);
    return new Part(List.of(Verdicts.of(ID, SweepGrid.RUN, holds, statement, measured, 1.0, budget, evidence)),
        List.of(plot));
  }
}
