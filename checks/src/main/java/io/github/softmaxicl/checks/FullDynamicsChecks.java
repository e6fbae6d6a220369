package io.github.softmaxicl.checks;

import io.github.softmaxicl.numerics.comparison.Comparison;
import io.github.softmaxicl.numerics.comparison.CriterionDrift;
import io.github.softmaxicl.numerics.full.FullRun;
import io.github.softmaxicl.numerics.full.SaddleEscape;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.numerics.full.PaperSgdProtocol;
import io.github.softmaxicl.numerics.full.RunAnalysis;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Claim P6 against the full model: the deterministic flow on a fixed symmetrised sample against the reduced flow
 * from the same start, and SGD with fresh prompts against the reduced flow from the paper init.
 */
public final class FullDynamicsChecks {
  private FullDynamicsChecks() {}

  /**
   * The reduction's model error of task i's half-signal time, relative: the time average over [0, t_half,i] of the
   * instantaneous relative errors of the rates along the reduced trajectory (MODEL.md §4), on task i's serving head
   * h: the large-L expansion's e^{Σ_j d_j (ω_j^h)²}/L and the moment term Σ_j d_j (ω_j^h)⁴ (the relative gap
   * between e^{dω²} and (1 − 2ω²)^{−d/2}). A relative rate error ε(t) shifts the time at which a growth is
   * reached by its time average (first order). The old budget charged both at their limit values e/L and
   * 1/min d_i over the whole run, though ω is small through the warm-up that takes most of t_half (there the
   * expansion term is ≈ 1/L and the moment term ≈ 0): for blocks of size 1 it charged 1 against deviations of
   * 0.1–0.4. The trapezoid runs over the samples up to the first at or after t_half (the integrand grows, so this
   * overestimates). Where a half-signal time is missing, the limit values e/L + 1/d_i are charged.
   *
   * @param red the reduced run the full run is compared with
   * @return per task, the relative model error of its half-signal time
   */
  static double[] halfSignalModelError(ReducedRun red) {
    ProblemConfig c = red.config();
    double[] half = red.markers().halfSignal();
    int[] alloc = red.allocation();
    double[] out = new double[c.tasks()];
    for (int i = 0; i < out.length; i++) {
      double th = half[i];
      out[i] = Math.E / c.promptLength() + 1.0 / c.blockSize(i);
      if (!(th > 0) || !Double.isFinite(th) || alloc.length != c.tasks()) {
        continue;
      }
      double integral = 0;
      double prevT = Double.NaN;
      double prevE = Double.NaN;
      for (TrajectorySample sample : red.trajectory()) {
        double e = rateError(c, sample.state(), alloc[i]);
        if (!Double.isNaN(prevT)) {
          integral += 0.5 * (e + prevE) * (sample.t() - prevT);
        }
        prevT = sample.t();
        prevE = e;
        if (sample.t() >= th) {
          break;
        }
      }
      if (!Double.isNaN(prevT) && prevT >= th) {
        out[i] = integral / prevT;
      }
    }
    return out;
  }

  /** Instantaneous relative rate error of head h: e^{Σ_j d_j ω_j²}/L + Σ_j d_j ω_j⁴ (MODEL.md §4). */
  static double rateError(ProblemConfig c, SpectralState s, int head) {
    double q = 0;
    double quartic = 0;
    for (int j = 0; j < c.tasks(); j++) {
      double w2 = s.omega(head, j) * s.omega(head, j);
      q += c.blockSize(j) * w2;
      quartic += c.blockSize(j) * w2 * w2;
    }
    return StrictMath.exp(q) / c.promptLength() + quartic;
  }

  /**
   * Largest |t_half,full,i / t_half,red,i − 1| / budget_i with budget_i = noise + model_i: the half-signal
   * deviation in units of its per-task budget (NaN if a time is missing).
   */
  static double halfSignalRatio(double[] full, double[] reduced, double noise, double[] model) {
    double worst = 0;
    for (int i = 0; i < model.length; i++) {
      double r = Math.abs(full[i] / reduced[i] - 1) / (noise + model[i]);
      if (Double.isNaN(r)) {
        return Double.NaN;
      }
      worst = Math.max(worst, r);
    }
    return worst;
  }

  static String budgets(double noise, double[] model) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < model.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(ReducedRunChecks.fmt("%.3g + %.3g", noise, model[i]));
    }
    return sb.append(']').toString();
  }

  /** P6-technique from a full-vs-reduced comparison. */
  public static Verdict technique(String runId, Comparison cmp) {
    List<String> ev = new ArrayList<>();
    FullRun full = cmp.full();
    double warmBudget = cmp.budget().warmupDeviation();
    double noise = 3 * (cmp.budget().sampling() + cmp.budget().tiltSampling());
    double[] model = halfSignalModelError(cmp.reduced());
    double dev = cmp.maxDeviation();
    double timeDev = cmp.maxHalfSignalTimeDeviation();
    double timeRatio = halfSignalRatio(cmp.fullHalfSignalTimes(), cmp.reducedHalfSignalTimes(), noise, model);
    ev.add(ReducedRunChecks.fmt("criterion omega(0) sqrt(L N) = %.3g (N = %d independent draws x %d sign-flip "
        + "images, init scale k = %.4g)", cmp.criterion(), cmp.draws(), full.prompts() / Math.max(1, cmp.draws()),
        cmp.initScale()));
    ev.add(ReducedRunChecks.fmt("warm-up window t <= %.4g: largest relative deviation omega %.3g, mu %.3g; budget "
        + "%.3g", cmp.windowEnd(), cmp.maxOmegaDeviation(), cmp.maxMuDeviation(), warmBudget));
    ev.add("allocation full " + ReducedRunChecks.oneBased(cmp.fullAllocation()) + ", reduced "
        + ReducedRunChecks.oneBased(cmp.reducedAllocation()));
    ev.add("half-signal times full " + Arrays.toString(cmp.fullHalfSignalTimes()) + ", reduced "
        + Arrays.toString(cmp.reducedHalfSignalTimes()) + ReducedRunChecks.fmt(": largest relative deviation %.3g; "
        + "per-task budget 3 (sampling + tilt) + time-averaged model error = ", timeDev) + budgets(noise, model)
        + ReducedRunChecks.fmt("; deviation / budget %.3g", timeRatio));
    ev.add(ReducedRunChecks.fmt("off-structure norm at t_end %.3g (symmetrised sample keeps the structure to "
        + "round-off)", full.offStructureNorm()));
    ev.add(ReducedRunChecks.fmt("loss of the final weights: in-sample %.5g, fresh prompts %.5g +- %.2g (overfitting "
        + "shows as a gap)", full.fFinal(), full.fFresh(), full.fFreshSe()));
    double measured = Math.max(dev / warmBudget, timeRatio);
    boolean holds = dev <= warmBudget && timeRatio <= 1 && cmp.sameAllocation()
        && full.offStructureNorm() < STRUCTURE_ROUND_OFF;
    return Verdicts.of(Claims.P6_TECHNIQUE, runId, holds, measured, Claims.P6_TECHNIQUE.tolerance(), ev);
  }

  /**
   * P6-ladder. Every comparison (rung × sample) within its budget and allocated alike; and the systematic
   * half-signal discrepancy of a rung, m = the mean over its samples and tasks of t_half,full / t_half,red − 1
   * (one sample's sampling error averages out of it, the model error does not), shrinks from rung to rung:
   * |m| below the previous rung's, or within 2 standard errors of 0 (its own noise floor; the standard error is
   * the spread of the per-sample task means over √samples). With a plot of m ± SE and the mean largest
   * deviations against the rung's L.
   *
   * @param rungs per rung, in ladder order, the comparisons on its independent samples
   */
  public static PlottedVerdict ladder(List<List<Comparison>> rungs) {
    List<String> ev = new ArrayList<>();
    List<Sweep.Point> systematic = new ArrayList<>();
    List<Sweep.Point> meanWarm = new ArrayList<>();
    List<Sweep.Point> meanHalf = new ArrayList<>();
    double worst = 0;
    boolean holds = rungs.size() >= 2;
    double prev = Double.NaN;
    for (List<Comparison> rung : rungs) {
      if (rung.size() < 2) {
        holds = false;
        ev.add("a rung needs at least two independent samples");
        continue;
      }
      ProblemConfig c = rung.get(0).config();
      double x = c.promptLength();
      int ok = 0;
      double sumWarm = 0;
      double sumHalf = 0;
      double sumBudget = 0;
      double[] taskMean = new double[rung.size()];
      double m = 0;
      for (int s = 0; s < rung.size(); s++) {
        Comparison cmp = rung.get(s);
        double dev = cmp.maxDeviation();
        double timeDev = cmp.maxHalfSignalTimeDeviation();
        double noise = 3 * (cmp.budget().sampling() + cmp.budget().tiltSampling());
        double[] model = halfSignalModelError(cmp.reduced());
        double timeRatio = halfSignalRatio(cmp.fullHalfSignalTimes(), cmp.reducedHalfSignalTimes(), noise, model);
        worst = Math.max(worst, Math.max(dev / cmp.budget().warmupDeviation(), timeRatio));
        sumBudget += noise + max(model);
        boolean within = dev <= cmp.budget().warmupDeviation() && timeRatio <= 1
            && cmp.sameAllocation() && cmp.full().offStructureNorm() < STRUCTURE_ROUND_OFF;
        ok += within ? 1 : 0;
        sumWarm += dev;
        sumHalf += timeDev;
        for (int i = 0; i < c.tasks(); i++) {
          taskMean[s] += (cmp.fullHalfSignalTimes()[i] / cmp.reducedHalfSignalTimes()[i] - 1) / c.tasks();
        }
        m += taskMean[s] / rung.size();
        if (!within) {
          ev.add(ReducedRunChecks.fmt("blocks %s, L = %d, sample seed %d: warm-up deviation %.3g (budget %.3g), "
              + "half-signal deviation %.3g (per-task budgets %s), allocation %s - outside the budget",
              Arrays.toString(c.blockSizes()), c.promptLength(), cmp.seed(), dev, cmp.budget().warmupDeviation(),
              timeDev, budgets(noise, model), cmp.sameAllocation() ? "same" : "DIFFERENT"));
        }
      }
      double var = 0;
      for (double t : taskMean) {
        var += (t - m) * (t - m);
      }
      double se = Math.sqrt(var / (rung.size() - 1) / rung.size());
      boolean shrinks = Double.isNaN(prev) || Math.abs(m) < Math.abs(prev) || Math.abs(m) <= 2 * se;
      holds &= ok == rung.size() && shrinks;
      Comparison first = rung.get(0);
      ev.add(ReducedRunChecks.fmt("blocks %s, L = %d (d_i/L = %.3g), N = %d, criterion %.3g, %d samples: systematic "
          + "half-signal discrepancy %+.4f +- %.2g (SE)%s; mean largest half-signal deviation %.3g (mean budget %.3g), "
          + "mean warm-up deviation %.3g (budget %.3g); %d of %d samples within the budget with the same allocation",
          Arrays.toString(c.blockSizes()), c.promptLength(), (double) c.blockSize(0) / c.promptLength(), first.draws(),
          first.criterion(), rung.size(), m, se, shrinks ? "" : " - NOT smaller than the previous rung's",
          sumHalf / rung.size(), sumBudget / rung.size(), sumWarm / rung.size(),
          first.budget().warmupDeviation(), ok, rung.size()));
      systematic.add(new Sweep.Point(x, m, se));
      meanWarm.add(Sweep.Point.of(x, sumWarm / rung.size()));
      meanHalf.add(Sweep.Point.of(x, sumHalf / rung.size()));
      prev = m;
    }
    if (rungs.size() < 2) {
      ev.add("a ladder needs at least two rungs");
    }
    Verdict v = Verdicts.of(Claims.P6_LADDER, "ladder", holds, worst, Claims.P6_LADDER.tolerance(), ev);
    Sweep plot = new Sweep("p6-ladder", "Full flow vs reduced flow along a ladder: blocks and L growing "
        + "together, L faster (reduced model (reconstruction))", "prompt length L of the rung (blocks b+b)",
        "relative deviation", true, false,
        List.of(Sweep.Series.measured("systematic half-signal discrepancy (mean over samples and tasks, +- SE)",
                systematic),
            Sweep.Series.measured("largest half-signal time deviation (mean over samples)", meanHalf),
            Sweep.Series.measured("largest omega/mu deviation over the warm-up (mean over samples)", meanWarm)),
        List.of(Sweep.ReferenceLine.horizontal("no discrepancy", 0.0)),
        String.join("\n", ev));
    return new PlottedVerdict(v, plot);
  }

  /**
   * P6-criterion: the drift of a run that violates MODEL.md §9's criterion against the frozen-term prediction,
   * with a plot of ln(μ_full/μ_red) against t beside the prediction and its spread.
   */
  public static PlottedVerdict criterionDrift(String runId, CriterionDrift.Result r) {
    ProblemConfig c = r.config();
    CriterionDrift.Sample last = r.last();
    List<String> ev = new ArrayList<>();
    ev.add(ReducedRunChecks.fmt("plain sample of N = %d prompts (seed %d), paper init: criterion omega(0) sqrt(L N) "
        + "= %.3g; off-structure norm at t = %.4g: %.3g (a plain sample leaves the decomposable set)", r.prompts(),
        r.seed(), r.criterion(), last.t(), r.full().offStructureNorm()));
    double worst = 0;
    boolean holds = true;
    List<Sweep.Series> series = new ArrayList<>();
    // Drawn after the measured series, in this order.
    List<Sweep.Series> curves = new ArrayList<>();
    for (int i = 0; i < c.tasks(); i++) {
      double spread = last.spread(i);
      // Meaningful only where the criterion is violated: the drift's spread is comparable to the useful growth.
      boolean violated = spread > 0.5 * Math.abs(r.usefulGrowth()[i]);
      holds &= violated;
      ev.add(ReducedRunChecks.fmt("task %d at t = %.4g: predicted drift %.4f, spread over samples %.4f, reduced "
          + "flow's own growth of ln mu %.4f%s", i + 1, last.t(), last.predicted(i), spread, r.usefulGrowth()[i],
          violated ? "" : " - the criterion is not violated here"));
      List<Sweep.Point> pred = new ArrayList<>();
      List<Sweep.Point> lo = new ArrayList<>();
      List<Sweep.Point> hi = new ArrayList<>();
      pred.add(Sweep.Point.of(0, 0));
      lo.add(Sweep.Point.of(0, 0));
      hi.add(Sweep.Point.of(0, 0));
      for (CriterionDrift.Sample s : r.samples()) {
        pred.add(Sweep.Point.of(s.t(), s.predicted(i)));
        lo.add(Sweep.Point.of(s.t(), s.predicted(i) - s.spread(i)));
        hi.add(Sweep.Point.of(s.t(), s.predicted(i) + s.spread(i)));
      }
      curves.add(Sweep.Series.theory("task " + (i + 1) + ": frozen-term prediction", pred));
      curves.add(Sweep.Series.theory("task " + (i + 1) + ": prediction - spread", lo));
      curves.add(Sweep.Series.theory("task " + (i + 1) + ": prediction + spread", hi));
      for (int h = 0; h < c.heads(); h++) {
        double measured = last.measured(h, i);
        // First order: the fitted linear coefficient over the first half of the run, in units of the spread's
        // own slope (spread / t).
        double[] half = r.fit(h, i, 0.5 * last.t());
        double[] whole = r.fit(h, i);
        double gap = Math.abs(half[0] - r.predictedSlope(i)) / (spread / last.t());
        worst = Math.max(worst, gap);
        ev.add(ReducedRunChecks.fmt("head %d, task %d: ln(mu_full/mu_red) at t_end %.4f against the first-order "
            + "prediction %.4f; fit a t + b t^2 over t <= %.3g: a = %.5f against the predicted slope %.5f, gap %.3g "
            + "spread/t; over the whole run a = %.5f, b t_end^2 = %.4f (second order)", h + 1, i + 1, measured,
            last.predicted(i), 0.5 * last.t(), half[0], r.predictedSlope(i), gap, whole[0],
            whole[1] * last.t() * last.t()));
        List<Sweep.Point> pts = new ArrayList<>();
        for (CriterionDrift.Sample s : r.samples()) {
          pts.add(Sweep.Point.of(s.t(), s.measured(h, i)));
        }
        series.add(Sweep.Series.measured("head " + (h + 1) + ", task " + (i + 1) + ": measured", pts));
      }
    }
    holds &= worst <= Claims.P6_CRITERION.tolerance() && Double.isFinite(worst);
    Verdict v = Verdicts.of(Claims.P6_CRITERION, runId, holds, worst, Claims.P6_CRITERION.tolerance(), ev);
    series.addAll(curves);
    Sweep plot = new Sweep("p6-criterion", "A fixed plain sample violating omega(0) sqrt(L N) >> 1: "
        + "drift of ln mu from the reduced flow (reduced model (reconstruction))", "gradient-flow time t",
        "ln(mu_full / mu_reduced)", false, false, series, List.of(), String.join("\n", ev));
    return new PlottedVerdict(v, plot);
  }

  /**
   * P6-saddle: curvature, local escape rate against the exact-weight probe, and g at the limit on a large sample
   * against the closed form, with a plot of |μ| of the pair against t beside the probe's prediction.
   */
  public static PlottedVerdict saddle(String runId, SaddleEscape.Result r) {
    List<String> ev = new ArrayList<>();
    double curv = Math.abs(r.curvature() + r.slope()) / r.curvatureBudget();
    ev.add(ReducedRunChecks.fmt("curvature of the sample loss along o = -v at the limit %.6g against -g = %.6g: gap "
        + "%.2g, budget %.2g (s^4 term and round-off)", r.curvature(), -r.slope(),
        Math.abs(r.curvature() + r.slope()), r.curvatureBudget()));
    double local = r.worstGapOverBudget();
    ev.add(ReducedRunChecks.fmt("%d recording intervals with 1e-5 mu* <= |mu| <= 1e-2 mu*: mean rate %.5f against "
        + "mean 2 g(t) %.5f probed on the exact weights; largest gap / budget %.3g (budget: (1 + e d_i/L) F_mumu |mu| / g "
        + "+ 1e-3)",
        r.intervals().size(), r.meanRate(), r.meanPredicted(), local));
    double closed = r.closedFormGapOverBudget();
    ev.add(ReducedRunChecks.fmt("g at the limit on %d x %d fresh plain prompts %.5f +- %.2g against the closed form "
        + "2 c_i mu_i* / (n L) = %.5f: gap / budget %.3g (4 SE + finite-L model error e d_i / L = %.3g relative)",
        SaddleEscape.SLOPE_BATCHES, SaddleEscape.SLOPE_PROMPTS, r.populationSlope(), r.populationSlopeSe(),
        r.closedFormSlope(), closed, r.modelError()));
    ev.add(ReducedRunChecks.fmt("the escape run's %d-draw sample has its own g at the limit, %.5f (sampling error "
        + "of g on a small sample), so its rate is compared with the probe on its own weights", r.draws(),
        r.slope()));
    FullRun run = r.run();
    if (Double.isNaN(run.escapeTime())) {
      ev.add(ReducedRunChecks.fmt("no escape past -1e-3 mu* by t = %.4g (this sample's g is small); final mu of the "
          + "pair %.4g", run.tEnd(), run.finalState().mu(r.head(), r.task())));
    } else {
      ev.add(ReducedRunChecks.fmt("escape (off-task mu < -1e-3 mu*) at t = %.4g; the run's own fit of the rate over "
          + "1e-3..1e-1 mu*: %.5f; final mu of the pair %.4g, loss %.5g in-sample against F* = %.5g: the flow leaves "
          + "the limit for lower loss (MODEL.md §9)", run.escapeTime(), run.saddleRateMeasured(),
          run.finalState().mu(r.head(), r.task()), run.fFinal(), run.fStar()));
    }
    boolean enough = r.intervals().size() >= 20;
    if (!enough) {
      ev.add("too few intervals in the linear regime to measure the rate");
    }
    double worst = Math.max(curv, Math.max(local, closed));
    boolean holds = enough && worst <= Claims.P6_SADDLE.tolerance() && Double.isFinite(worst);
    Verdict v = Verdicts.of(Claims.P6_SADDLE, runId, holds, worst, Claims.P6_SADDLE.tolerance(), ev);
    List<Sweep.Point> measured = new ArrayList<>();
    for (TrajectorySample p : run.trajectory()) {
      double mu = p.state().mu(r.head(), r.task());
      if (mu < 0) {
        measured.add(Sweep.Point.of(p.t(), -mu));
      }
    }
    // The probe's prediction: |μ| integrated with rate 2 g(t) from the first interval's start.
    List<Sweep.Point> predicted = new ArrayList<>();
    List<Sweep.Point> closedForm = new ArrayList<>();
    if (!r.intervals().isEmpty()) {
      SaddleEscape.Interval first = r.intervals().get(0);
      double mu0 = first.absMu() * StrictMath.exp(-first.rate() * (first.t1() - first.t0()));
      double logMu = StrictMath.log(mu0);
      predicted.add(Sweep.Point.of(first.t0(), mu0));
      for (SaddleEscape.Interval i : r.intervals()) {
        logMu += i.predicted() * (i.t1() - i.t0());
        predicted.add(Sweep.Point.of(i.t1(), StrictMath.exp(logMu)));
      }
      SaddleEscape.Interval lastI = r.intervals().get(r.intervals().size() - 1);
      closedForm.add(Sweep.Point.of(first.t0(), mu0));
      closedForm.add(Sweep.Point.of(lastI.t1(), mu0 * StrictMath.exp(2 * r.closedFormSlope()
          * (lastI.t1() - first.t0()))));
    }
    Sweep plot = new Sweep("p6-saddle", "Escape from the one-head-per-task limit along o = -v of an "
        + "off-task pair (reduced model (reconstruction))", "gradient-flow time t", "|mu| of the off-task pair "
        + "(mu < 0)", false, true,
        List.of(Sweep.Series.measured("full flow, head " + (r.head() + 1) + " on task " + (r.task() + 1), measured),
            Sweep.Series.theory("rate 2 g(t) probed on the exact weights", predicted),
            Sweep.Series.theory("closed-form rate 2 g of the reduced limit", closedForm)),
        List.of(), String.join("\n", ev));
    return new PlottedVerdict(v, plot);
  }

  /**
   * A full-model verdict with its plot (P6-ladder, P6-criterion, P6-saddle).
   *
   * @param verdict the verdict
   * @param plot the measurement against its prediction
   */
  public record PlottedVerdict(Verdict verdict, Sweep plot) {}

  /** A symmetrised sample keeps the off-structure part at round-off; far above that it has left the structure. */
  public static final double STRUCTURE_ROUND_OFF = 1e-8;

  /** P6-sgd from the SGD protocol's result. */
  public static Verdict sgd(String runId, PaperSgdProtocol.Result r) {
    FullRun run = r.sgd().run();
    ReducedRun reduced = r.reduced();
    ProblemConfig c = run.config();
    double[] sgdHalf = r.halfSignalTimes();
    double[] redHalf = reduced.markers().halfSignal();
    double worst = 0;
    double delta = 0;
    for (int i = 0; i < c.tasks(); i++) {
      worst = Math.max(worst, Math.abs(sgdHalf[i] - redHalf[i]) / redHalf[i]);
      delta = Math.max(delta, r.deltaAchieved()[i]);
    }
    double[] model = halfSignalModelError(reduced);
    double ratio = halfSignalRatio(sgdHalf, redHalf, 3 * delta, model);
    List<String> ev = new ArrayList<>();
    ev.add("half-signal times SGD " + Arrays.toString(sgdHalf) + ", reduced " + Arrays.toString(redHalf)
        + ReducedRunChecks.fmt(": largest relative deviation %.3g; per-task budget 3 delta + time-averaged model "
        + "error = ", worst) + budgets(3 * delta, model) + ReducedRunChecks.fmt("; deviation / budget %.3g", ratio));
    ev.add(ReducedRunChecks.fmt("SGD noise delta of log mu over the warm-up: %.3g with the control variate, %.3g "
        + "without (MODEL.md §9 formula with the measured per-prompt variance)", delta,
        max(r.deltaWithoutControlVariate())));
    ev.add(ReducedRunChecks.fmt("%d steps, %d prompts (the authors' protocol: %.3g prompts), batch %d",
        r.sgd().steps(), r.prompts(), (double) r.authorsPrompts(), run.batch()));
    ev.add(ReducedRunChecks.fmt("warm-up end SGD %.5g vs reduced %.5g; emergence end SGD %.5g vs reduced %.5g",
        run.markers().warmupEnd(), reduced.markers().warmupEnd(), run.markers().emergenceEnd(),
            reduced.markers().emergenceEnd()));
    ev.add(endState(run));
    boolean holds = ratio <= 1 && Double.isFinite(ratio);
    return Verdicts.of(Claims.P6_SGD, runId, holds, ratio, Claims.P6_SGD.tolerance(), ev);
  }

  /** What the final weights look like: one head per task, or off-task μ that went negative (debiasing). */
  static String endState(FullRun run) {
    SpectralState s = run.finalState();
    ProblemConfig c = run.config();
    StringBuilder neg = new StringBuilder();
    for (int h = 0; h < s.heads(); h++) {
      for (int i = 0; i < s.tasks(); i++) {
        if (RunAnalysis.belowEscapeLevel(s.mu(h, i), ClosedForms.muStar(c, i))) {
          neg.append(neg.length() == 0 ? "" : ", ").append(ReducedRunChecks.fmt("mu_%d^%d = %.3g", i + 1, h + 1,
              s.mu(h, i)));
        }
      }
    }
    return ReducedRunChecks.fmt("end state: loss %.5g in-sample, %.5g +- %.2g fresh (F* = %.5g); ", run.fFinal(),
        run.fFresh(), run.fFreshSe(), run.fStar())
        + (neg.length() == 0 ? "no off-task mu below -1e-3 mu*"
            : "negative off-task mu (left the sign-preserving manifold towards debiasing, MODEL.md §9): " + neg);
  }

  private static double max(double[] a) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : a) {
      m = Math.max(m, v);
    }
    return m;
  }
}
