package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.checks.Sweep;
import io.github.softmaxicl.checks.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the sweep checks (reduced model (reconstruction)): P4 optimality and P5 separation over block
 * sets and prompt lengths, P7 length generalisation against Monte Carlo of the true model with a linear-attention
 * baseline, the model-error ladder of the reduced losses (claim id {@code P6-model-error}), and the plot of the
 * H &lt; n observation. Pure functions of what the experiments measured: nothing here integrates, optimises or
 * samples. Every verdict has run "sweep" and provenance "reconstruction"; a measurement that failed gives
 * {@link Verdict.Status#ERROR}, never a pass.
 */
public final class SweepChecks {
  private SweepChecks() {}

  /**
   * Checks every sweep.
   *
   * @param m what the sweeps measured
   * @return verdicts in the order P4-optimality, P5-separation, P5-single-head-stationarity,
   *     P7-length-generalisation, P7-length-refined, P7-length-calibration, P6-model-error; plots in the order
   *     p4-optimality, p5-separation, p7-length-generalisation, p6-model-error, observation-few-heads
   */
  public static SweepOutcome check(SweepMeasurements m) {
    List<Verdict> verdicts = new ArrayList<>();
    List<Sweep> plots = new ArrayList<>();
    for (Part p : List.of(OptimalityCheck.check(m.optimality()), SeparationCheck.check(m.separation()),
        LengthGeneralisationCheck.check(m.length()), ModelErrorCheck.check(m.modelError()))) {
      verdicts.addAll(p.verdicts());
      plots.add(p.plot());
    }
    plots.add(FewHeadsPlot.of(m.fewHeads()));
    return new SweepOutcome(verdicts, plots);
  }

  /** Checks P4 alone. */
  public static SweepOutcome optimality(OptimalityMeasurements m) {
    return one(OptimalityCheck.check(m));
  }

  /** Checks P5 (separation and single-head stationarity) alone. */
  public static SweepOutcome separation(SeparationMeasurements m) {
    return one(SeparationCheck.check(m));
  }

  /** Checks P7 (length generalisation, refined, calibration) alone. */
  public static SweepOutcome length(LengthMeasurements m) {
    return one(LengthGeneralisationCheck.check(m));
  }

  /** Checks the model-error ladder alone. */
  public static SweepOutcome modelError(ModelErrorMeasurements m) {
    return one(ModelErrorCheck.check(m));
  }

  private static SweepOutcome one(Part p) {
    return new SweepOutcome(p.verdicts(), List.of(p.plot()));
  }
}
