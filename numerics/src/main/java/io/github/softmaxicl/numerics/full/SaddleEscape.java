package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.util.FastMath;

/**
 * The strict saddle of MODEL.md §9, measured on the full model (reduced model (reconstruction)). Start: the
 * closed-form one-head-per-task limit (head i serves task i) with one off-task pair (o, v) = (O^h entry (i, d+i),
 * V^h entry (d+i, d+i)) of head h ≠ i. Three measurements on a fixed symmetrised sample:
 * <ol>
 *   <li>the curvature of the sample loss along o = −v at the start, by a central second difference, against
 *       −g with g = ∂F/∂μ of the pair probed as ∂F/∂o at o = 0, v = 1 (U = O V, hence F, is unchanged there);</li>
 *   <li>the full flow from the start with o = −v = ε: the local growth rate of ln|μ| on each recording interval
 *       against 2 g(t) probed on the exact weights the flow reached ({@link WeightsObserver});</li>
 *   <li>g at the limit on a large plain sample ({@value #SLOPE_BATCHES} batches of {@value #SLOPE_PROMPTS}
 *       prompts, standard error from the batch means) against the closed form g_i = 2 c_i μ_i* / (n L) of the
 *       reduced limit. The escape run's small sample has its own g, off the population's by its sampling error
 *       (with 96 draws, a factor up to 2 either way), so the closed form is checked here, not on the rate.</li>
 * </ol>
 * Budgets. Curvature: along o = s/√2, v = −s/√2 the loss is F0 − g s²/2 + F_μμ s⁴/8 + …, so the second
 * difference with step ε is −g + F_μμ ε²/4; round-off 4·(prompts)·u·F0/ε². Local rate: with μ = o v &lt; 0 the
 * balanced pair obeys d ln|μ|/dt = 2 (g − F_μμ |μ|), so the rate falls short of 2g by F_μμ |μ|/g relative
 * (F_μμ of the reduced loss at the read-out state, {@link #muMuCurvature}, enlarged by the reduced loss's own
 * finite-L error e d_i / L), plus 1e-3 for the trapezoid mean of g over an interval and the
 * integrator. Closed form: 4 standard errors of the batch mean plus the finite-L model error of g,
 * e^{d_i ω*²} d_i / L = e d_i / L relative.
 */
public final class SaddleEscape {
  private SaddleEscape() {}

  /** Batches and prompts per batch of the large-sample probe of g at the limit. */
  public static final int SLOPE_BATCHES = 16;
  /** Plain prompts per batch. */
  public static final int SLOPE_PROMPTS = 2000;

  /** Linear regime of the rate measurement: 1e-5 μ* ≤ |μ| ≤ 1e-2 μ*. */
  public static final double LINEAR_LOW = 1e-5;
  /** Upper end of the linear regime, relative to μ*. */
  public static final double LINEAR_HIGH = 1e-2;

  /**
   * One recording interval inside the linear regime.
   *
   * @param t0 start
   * @param t1 end
   * @param absMu |μ| of the pair at t1 (the larger end)
   * @param rate measured ln(μ(t1)/μ(t0)) / (t1 − t0)
   * @param predicted 2 g averaged over the interval (trapezoid of the two end probes)
   * @param budget allowed |rate/predicted − 1|
   */
  public record Interval(double t0, double t1, double absMu, double rate, double predicted, double budget) {
    /** |rate/predicted − 1|. */
    public double gap() {
      return FastMath.abs(rate / predicted - 1);
    }
  }

  /**
   * The measurements.
   *
   * @param config the problem
   * @param head h of the off-task pair
   * @param task i of the off-task pair
   * @param seed the sample's seed
   * @param draws independent draws of the symmetrised sample
   * @param curvature second difference of the sample loss along o = −v at the start
   * @param slope g probed at the start
   * @param curvatureBudget allowed |curvature + g|
   * @param populationSlope g at the limit, mean over the large sample's batches
   * @param populationSlopeSe its standard error
   * @param closedFormSlope g_i of the reduced limit
   * @param modelError relative finite-L error of the closed form
   * @param intervals the linear-regime intervals, in time order
   * @param run the full flow (its trajectory holds μ of the pair at every recorded sample)
   */
  public record Result(ProblemConfig config, int head, int task, long seed, int draws, double curvature,
      double slope, double curvatureBudget, double populationSlope, double populationSlopeSe,
      double closedFormSlope, double modelError, List<Interval> intervals, FullRun run) {
    /** Defensive copy. */
    public Result {
      intervals = List.copyOf(intervals);
    }

    /** Mean measured rate over the linear-regime intervals (NaN if none). */
    public double meanRate() {
      double s = 0;
      for (Interval i : intervals) {
        s += i.rate();
      }
      return s / intervals.size();
    }

    /** Mean of 2 g(t) over the same intervals. */
    public double meanPredicted() {
      double s = 0;
      for (Interval i : intervals) {
        s += i.predicted();
      }
      return s / intervals.size();
    }

    /** |g_population − g_closed form| / (4 SE + model error · g). */
    public double closedFormGapOverBudget() {
      return FastMath.abs(populationSlope - closedFormSlope)
          / (4 * populationSlopeSe + modelError * closedFormSlope);
    }

    /** Largest gap/budget over the intervals (NaN if none). */
    public double worstGapOverBudget() {
      double w = intervals.isEmpty() ? Double.NaN : 0;
      for (Interval i : intervals) {
        w = FastMath.max(w, i.gap() / i.budget());
      }
      return w;
    }
  }

  /** Flat index of O^h entry (i, d+i). */
  static int oIndex(ProblemConfig c, int head, int task) {
    return AttentionWeights.flatOffset(c, head, 3) + task * c.tokenDim() + c.d() + task;
  }

  /** Flat index of V^h entry (d+i, d+i). */
  static int vIndex(ProblemConfig c, int head, int task) {
    int dd = c.tokenDim();
    return AttentionWeights.flatOffset(c, head, 2) + (c.d() + task) * dd + c.d() + task;
  }

  /**
   * Runs the three measurements.
   *
   * @param c the problem (H ≥ n; head i serves task i)
   * @param head the off-task pair's head (≠ task, &lt; H)
   * @param task the off-task pair's task
   * @param seed seed of the symmetrised sample
   * @param draws its independent draws
   * @param tEnd end of the flow
   * @param threads worker threads of the full model (results do not depend on it)
   * @throws FullModelFailure if the flow fails
   */
  public static Result run(ProblemConfig c, int head, int task, long seed, int draws, double tEnd, int threads) {
    return run(c, head, task, seed, draws, tEnd, threads, Progress.NONE);
  }

  /** As {@link #run(ProblemConfig, int, int, long, int, double, int)}, reporting the flow's progress. */
  public static Result run(ProblemConfig c, int head, int task, long seed, int draws, double tEnd, int threads,
      Progress progress) {
    if (c.heads() < c.tasks() || head == task || head < 0 || head >= c.heads() || task < 0 || task >= c.tasks()) {
      throw new IllegalArgumentException("need H >= n and an off-task pair (head != task)");
    }
    LimitPoint lp = LimitPoint.of(c);
    int[] headOf = new int[c.tasks()];
    for (int i = 0; i < headOf.length; i++) {
      headOf[i] = i;
    }
    PromptSampler sampler = PromptSampler.of(c, seed, draws, true);
    PromptSource sample = StoredPrompts.copyOf(sampler);
    int oi = oIndex(c, head, task);
    int vi = vIndex(c, head, task);
    double[] limit = AttentionWeights.decomposable(c, lp.state(headOf, 0.0)).toFlat();
    double fMuMu = muMuCurvature(c, lp.state(headOf, 0.0), head, task);
    double modelError = Math.E * c.blockSize(task) / c.promptLength();
    try (FullModel m = new FullModel(c, threads)) {
      double g0 = probe(m, c, sample, limit, oi, vi);
      double h = 1e-3;
      double f0 = m.loss(AttentionWeights.fromFlat(c, limit), sample);
      double curvature = curvatureAlongPair(m, c, sample, limit, oi, vi, h);
      double curvatureBudget = fMuMu * h * h / 4 + 4 * sample.size() * 0x1.0p-53 * FastMath.abs(f0) / (h * h);
      double[] slope = slopeOnFreshBatches(m, c, limit, oi, vi, seed ^ 0x5ADD1EL);

      double eps = FastMath.sqrt(0.1 * LINEAR_LOW * lp.muStar(task));
      double[] start = limit.clone();
      start[oi] = eps;
      start[vi] = -eps;
      List<double[]> probes = new ArrayList<>();
      FullGradientFlow.Options o = new FullGradientFlow.Options().tEnd(tEnd).tolerances(1e-9, 1e-14)
          .recordSpacing(tEnd / 80).fresh(2000, seed + 1).start(1, 0, seed).limit(lp).progress(progress)
          .observer((t, w) -> probes.add(new double[] {t, probe(m, c, sample, w.toFlat(), oi, vi)}));
      FullRun run = FullGradientFlow.run(m, sample, true, sampler.draws(), AttentionWeights.fromFlat(c, start), o);
      List<TrajectorySample> tr = run.trajectory();
      List<Interval> intervals = new ArrayList<>();
      double muStar = lp.muStar(task);
      for (int s = 1; s < tr.size(); s++) {
        double a = -tr.get(s - 1).state().mu(head, task);
        double b = -tr.get(s).state().mu(head, task);
        if (!inLinearRegime(a, b, muStar)) {
          continue;
        }
        double rate = FastMath.log(b / a) / (tr.get(s).t() - tr.get(s - 1).t());
        double predicted = probes.get(s - 1)[1] + probes.get(s)[1];
        double budget = (1 + modelError) * muMuCurvature(c, tr.get(s).state(), head, task) * b / (0.5 * predicted)
            + 1e-3;
        intervals.add(new Interval(tr.get(s - 1).t(), tr.get(s).t(), b, rate, predicted, budget));
      }
      return new Result(c, head, task, seed, sampler.draws(), curvature, g0, curvatureBudget, slope[0], slope[1],
          lp.saddleCoefficient(task), modelError, intervals, run);
    }
  }

  /**
   * F_μμ = (2/n)(s² d_i (ω_i^h)² + (c_i/L) E_hh), E_hh = exp(Σ_j d_j (ω_j^h)²), of the reduced loss (§4) for the
   * pair (h, i) at the read-out state: the pair's head serves another task, and on a small sample it keeps
   * sharpening, so E_hh is taken where the flow is rather than at the limit's e.
   */
  static double muMuCurvature(ProblemConfig c, io.github.softmaxicl.theory.SpectralState s, int head, int task) {
    double sharp = 0;
    for (int j = 0; j < c.tasks(); j++) {
      sharp += c.blockSize(j) * s.omega(head, j) * s.omega(head, j);
    }
    double w = s.omega(head, task);
    return 2.0 / c.tasks() * (c.s2() * c.blockSize(task) * w * w
        + c.signalPlusNoise(task) / c.promptLength() * FastMath.exp(sharp));
  }

  /**
   * Central second difference of the loss on {@code sample} along o = s/√2, v = −s/√2 of the pair (flat indices
   * oi, vi) at {@code weights}, step h (−g + F_μμ h²/4 where the pair is 0; see the class comment).
   */
  static double curvatureAlongPair(FullModel m, ProblemConfig c, PromptSource sample, double[] weights, int oi,
      int vi, double h) {
    double[] up = weights.clone();
    up[oi] += h / FastMath.sqrt(2);
    up[vi] -= h / FastMath.sqrt(2);
    double[] down = weights.clone();
    down[oi] -= h / FastMath.sqrt(2);
    down[vi] += h / FastMath.sqrt(2);
    double f0 = m.loss(AttentionWeights.fromFlat(c, weights), sample);
    return (m.loss(AttentionWeights.fromFlat(c, up), sample) - 2 * f0
        + m.loss(AttentionWeights.fromFlat(c, down), sample)) / (h * h);
  }

  /**
   * g of the pair at {@code weights} on {@value #SLOPE_BATCHES} batches of {@value #SLOPE_PROMPTS} fresh plain
   * prompts (batch b seeded {@code Seeds.derive(seed, b)}).
   *
   * @return {mean over the batches, its standard error}
   */
  static double[] slopeOnFreshBatches(FullModel m, ProblemConfig c, double[] weights, int oi, int vi, long seed) {
    double[] batch = new double[SLOPE_BATCHES];
    double mean = 0;
    for (int b = 0; b < SLOPE_BATCHES; b++) {
      batch[b] = probe(m, c, PromptSampler.of(c, Seeds.derive(seed, b), SLOPE_PROMPTS, false), weights, oi, vi);
      mean += batch[b] / SLOPE_BATCHES;
    }
    double var = 0;
    for (double v : batch) {
      var += (v - mean) * (v - mean);
    }
    return new double[] {mean, FastMath.sqrt(var / (SLOPE_BATCHES - 1) / SLOPE_BATCHES)};
  }

  /** g = ∂F/∂μ of the pair on the given weights: ∂F/∂o with o = 0, v = 1, everything else as it is. */
  static double probe(FullModel m, ProblemConfig c, PromptSource sample, double[] weights, int oi, int vi) {
    double[] p = weights.clone();
    p[oi] = 0.0;
    p[vi] = 1.0;
    return m.lossAndGradient(AttentionWeights.fromFlat(c, p), sample).gradient(oi);
  }

  /**
   * True if a record interval from |μ| = a to |μ| = b lies in the linear regime [LINEAR_LOW μ*, LINEAR_HIGH μ*], ends
   * included. A method of its own so that a test can put an end exactly on a bound, which a flow's step ends do not.
   */
  static boolean inLinearRegime(double a, double b, double muStar) {
    return !(a < LINEAR_LOW * muStar || b > LINEAR_HIGH * muStar);
  }
}
