package io.github.softmaxicl.numerics.comparison;

import io.github.softmaxicl.numerics.full.AttentionWeights;
import io.github.softmaxicl.numerics.full.FullGradientFlow;
import io.github.softmaxicl.numerics.full.FullModel;
import io.github.softmaxicl.numerics.full.FullRun;
import io.github.softmaxicl.numerics.full.PromptSampler;
import io.github.softmaxicl.numerics.full.Progress;
import io.github.softmaxicl.numerics.full.PromptSource;
import io.github.softmaxicl.numerics.full.StoredPrompts;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.util.FastMath;

/**
 * A run that violates MODEL.md §9's criterion ω(0)√(L N) ≫ 1 on purpose: the full flow on a plain (not
 * symmetrised) fixed sample from the paper init, against the reduced flow from the same start. Its log μ departs
 * from the reduced flow by the sample's frozen term ({@link SamplingDrift}); this measures the departure along
 * the run beside the prediction and its spread over samples (reduced model (reconstruction)).
 */
public final class CriterionDrift {
  private CriterionDrift() {}

  /**
   * One recorded time.
   *
   * @param t flow time
   * @param measured per head and task, ln(μ_full / μ_reduced)
   * @param predicted per task, the frozen-term prediction (the same for every head)
   * @param spread per task, one standard deviation of the prediction over samples
   */
  public record Sample(double t, double[][] measured, double[] predicted, double[] spread) {
    /** Defensive copies. */
    public Sample {
      measured = copy(measured);
      predicted = predicted.clone();
      spread = spread.clone();
    }

    /** ln(μ_full/μ_red) of head h on task i. */
    public double measured(int h, int i) {
      return measured[h][i];
    }

    /** Predicted drift on task i. */
    public double predicted(int i) {
      return predicted[i];
    }

    /** Spread of the prediction on task i. */
    public double spread(int i) {
      return spread[i];
    }
  }

  /**
   * The measurement.
   *
   * @param config the problem
   * @param seed the sample's seed
   * @param prompts N, independent plain draws
   * @param criterion ω(0)√(L N) of the paper init
   * @param samples the recorded times, t = 0 excluded
   * @param usefulGrowth per task, ln(μ_red(t_end)/μ_red(0)) of head 0: the growth the drift competes with
   * @param full the full run
   */
  public record Result(ProblemConfig config, long seed, int prompts, double criterion, List<Sample> samples,
      double[] usefulGrowth, FullRun full) {
    /** Defensive copies. */
    public Result {
      samples = List.copyOf(samples);
      usefulGrowth = usefulGrowth.clone();
    }

    /** The last recorded sample. */
    public Sample last() {
      return samples.get(samples.size() - 1);
    }

    /**
     * Least-squares fit ln(μ_full/μ_red) ≈ a t + b t² of head h on task i over the samples (no intercept: both
     * flows start at the same point). The frozen term predicts a; b collects the second order in the sampling
     * noise (the plain sample also drives the off-structure entries, which feed back on μ).
     *
     * @return {a, b}
     */
    public double[] fit(int h, int i) {
      return fit(h, i, Double.POSITIVE_INFINITY);
    }

    /**
     * The same fit over the samples with t ≤ {@code tMax} only: the third and higher orders leak into the fitted
     * a in proportion to the window squared (the least-squares projection of t³ on {t, t²} over [0, T] is
     * −0.4 T² t + …), so a shorter window pins a down better.
     */
    public double[] fit(int h, int i, double tMax) {
      double s2 = 0;
      double s3 = 0;
      double s4 = 0;
      double y1 = 0;
      double y2 = 0;
      for (Sample s : samples) {
        double t = s.t();
        if (t > tMax) {
          continue;
        }
        double y = s.measured(h, i);
        s2 += t * t;
        s3 += t * t * t;
        s4 += t * t * t * t;
        y1 += y * t;
        y2 += y * t * t;
      }
      double det = s2 * s4 - s3 * s3;
      return new double[] {(y1 * s4 - y2 * s3) / det, (s2 * y2 - s3 * y1) / det};
    }

    /** The predicted linear coefficient (4/n)[ξ̂_i − (Σ_h μ_i^h(0))(m̂_i − c_i/L)] of task i. */
    public double predictedSlope(int i) {
      Sample l = last();
      return l.predicted(i) / l.t();
    }
  }

  /**
   * Runs both flows to {@code tEnd} from the paper init and records the drift once per unit of time.
   *
   * @param c the problem (H ≥ n)
   * @param seed seed of the plain sample
   * @param prompts N plain draws (no sign-flip images)
   * @param tEnd end time, short enough that attention stays nearly uniform (the prediction's premise)
   * @param threads worker threads of the full model (results do not depend on it)
   * @throws io.github.softmaxicl.numerics.FullModelFailure if the full flow fails
   * @throws io.github.softmaxicl.numerics.ReducedFlowFailure if the reduced flow fails
   */
  public static Result measure(ProblemConfig c, long seed, int prompts, double tEnd, int threads) {
    return measure(c, seed, prompts, tEnd, threads, Progress.NONE);
  }

  /** As {@link #measure(ProblemConfig, long, int, double, int)}, reporting the full flow's progress. */
  public static Result measure(ProblemConfig c, long seed, int prompts, double tEnd, int threads,
      Progress progress) {
    PromptSource sample = StoredPrompts.copyOf(PromptSampler.of(c, seed, prompts, false));
    SamplingDrift drift = SamplingDrift.of(sample, prompts);
    SpectralState init = Initialisations.paper(c);
    ReducedRun reduced = ReducedFlowRunner.run(c, init, tEnd, ReducedFlowOptions.defaults().withSampling(400, 400));
    FullRun full;
    try (FullModel m = new FullModel(c, threads)) {
      // Tolerances far below the drift (≥ 1e-3 over the run): the integrator adds nothing visible.
      full = FullGradientFlow.run(m, sample, false, prompts, AttentionWeights.paperInit(c, 1),
          new FullGradientFlow.Options().tEnd(tEnd).tolerances(1e-8, 1e-12).recordSpacing(1).fresh(2000, seed + 1)
              .start(1, 0, seed).progress(progress));
    }
    int heads = c.heads();
    int n = c.tasks();
    double[] sumMu0 = new double[n];
    for (int i = 0; i < n; i++) {
      for (int h = 0; h < heads; h++) {
        sumMu0[i] += init.mu(h, i);
      }
    }
    List<Sample> samples = new ArrayList<>();
    for (TrajectorySample p : full.trajectory()) {
      if (p.t() <= 0) {
        continue;
      }
      SpectralState red = FullVsReduced.interpolate(reduced.trajectory(), p.t());
      double[][] measured = new double[heads][n];
      double[] predicted = new double[n];
      double[] spread = new double[n];
      for (int i = 0; i < n; i++) {
        predicted[i] = drift.predictedLogMuDrift(c, i, sumMu0[i], p.t());
        spread[i] = drift.driftSpread(c, i, p.t());
        for (int h = 0; h < heads; h++) {
          measured[h][i] = FastMath.log(p.state().mu(h, i) / red.mu(h, i));
        }
      }
      samples.add(new Sample(p.t(), measured, predicted, spread));
    }
    double[] useful = new double[n];
    SpectralState end = FullVsReduced.interpolate(reduced.trajectory(), full.tEnd());
    for (int i = 0; i < n; i++) {
      useful[i] = FastMath.log(end.mu(0, i) / init.mu(0, i));
    }
    double criterion = FastMath.abs(init.omega(0, 0)) * FastMath.sqrt((double) c.promptLength() * prompts);
    return new Result(c, seed, prompts, criterion, samples, useful, full);
  }

  private static double[][] copy(double[][] a) {
    double[][] b = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i].clone();
    }
    return b;
  }
}
