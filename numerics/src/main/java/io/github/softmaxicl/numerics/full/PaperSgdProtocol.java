package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import org.hipparchus.util.FastMath;

/**
 * SGD at the paper init through emergence with variance reduction (MODEL.md §9; reduced model
 * (reconstruction)): fresh prompts each step, the uniform-attention {@link ControlVariate}, and the
 * {@link AdaptiveStep} rule (η large in the slow warm-up, small in the emergence, t = Σ η recorded), stopping at
 * the §7 emergence level or 3 % of the time after the last half-signal time, whichever comes first (the
 * emergence level uses the reduced F*, which the full model at finite L may not reach). The authors used η = 10⁻³, B = 10⁴, 10⁶ steps (10¹⁰ prompts) for {@code paper}.
 *
 * <p>Noise achieved. Per-prompt spread σ_i of ∂ℓ/∂μ_i^h is measured at the start (with and without the control
 * variate, {@link GradientNoise}); the §9 random walk of log μ then has spread δ_i = 2 σ_i √(Σ η_k²/B) over the
 * warm-up (up to the first half-signal time), which for constant η and the plain spread σ = (2/n) d_i/√L is
 * the §9 formula 2(2/n) d_i √(ηT/(LB)). The spread with the control variate grows with ω (the tilt part is not
 * removed), so δ at the start is a lower estimate for the emergence, an accurate one for the warm-up.
 */
public final class PaperSgdProtocol {
  private final Preset preset;
  private final int batch;
  private final AdaptiveStep step;
  private final long recordEvery;
  private final long maxSteps;

  private PaperSgdProtocol(Preset preset, int batch, AdaptiveStep step, long recordEvery, long maxSteps) {
    this.preset = preset;
    this.batch = batch;
    this.step = step;
    this.recordEvery = recordEvery;
    this.maxSteps = maxSteps;
  }

  /** A custom protocol on any preset with the paper init. */
  public static PaperSgdProtocol of(Preset preset, int batch, AdaptiveStep step, long recordEvery, long maxSteps) {
    return new PaperSgdProtocol(preset, batch, step, recordEvery, maxSteps);
  }

  /** The preset. */
  public Preset preset() {
    return preset;
  }

  /** Batch size B. */
  public int batch() {
    return batch;
  }

  /** The step rule. */
  public AdaptiveStep step() {
    return step;
  }

  /** The result of a protocol run. */
  public record Result(SgdRun sgd, ReducedRun reduced, double[] halfSignalTimes, double[] sigmaPlain,
      double[] sigmaControlVariate, double[] deltaAchieved, double[] deltaWithoutControlVariate,
      long authorsPrompts) {

    /** Defensive copies. */
    public Result {
      halfSignalTimes = halfSignalTimes.clone();
      sigmaPlain = sigmaPlain.clone();
      sigmaControlVariate = sigmaControlVariate.clone();
      deltaAchieved = deltaAchieved.clone();
      deltaWithoutControlVariate = deltaWithoutControlVariate.clone();
    }

    /** Prompts used by this run. */
    public long prompts() {
      return sgd.run().prompts();
    }
  }

  /**
   * Runs the protocol.
   *
   * @param progress receives (t, mini-batch loss, seconds left — NaN-free only when a time bound is known)
   */
  public Result run(long seed, int threads, Progress progress) {
    return run(seed, threads, reference(), progress);
  }

  /** The reduced flow from the preset's paper init that the protocol is compared with and sized by. */
  public ReducedRun reference() {
    return ReducedFlowRunner.run(preset.config(), preset.initialState(), preset.defaultTEnd(),
        ReducedFlowOptions.defaults());
  }

  /**
   * Runs the protocol against a reference computed by {@link #reference()} (so a caller that needs it first,
   * e.g. for a progress horizon, does not integrate it twice).
   */
  public Result run(long seed, int threads, ReducedRun reduced, Progress progress) {
    ProblemConfig c = preset.config();
    AttentionWeights start = AttentionWeights.paperInit(c, 1);
    int n = c.tasks();
    double[] sp = new double[n];
    double[] scv = new double[n];
    SgdRun sgd;
    try (FullModel model = new FullModel(c, threads)) {
      GradientNoise plain = GradientNoise.measure(model, start, Seeds.derive(seed, -3), 1000, false);
      GradientNoise cv = GradientNoise.measure(model, start, Seeds.derive(seed, -3), 1000, true);
      for (int i = 0; i < n; i++) {
        for (int h = 0; h < c.heads(); h++) {
          sp[i] = FastMath.max(sp[i], plain.muGradientSd(h, i));
          scv[i] = FastMath.max(scv[i], cv.muGradientSd(h, i));
        }
      }
      StochasticGradientDescent.Options o = new StochasticGradientDescent.Options().batch(batch).adaptive(step)
          .controlVariate(true).steps(maxSteps).recordEvery(recordEvery).freshPrompts(10_000)
          .stopAtEmergence(true).stopAfterHalfSignal(0.03).tEnd(2 * reduced.markers().emergenceEnd())
          .progress(progress);
      sgd = StochasticGradientDescent.runDetailed(model, start, seed, o);
    }
    double[] half = sgd.run().markers().halfSignal();
    double warmEnd = Double.POSITIVE_INFINITY;
    for (double t : half) {
      if (!Double.isNaN(t)) {
        warmEnd = FastMath.min(warmEnd, t);
      }
    }
    double walk = FastMath.sqrt(sgd.sumEtaSquaredOverBatchUpTo(warmEnd));
    double[] dA = new double[n];
    double[] dP = new double[n];
    for (int i = 0; i < n; i++) {
      dA[i] = 2 * scv[i] * walk;
      dP[i] = 2 * sp[i] * walk;
    }
    return new Result(sgd, reduced, half, sp, scv, dA, dP, 1_000_000L * 10_000L);
  }
}
