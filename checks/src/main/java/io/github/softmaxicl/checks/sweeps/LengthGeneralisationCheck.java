package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.checks.Verdicts;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.numerics.full.AttentionWeights;
import io.github.softmaxicl.numerics.full.FullModel;
import io.github.softmaxicl.numerics.full.MonteCarloLoss;
import io.github.softmaxicl.numerics.FullModelFailure;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.RefinedLoss;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.util.FastMath;

/**
 * P7 length generalisation (reduced model (reconstruction)): the one-head-per-task limit trained at L is tested
 * at a ladder of prompt lengths L'. Compared at each L': the closed form of MODEL.md §6, the refined loss at L',
 * and Monte Carlo of the true model (decomposable weights of the limit, fresh prompts of length L').
 *
 * <p>Error budget. (i) Monte Carlo: 4 standard errors. (ii) The closed form is the leading-order loss at L'; its
 * first-order model error (the O(d ω⁴) moment error, e^{dω²} in place of (1 − 2ω²)^{−d/2} — at the limit dω² = 1,
 * so ≈ 7 % of the variance term for d_i = 16 at every L' — and the O(1/L') bias terms) is computable: it is
 * refined − closed form, and it does not vanish relative to the variance term as L' grows. (iii) The refined loss
 * neglects the next order of the 1/L' expansion, whose relative size is governed by the heavier exponential
 * moments of the scores: we estimate it as m(L') · V(L'), with m(L') = max_h M₃(h) / (M₁(h) L'),
 * M_k(h) = Π_j (1 − 2k (ω_j^h)²)^{−d_j/2}, and V(L') the refined variance term. This is an order-of-magnitude
 * estimate, not a bound, so comparisons are asserted only where m(L') ≤ the settings' expansion limit (default
 * 0.02: L' ≳ 740 for {@code paper}); elsewhere they are reported, not asserted. If M₃ does not exist
 * (6 ω² ≥ 1, e.g. d_i ≤ 6 at the limit) nothing is asserted.
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

  /** Test lengths round(factor · L), distinct, increasing, ≥ 2. */
  static List<Integer> testLengths(SweepSettings s) {
    List<Integer> out = new ArrayList<>();
    int l = s.lengthConfig().promptLength();
    List<Double> factors = new ArrayList<>(s.lengthFactors());
    java.util.Collections.sort(factors);
    for (double f : factors) {
      int lp = (int) FastMath.max(2, FastMath.round(f * l));
      if (out.isEmpty() || lp > out.get(out.size() - 1)) {
        out.add(lp);
      }
    }
    return out;
  }

  static Part run(SweepSettings s, int threads) {
    ProblemConfig c = s.lengthConfig();
    int trainL = c.promptLength();
    SpectralState limit = ClosedForms.limit(c);
    String setup = " Limit model of " + c + " (trained at L = " + trainL + "), tested at L' with Monte Carlo of the "
        + "true model on " + s.lengthPrompts() + " fresh prompts per L'.";
    String statement = Claims.P7_LENGTH.statement() + setup + " Asserted where the refined expansion holds "
        + "(m(L') <= " + s.expansionLimit() + "): |MC - closed form| <= 4 SE + |refined - closed form| + m V.";
    String budget = "4 Monte Carlo SE + the closed form's computable first-order model error (refined - closed form: "
        + "O(d omega^4) moment error, which does not vanish relative to the variance term, and O(1/L') bias terms) + "
        + "m(L') V(L'), an order-of-magnitude estimate of the refined loss's neglected next order "
        + "(m = M3/(M1 L'), M_k = prod_j (1 - 2k omega_j^2)^(-d_j/2)); measured = max over asserted L' of "
        + "(|MC - CF| - |Ref - CF| - m V) / SE";
    String refinedStatement = "The refined finite-L loss of the limit model at L' agrees with Monte Carlo of the "
        + "true model where its expansion holds (m(L') <= " + s.expansionLimit() + ")." + setup;
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

    List<Integer> lengths = testLengths(s);
    List<SweepResult.Point> mcPoints = new ArrayList<>();
    List<SweepResult.Point> cfPoints = new ArrayList<>();
    List<SweepResult.Point> refPoints = new ArrayList<>();
    List<SweepResult.Point> linPoints = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    double worstCf = Double.NEGATIVE_INFINITY;
    double worstRef = Double.NEGATIVE_INFINITY;
    int asserted = 0;
    String failure = null;
    double[] mc = new double[lengths.size()];
    double[] se = new double[lengths.size()];
    double[] cfs = new double[lengths.size()];
    double[] refs = new double[lengths.size()];
    for (int k = 0; k < lengths.size(); k++) {
      int lp = lengths.get(k);
      ProblemConfig cp = c.withPromptLength(lp);
      double cf = ClosedForms.lengthGeneralisationLoss(c, lp);
      RefinedLoss refined = new RefinedLoss(cp);
      double ref = refined.inDomain(limit) ? refined.value(limit) : Double.NaN;
      double lin = LinearAttentionBaseline.loss(c, lp);
      cfs[k] = cf;
      refs[k] = ref;
      cfPoints.add(SweepResult.Point.of(lp, cf));
      refPoints.add(SweepResult.Point.of(lp, ref));
      linPoints.add(SweepResult.Point.of(lp, lin));
      MonteCarloLoss est;
      try (FullModel model = new FullModel(cp, threads)) {
        est = MonteCarloLoss.estimate(model, AttentionWeights.decomposable(cp, limit), s.seed() + 1_000_003L * lp,
            s.lengthPrompts());
      } catch (FullModelFailure | IllegalArgumentException e) {
        failure = failure == null ? "Monte Carlo at L' = " + lp + ": " + e.getMessage() : failure;
        mc[k] = Double.NaN;
        se[k] = Double.NaN;
        mcPoints.add(SweepResult.Point.of(lp, Double.NaN));
        continue;
      }
      mc[k] = est.mean();
      se[k] = est.standardError();
      mcPoints.add(new SweepResult.Point(lp, est.mean(), est.standardError()));
      double m = expansionParameter(c, limit, lp);
      double next = m * varianceTerm(c, limit, lp);
      boolean inRegime = m <= s.expansionLimit() && Double.isFinite(ref);
      double zCf = (FastMath.abs(est.mean() - cf) - FastMath.abs(ref - cf) - next) / est.standardError();
      double zRef = (FastMath.abs(est.mean() - ref) - next) / est.standardError();
      if (inRegime) {
        asserted++;
        worstCf = FastMath.max(worstCf, zCf);
        worstRef = FastMath.max(worstRef, zRef);
      }
      evidence.add(String.format(Locale.ROOT,
          "L'=%d: MC %.5f +- %.5f, closed form %.5f, refined %.5f, linear attention %.5g; m(L')=%.4f, next-order "
              + "estimate %.2e; (MC-CF)/SE = %.2f, (MC-Ref)/SE = %.2f; %s",
          lp, est.mean(), est.standardError(), cf, ref, lin, m, next, (est.mean() - cf) / est.standardError(),
          (est.mean() - ref) / est.standardError(),
          inRegime ? String.format(Locale.ROOT, "asserted: closed form %s (z = %.2f), refined %s (z = %.2f)",
              zCf <= SIGMAS ? "PASS" : "FAIL", zCf, zRef <= SIGMAS ? "PASS" : "FAIL", zRef)
              : "not asserted (expansion parameter above " + s.expansionLimit() + ")"));
    }

    List<Verdict> verdicts = new ArrayList<>();
    if (failure != null) {
      verdicts.add(Verdicts.error(ID, SweepGrid.RUN, statement, SIGMAS, budget, failure, evidence));
      verdicts.add(Verdicts.error(REFINED_ID, SweepGrid.RUN, refinedStatement, SIGMAS, refinedBudget, failure, evidence));
      verdicts.add(Verdicts.error(CALIBRATION_ID, SweepGrid.RUN, calibrationStatement, 1.0, calibrationBudget, failure, evidence));
    } else {
      if (asserted == 0) {
        String why = "no test length in the refined expansion's regime (m(L') <= " + s.expansionLimit()
            + "): nothing verified";
        verdicts.add(Verdicts.error(ID, SweepGrid.RUN, statement, SIGMAS, budget, why, evidence));
        verdicts.add(Verdicts.error(REFINED_ID, SweepGrid.RUN, refinedStatement, SIGMAS, refinedBudget, why, evidence));
      } else {
        verdicts.add(Verdicts.of(ID, SweepGrid.RUN, worstCf <= SIGMAS, statement, worstCf, SIGMAS, budget, evidence));
        verdicts.add(Verdicts.of(REFINED_ID, SweepGrid.RUN, worstRef <= SIGMAS, refinedStatement, worstRef, SIGMAS,
            refinedBudget, evidence));
      }
      verdicts.add(calibration(c, lengths, mc, se, cfs, refs, calibrationStatement, calibrationBudget));
    }
    List<String> notes = new ArrayList<>(evidence);
    notes.add("training length L = " + trainL + "; linear attention's loss is smallest at L' = L + (d_i + 1)/2");
    SweepResult plot = new SweepResult("p7-length-generalisation",
        "P7: limit model trained at L = " + trainL + ", loss at prompt length L' (reduced model (reconstruction))",
        "test prompt length L'", "loss F", true, true,
        List.of(new SweepResult.Series("softmax limit model, Monte Carlo of the true model (+- 1 SE)", mcPoints)),
        List.of(SweepResult.ReferenceLine.curve("closed form (leading order)", cfPoints),
            SweepResult.ReferenceLine.curve("refined finite-L loss", refPoints),
            SweepResult.ReferenceLine.curve("linear attention, scale tuned at L (exact)", linPoints)),
        notes);
    return new Part(verdicts, List.of(plot));
  }

  private static Verdict calibration(ProblemConfig c, List<Integer> lengths, double[] mc, double[] se, double[] cf,
      double[] ref, String statement, String budget) {
    List<String> ev = new ArrayList<>();
    boolean holds = true;
    int last = lengths.size() - 1;
    for (int k = 0; k < last; k++) {
      double allowed = SIGMAS * FastMath.hypot(se[k], se[k + 1]);
      boolean mcOk = mc[k + 1] <= mc[k] + allowed;
      boolean exactOk = cf[k + 1] < cf[k] && !(ref[k + 1] >= ref[k]);
      holds &= mcOk && exactOk;
      if (!mcOk || !exactOk) {
        ev.add("softmax loss rises from L'=" + lengths.get(k) + " to " + lengths.get(k + 1)
            + (mcOk ? "" : " (Monte Carlo, beyond 4 SE)") + (exactOk ? "" : " (closed form or refined)"));
      }
    }
    boolean overall = mc[last] < mc[0] - SIGMAS * FastMath.hypot(se[0], se[last]);
    holds &= overall;
    double atL = LinearAttentionBaseline.loss(c, c.promptLength());
    double low = LinearAttentionBaseline.loss(c, lengths.get(0));
    double high = LinearAttentionBaseline.loss(c, lengths.get(last));
    boolean worseAtEnds = (lengths.get(0) >= c.promptLength() || low > atL) && high > atL;
    boolean aboveSoftmax = high > mc[last] + SIGMAS * se[last];
    holds &= worseAtEnds && aboveSoftmax;
    ev.add(String.format(Locale.ROOT, "softmax Monte Carlo: %.5f at L'=%d -> %.5f at L'=%d%s", mc[0], lengths.get(0),
        mc[last], lengths.get(last), overall ? "" : " [no significant overall fall]"));
    ev.add(String.format(Locale.ROOT, "linear attention (a tuned at L=%d): %.5g at L'=%d, %.5g at L'=L, %.5g at L'=%d%s%s",
        c.promptLength(), low, lengths.get(0), atL, high, lengths.get(last),
        worseAtEnds ? "" : " [not worse at both ends]", aboveSoftmax ? "" : " [not above softmax at L'_max]"));
    return Verdicts.of(CALIBRATION_ID, SweepGrid.RUN, holds, statement, high / mc[last], 1.0, budget, ev);
  }
}
