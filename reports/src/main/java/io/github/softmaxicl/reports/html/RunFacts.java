package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;
import io.github.softmaxicl.numerics.EmergenceWindow;
import io.github.softmaxicl.numerics.MarkerTimes;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the report shows of one run. Built from the package's run record in one adapter
 * ({@code io.github.softmaxicl.reports.ReportInputs}), so that the rendering does not depend on how runs are
 * stored.
 *
 * @param prompts prompts per step (SGD) or in the fixed sample (full flow); null for the reduced flow
 * @param markers t_w, t_e and per task the half-signal time, t_w,i and t_e,i; NaN where not reached or not
 *     computed
 * @param allocation per task, the head with the largest μ·ω at t_end, or -1
 * @param full the full-model quantities; null for reduced runs
 * @param trajectory the recorded samples, sorted by t, at least one
 * @param prediction the reduced flow from the same start (full-model runs), else empty
 * @param emergenceSamples the integrator's dense output across {@link #emergenceWindow()}, in time order; empty
 *     where the dynamics provides none (the close-up then joins the recorded samples)
 */
public record RunFacts(String id, RunKind kind, ProblemConfig config, String init, double initScale, long seed,
    @Nullable Integer prompts, double tEnd, double f0, double fFinal, double fStar, MarkerTimes markers,
    int[] allocation, @Nullable FullModel full,
    Integrator integrator, long evaluations, double wallSeconds, String trajectoryCsv,
    List<TrajectorySample> trajectory, List<TrajectorySample> prediction,
    List<TrajectorySample> emergenceSamples) {
  /** Copies the arrays and lists. */
  public RunFacts {
    allocation = allocation.clone();
    trajectory = List.copyOf(trajectory);
    prediction = List.copyOf(prediction);
    emergenceSamples = List.copyOf(emergenceSamples);
    if (trajectory.isEmpty()) {
      throw new IllegalArgumentException("run " + id + " has no samples");
    }
  }

  /**
   * Quantities of full-model (full flow and SGD) runs.
   *
   * @param symmetrised whether the fixed sample was symmetrised, null if not recorded
   */
  public record FullModel(@Nullable Boolean symmetrised, double offStructureNorm, double fFresh, double fFreshSe,
      double escapeTime, double saddleRatePredicted, double saddleRateMeasured) {}

  /**
   * The integrator of a run: an ODE integrator with tolerances, or SGD with a learning rate (finite only then).
   */
  public record Integrator(String name, double relTol, double absTol, double learningRate) {
    /** One line for the tables. */
    String describe() {
      if (Double.isFinite(learningRate)) {
        return name + ", learning rate η = " + Numbers.human(learningRate);
      }
      return name + ", rel_tol " + Numbers.human(relTol) + ", abs_tol " + Numbers.human(absTol);
    }
  }

  /** The close-up's range (the range the dense samples were taken across), empty without emergence. */
  Optional<EmergenceWindow> emergenceWindow() {
    return markers.emergenceWindow();
  }

  /** Time of the last sample. */
  double lastSampleTime() {
    return trajectory.get(trajectory.size() - 1).t();
  }
}
