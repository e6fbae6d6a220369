package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.checks.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the sweep checks (reduced model (reconstruction)): P4 optimality and P5 separation over block
 * sets and prompt lengths, P7 length generalisation against Monte Carlo of the true model with a linear-attention
 * baseline, the model-error ladder of the reduced losses (claim id {@code P6-model-error}), and the H &lt; n
 * observation. Every verdict has run "sweep" and provenance "reconstruction"; a failed computation gives
 * {@link Verdict.Status#ERROR}, never a pass. Results are deterministic for given settings, whatever the number of
 * threads.
 */
public final class SweepChecks {
  private SweepChecks() {}

  /**
   * Runs every sweep.
   *
   * @param settings sizes and tolerances ({@link SweepSettings#quick()} or {@link SweepSettings#full()})
   * @param threads worker threads of the Monte Carlo estimates (≥ 1; results do not depend on it)
   * @return verdicts in the order P4-optimality, P5-separation, P5-single-head-stationarity,
   *     P7-length-generalisation, P7-length-refined, P7-length-calibration, P6-model-error; sweeps in the order
   *     p4-optimality, p5-separation, p7-length-generalisation, p6-model-error, observation-few-heads
   */
  public static SweepOutcome run(SweepSettings settings, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
    }
    List<Verdict> verdicts = new ArrayList<>();
    List<SweepResult> results = new ArrayList<>();
    for (Part p : List.of(OptimalitySweep.run(settings), SeparationSweep.run(settings),
        LengthGeneralisationCheck.run(settings, threads), ModelErrorLadder.run(settings, threads))) {
      verdicts.addAll(p.verdicts());
      results.addAll(p.results());
    }
    results.add(FewHeadsObservation.run(settings));
    return new SweepOutcome(verdicts, results);
  }
}
