package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.checks.Sweep;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.checks.Verdicts;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.util.FastMath;

/**
 * P7 length generalisation check over measured losses (reduced model (reconstruction)): the one-head-per-task
 * limit trained at L, tested at a ladder of prompt lengths L'. Compared at each L': the closed form of MODEL.md
 * §6, the refined loss at L', and Monte Carlo of the true model (decomposable weights of the limit, fresh prompts
 * of length L'), all measured by the experiments.
 *
 * <p>Error budget of the refined comparison (P7-length-refined). (i) Monte Carlo: 4 standard errors. (ii) The
 * refined loss neglects the next order of the 1/L' expansion, whose relative size is governed by the heavier
 * exponential moments of the scores: we estimate it as m(L') · V(L'), with m(L') = max_h M₃(h) / (M₁(h) L'),
 * M_k(h) = Π_j (1 − 2k (ω_j^h)²)^{−d_j/2}, and V(L') the refined variance term. This is an order-of-magnitude
 * estimate, not a bound, so comparisons are asserted only where m(L') ≤ the settings' expansion limit (default
 * 0.02: L' ≳ 740 for {@code paper}); elsewhere they are reported, not asserted. If M₃ does not exist
 * (6 ω² ≥ 1, e.g. d_i ≤ 6 at the limit) nothing is asserted.
 *
 * <p>Error budget of the closed form (P7-length-generalisation), its own, computed from the limit model trained
 * at L and never from the measured refined loss (which made the check the refined one's corollary by the triangle
 * inequality: a closed form off by 4× left its verdict unchanged). Per task i, served by head h at the limit
 * (ω_i = 1/√d_i, off-task ω = 0), the leading-order loss of MODEL.md §4 has two first-order model errors:
 * <ul>
 *   <li>the O(d ω⁴) moment term: the variance term uses e^{d_i ω_i²} = e where the exact Gaussian moment is
 *       M₁ = (1 − 2ω_i²)^{−d_i/2}; its error is exactly (c_i/L') μ_i*² (M₁ − e) ≥ 0, which does not vanish
 *       relative to the variance term as L' grows;</li>
 *   <li>the O(e^{Σ d ω²}/L') expansion term: the signal's cross term is biased by s² Ψ μω(2 − μω)/L' with
 *       Ψ = d_i M₁/(1 − 2ω_i²) (MODEL.md §4's χ² moments); μω(2 − μω) = 1 − (1 − μω)² ≤ 1, so
 *       s² d_i M₁ / ((1 − 2ω_i²) L') bounds it.</li>
 * </ul>
 * The budget is (1/n) Σ_i of both, plus the next-order estimate m V and 4 Monte Carlo SE. It depends only on
 * (d_i, c_i, L, L') and the limit trained at L, so a closed form of the wrong model (retrained at L', whose μ* is
 * larger) or off by a factor shows up against Monte Carlo.
 */
final class LengthGeneralisationCheck {
  static final Claim ID = Claims.P7_LENGTH;
  static final Claim REFINED_ID = Claims.P7_LENGTH_REFINED;
  static final Claim CALIBRATION_ID = Claims.P7_LENGTH_CALIBRATION;
  /** Monte Carlo budget in standard errors. */
  static final double SIGMAS = 4.0;

  private LengthGeneralisationCheck() {}

  /** Exponential moment M_k(h) = Π_j (1 − 2k (ω_j^h)²)^{−d_j/2}; +∞ where it does not exist. */
  static double moment(ProblemConfig c, SpectralState s, int head, int k) {
    double log = 0;
    for (int j = 0; j < c.tasks(); j++) {
      double w = s.omega(head, j);
      double one = 1 - 2.0 * k * w * w;
      if (!(one > 0)) {
        return Double.POSITIVE_INFINITY;
      }
      log -= 0.5 * c.blockSize(j) * StrictMath.log(one);
    }
    return StrictMath.exp(log);
  }

  /** Expansion parameter m(L') = max over heads with some μ ≠ 0 of M₃/(M₁ L'). */
  static double expansionParameter(ProblemConfig c, SpectralState s, int testLength) {
    double m = 0;
    for (int h = 0; h < s.heads(); h++) {
      boolean active = false;
      for (int i = 0; i < s.tasks(); i++) {
        active |= s.mu(h, i) != 0;
      }
      if (active) {
        m = FastMath.max(m, moment(c, s, h, 3) / moment(c, s, h, 1) / testLength);
      }
    }
    return m;
  }

  /** Refined variance term at L' for a one-head-per-task state: (1/n) Σ_{i,h} (c_i/L') (μ_i^h)² M₁(h). */
  static double varianceTerm(ProblemConfig c, SpectralState s, int testLength) {
    double v = 0;
    for (int h = 0; h < s.heads(); h++) {
      double m1 = moment(c, s, h, 1);
      for (int i = 0; i < c.tasks(); i++) {
        v += c.signalPlusNoise(i) / testLength * s.mu(h, i) * s.mu(h, i) * m1;
      }
    }
    return v / c.tasks();
  }

  /**
   * The closed form's own first-order model error at L' (see the class comment): (1/n) Σ_i [(c_i/L') μ_i*² |M₁ − e|
   * + s² d_i M₁ / ((1 − 2ω_i²) L')], with μ*, ω* of the limit trained at {@code c}'s L; +∞ where M₁ does not
   * exist (2ω² ≥ 1).
   */
  static double closedFormModelError(ProblemConfig c, SpectralState limit, int testLength) {
    double sum = 0;
    for (int i = 0; i < c.tasks(); i++) {
      int h = servingHead(limit, i);
      double m1 = moment(c, limit, h, 1);
      double w = limit.omega(h, i);
      double one = 1 - 2 * w * w;
      if (!Double.isFinite(m1) || !(one > 0)) {
        return Double.POSITIVE_INFINITY;
      }
      double mu = limit.mu(h, i);
      double moment = c.signalPlusNoise(i) / testLength * mu * mu * FastMath.abs(m1 - StrictMath.E);
      double expansion = c.s2() * c.blockSize(i) * m1 / (one * testLength);
      sum += moment + expansion;
    }
    return sum / c.tasks();
  }

  /** The head with the largest μ_i^h ω_i^h (the one serving task i at the limit). */
  static int servingHead(SpectralState s, int task) {
    int best = 0;
    for (int h = 1; h < s.heads(); h++) {
      if (s.mu(h, task) * s.omega(h, task) > s.mu(best, task) * s.omega(best, task)) {
        best = h;
      }
    }
    return best;
  }

  static Part check(LengthMeasurements measured) {
    ProblemConfig c = measured.config();
    int trainL = c.promptLength();
    SpectralState limit = ClosedForms.limit(c);
    double expansionLimit = measured.expansionLimit();
    String setup = " Limit model of " + c + " (trained at L = " + trainL + "), tested at L' with Monte Carlo of the "
        + "true model on " + measured.prompts() + " fresh prompts per L'.";
    String statement = Claims.P7_LENGTH.statement() + setup + " Asserted where the refined expansion holds "
        + "(m(L') <= " + expansionLimit + "): |MC - closed form| <= 4 SE + B(L') + m V, B the closed form's own "
        + "model error.";
    String budget = "4 Monte Carlo SE + B(L') + m(L') V(L'). B is the closed form's own first-order model error, "
        + "computed from the limit trained at L alone (not from the refined loss): (1/n) sum_i [(c_i/L') mu_i*^2 "
        + "(M1 - e)] (O(d omega^4) moment term, exact) + (1/n) sum_i s^2 d_i M1/((1 - 2 omega_i^2) L') (O(1/L') "
        + "expansion term, its coefficient mu omega (2 - mu omega) <= 1); m V is an order-of-magnitude estimate of "
        + "the next order (m = M3/(M1 L'), M_k = prod_j (1 - 2k omega_j^2)^(-d_j/2)); measured = max over "
        + "asserted L' of (|MC - CF| - B - m V) / SE";
    String refinedStatement = "The refined finite-L loss of the limit model at L' agrees with Monte Carlo of the "
        + "true model where its expansion holds (m(L') <= " + expansionLimit + ")." + setup;
    String refinedBudget = "4 Monte Carlo SE + m(L') V(L') (neglected next order, estimate); measured = max over "
        + "asserted L' of (|MC - Ref| - m V) / SE";
    String calibrationStatement = "Softmax stays calibrated where linear attention with a fixed scale does not: "
        + "the softmax limit model's loss falls monotonically as L' grows (closed form and refined strictly, Monte "
        + "Carlo without a significant rise and with a significant overall fall), while linear attention "
        + "y_i = a_i (1/L) sum_{l<=L'} y_{l,i} x_{l,S_i}^T x_{q,S_i} with a_i tuned at L is worse at both ends of the "
        + "ladder than at L and ends above the softmax model." + setup;
    String calibrationBudget = "Monte Carlo steps: rise <= 4 sqrt(SE_k^2 + SE_k+1^2) tolerated, overall fall must "
        + "exceed it; linear attention is exact (derived formula, checked by Monte Carlo in tests); measured = "
        + "F_linear(L'_max) / F_softmax,MC(L'_max), threshold 1";

    List<LengthMeasurements.TestLength> lengths = measured.lengths();
    List<Sweep.Point> mcPoints = new ArrayList<>();
    List<Sweep.Point> cfPoints = new ArrayList<>();
    List<Sweep.Point> refPoints = new ArrayList<>();
    List<Sweep.Point> linPoints = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    double worstCf = Double.NEGATIVE_INFINITY;
    double worstRef = Double.NEGATIVE_INFINITY;
    int asserted = 0;
    String failure = null;
    for (LengthMeasurements.TestLength t : lengths) {
      int lp = t.promptLength();
      double cf = t.closedForm();
      double ref = t.refined();
      cfPoints.add(Sweep.Point.of(lp, cf));
      refPoints.add(Sweep.Point.of(lp, ref));
      linPoints.add(Sweep.Point.of(lp, t.linear()));
      String why = t.failure();
      if (why != null) {
        failure = failure == null ? "Monte Carlo at L' = " + lp + ": " + why : failure;
        mcPoints.add(Sweep.Point.of(lp, Double.NaN));
        continue;
      }
      double mean = t.mean();
      double se = t.standardError();
      mcPoints.add(new Sweep.Point(lp, mean, se));
      double m = expansionParameter(c, limit, lp);
      double next = m * varianceTerm(c, limit, lp);
      boolean inRegime = m <= expansionLimit && Double.isFinite(ref);
      double own = closedFormModelError(c, limit, lp);
      double zCf = (FastMath.abs(mean - cf) - own - next) / se;
      double zRef = (FastMath.abs(mean - ref) - next) / se;
      if (inRegime) {
        asserted++;
        worstCf = FastMath.max(worstCf, zCf);
        worstRef = FastMath.max(worstRef, zRef);
      }
      evidence.add(String.format(Locale.ROOT,
          "L'=%d: MC %.5f +- %.5f, closed form %.5f, refined %.5f, linear attention %.5g; m(L')=%.4f, next-order "
              + "estimate %.2e, closed form's own model error B %.2e; (MC-CF)/SE = %.2f, (MC-Ref)/SE = %.2f; %s",
          lp, mean, se, cf, ref, t.linear(), m, next, own, (mean - cf) / se, (mean - ref) / se,
          inRegime ? String.format(Locale.ROOT, "asserted: closed form %s (z = %.2f), refined %s (z = %.2f)",
              zCf <= SIGMAS ? "PASS" : "FAIL", zCf, zRef <= SIGMAS ? "PASS" : "FAIL", zRef)
              : "not asserted (expansion parameter above " + expansionLimit + ")"));
    }

    List<Verdict> verdicts = new ArrayList<>();
    if (failure != null) {
      verdicts.add(Verdicts.error(ID, SweepLabels.RUN, statement, SIGMAS, budget, failure, evidence));
      verdicts.add(Verdicts.error(REFINED_ID, SweepLabels.RUN, refinedStatement, SIGMAS, refinedBudget, failure,
          evidence));
      verdicts.add(Verdicts.error(CALIBRATION_ID, SweepLabels.RUN, calibrationStatement, 1.0, calibrationBudget,
          failure, evidence));
    } else {
      if (asserted == 0) {
        String why = "no test length in the refined expansion's regime (m(L') <= " + expansionLimit
            + "): nothing verified";
        verdicts.add(Verdicts.error(ID, SweepLabels.RUN, statement, SIGMAS, budget, why, evidence));
        verdicts.add(Verdicts.error(REFINED_ID, SweepLabels.RUN, refinedStatement, SIGMAS, refinedBudget, why,
            evidence));
      } else {
        verdicts.add(Verdicts.of(ID, SweepLabels.RUN, worstCf <= SIGMAS, statement, worstCf, SIGMAS, budget,
            evidence));
        verdicts.add(Verdicts.of(REFINED_ID, SweepLabels.RUN, worstRef <= SIGMAS, refinedStatement, worstRef, SIGMAS,
            refinedBudget, evidence));
      }
      verdicts.add(calibration(measured, calibrationStatement, calibrationBudget));
    }
    List<String> notes = new ArrayList<>(evidence);
    notes.add("training length L = " + trainL + "; linear attention's loss is smallest at L' = L + (d_i + 1)/2");
    Sweep plot = new Sweep("p7-length-generalisation",
        "P7: limit model trained at L = " + trainL + ", loss at prompt length L' (reduced model (reconstruction))",
        "test prompt length L'", "loss F", true, true,
        List.of(Sweep.Series.measured("softmax limit model, Monte Carlo of the true model (+- 1 SE)", mcPoints),
            Sweep.Series.theory("closed form (leading order)", cfPoints),
            Sweep.Series.theory("refined finite-L loss", refPoints),
            Sweep.Series.theory("linear attention, scale tuned at L (exact)", linPoints)),
        List.of(), String.join("\n", notes));
    return new Part(verdicts, plot);
  }

  private static Verdict calibration(LengthMeasurements measured, String statement, String budget) {
    ProblemConfig c = measured.config();
    List<LengthMeasurements.TestLength> lengths = measured.lengths();
    List<String> ev = new ArrayList<>();
    boolean holds = true;
    int last = lengths.size() - 1;
    LengthMeasurements.TestLength first = lengths.get(0);
    LengthMeasurements.TestLength end = lengths.get(last);
    for (int k = 0; k < last; k++) {
      LengthMeasurements.TestLength a = lengths.get(k);
      LengthMeasurements.TestLength b = lengths.get(k + 1);
      double allowed = SIGMAS * FastMath.hypot(a.standardError(), b.standardError());
      boolean mcOk = b.mean() <= a.mean() + allowed;
      boolean exactOk = b.closedForm() < a.closedForm() && !(b.refined() >= a.refined());
      holds &= mcOk && exactOk;
      if (!mcOk || !exactOk) {
        ev.add("softmax loss rises from L'=" + a.promptLength() + " to " + b.promptLength()
            + (mcOk ? "" : " (Monte Carlo, beyond 4 SE)") + (exactOk ? "" : " (closed form or refined)"));
      }
    }
    boolean overall = end.mean() < first.mean() - SIGMAS * FastMath.hypot(first.standardError(), end.standardError());
    holds &= overall;
    double atL = measured.linearAtTrainingLength();
    double low = first.linear();
    double high = end.linear();
    boolean worseAtEnds = (first.promptLength() >= c.promptLength() || low > atL) && high > atL;
    boolean aboveSoftmax = high > end.mean() + SIGMAS * end.standardError();
    holds &= worseAtEnds && aboveSoftmax;
    ev.add(String.format(Locale.ROOT, "softmax Monte Carlo: %.5f at L'=%d -> %.5f at L'=%d%s", first.mean(),
        first.promptLength(), end.mean(), end.promptLength(), overall ? "" : " [no significant overall fall]"));
    ev.add(String.format(Locale.ROOT, "linear attention (a tuned at L=%d): %.5g at L'=%d, %.5g at L'=L, %.5g at L'=%d%s%s",
        c.promptLength(), low, first.promptLength(), atL, high, end.promptLength(),
        worseAtEnds ? "" : " [not worse at both ends]", aboveSoftmax ? "" : " [not above softmax at L'_max]"));
    return Verdicts.of(CALIBRATION_ID, SweepLabels.RUN, holds, statement, high / end.mean(), 1.0, budget, ev);
  }
}
