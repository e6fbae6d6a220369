package io.github.softmaxicl.checks;

import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.validated.LossCrossing;
import io.github.softmaxicl.numerics.validated.TubeStep;
import io.github.softmaxicl.numerics.validated.ValidatedTube;
import io.github.softmaxicl.theory.LogCoordinateFlow;
import io.github.softmaxicl.theory.interval.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validated tube behind P2-proof and P3-proof drawn over the floating-point run (reduced model
 * (reconstruction)): the certified enclosure of F at every step end of the interval Taylor tube as a band, the
 * floating-point F at the run's samples inside the tube's span, and the certified t_w and t_e as vertical lines.
 * The band is far narrower than a line at any readable scale (relative widths 1e-12 to 1e-7), so the note states
 * its width per phase and where it is widest; what a reader can see is that the floating-point points lie on it.
 */
public final class TubePlot {
  private TubePlot() {}

  /** The plot of a complete tube proved from {@code run}'s init (an incomplete tube is drawn as far as it got). */
  public static Sweep of(String runId, ReducedRun run, ValidatedTube tube) {
    LogCoordinateFlow<Interval> flow = LossCrossing.intervalFlow(run.config(), run.init());
    List<Interval[]> losses = LossCrossing.losses(flow, tube);
    int k = losses.size();
    double[] t = new double[k];
    double[] lo = new double[k];
    double[] hi = new double[k];
    double widest = 0;
    double widestAt = 0;
    for (int s = 0; s < k; s++) {
      TubeStep step = tube.steps().get(s);
      Interval f = losses.get(s)[1];
      t[s] = step.t1();
      lo[s] = f.lo();
      hi[s] = f.hi();
      double rel = f.width() / Math.abs(f.midpoint());
      if (rel > widest) { // strict: of step ends equally wide, the note names the first
        widest = rel;
        widestAt = step.t1();
      }
    }
    List<Sweep.Point> fp = new ArrayList<>();
    for (TrajectorySample sample : run.trajectory()) {
      if (sample.t() <= tube.reached()) {
        fp.add(Sweep.Point.of(sample.t(), sample.loss()));
      }
    }
    List<Sweep.Series> series = new ArrayList<>();
    series.add(new Sweep.Series("certified upper bound of F (step ends)", t, hi, true));
    series.add(new Sweep.Series("certified lower bound of F (step ends)", t, lo, true));
    if (!fp.isEmpty()) {
      series.add(Sweep.Series.measured("floating-point F (samples of the run)", fp));
    }
    LossCrossing.PhaseTimes phases = LossCrossing.phaseTimes(tube, run.config(), run.init());
    List<Sweep.ReferenceLine> refs = new ArrayList<>();
    List<String> note = new ArrayList<>();
    note.add(ReducedRunChecks.fmt("Validated interval Taylor tube of the reduced flow (reduced model (reconstruction)):"
        + " %d steps to t = %.6g; F enclosed at every step end, relative width at most %.2e (at t = %.6g), far "
        + "below a line's width, so the two bounds coincide on the plot and the floating-point points lie on them.",
        k, tube.reached(), widest, widestAt));
    marker(refs, note, "t_w", phases.warmupEnd());
    marker(refs, note, "t_e", phases.emergenceEnd());
    return new Sweep("P2-proof-tube-" + runId, "Validated tube of " + runId + ": F enclosed along the flow", "t",
        "F", false, false, series, refs, String.join("\n", note));
  }

  private static void marker(List<Sweep.ReferenceLine> refs, List<String> note, String name,
      Optional<Interval> enclosure) {
    if (enclosure.isPresent()) {
      Interval e = enclosure.get();
      refs.add(new Sweep.ReferenceLine(ReducedRunChecks.fmt("certified %s", name), e.midpoint(), false));
      note.add(ReducedRunChecks.fmt("certified %s in [%.9g, %.9g]", name, e.lo(), e.hi()));
    } else {
      note.add(name + ": the tube does not certify the crossing");
    }
  }
}
