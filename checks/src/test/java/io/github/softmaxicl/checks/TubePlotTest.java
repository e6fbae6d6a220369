package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.validated.LossCrossing;
import io.github.softmaxicl.numerics.validated.TubeStep;
import io.github.softmaxicl.numerics.validated.ValidatedTube;
import io.github.softmaxicl.theory.interval.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The tube plot of P2-proof on {@code small}: a band that encloses F at every step end, the floating-point samples
 * within the tube's span, and the certified t_w and t_e as vertical lines; a band from a tube proved for another
 * flow does not hold the floating-point F; on a hand-made tube, the note names the first step end where the band is
 * widest.
 */
class TubePlotTest {
  @Test
  void theBandHoldsTheFloatingPointRunAtTheStepEnds() {
    Sweep plot = TubePlot.of("small-reduced", SmallProofTube.RUN, SmallProofTube.TUBE);
    assertEquals("P2-proof-tube-small-reduced", plot.id());
    Sweep.Series upper = plot.series().get(0);
    Sweep.Series lower = plot.series().get(1);
    Sweep.Series fp = plot.series().get(2);
    assertEquals(SmallProofTube.TUBE.steps().size(), upper.x().length);
    for (int s = 0; s < upper.x().length; s++) {
      assertTrue(lower.y()[s] <= upper.y()[s], "band ordered at step " + s);
      // F at a step end from the floating-point flow (rtol 1e-10) is within ~1e-9 relative of the truth, the band
      // is ~1e-12..1e-7 wide: check containment where the band is wider than the floating-point error, and
      // closeness everywhere.
      double mid = 0.5 * (lower.y()[s] + upper.y()[s]);
      assertTrue(upper.y()[s] - lower.y()[s] < 1e-6 * Math.abs(mid), "band width at step " + s);
    }
    double reached = SmallProofTube.TUBE.reached();
    long inside = SmallProofTube.RUN.trajectory().stream().filter(x -> x.t() <= reached).count();
    assertEquals(inside, fp.x().length, "every sample within the tube's span is drawn, no other");
    assertEquals(0, samplesOutsideTheBand(plot), "every floating-point sample between the band's values at the "
        + "step ends around it (F decreases along the flow)");
    assertEquals(2, plot.references().size(), "certified t_w and t_e");
    for (Sweep.ReferenceLine r : plot.references()) {
      assertFalse(r.horizontal());
    }
    assertTrue(plot.note().contains("certified t_e in ["), plot.note());
  }

  @Test
  void aBandFromAnotherFlowDoesNotHoldTheRun() {
    // The tube with every log coordinate shifted by 1e-3 (another trajectory): F moves by ~1e-3 relative, far more
    // than the band's width, so floating-point samples fall outside it.
    ValidatedTube t = SmallProofTube.TUBE;
    List<TubeStep> shifted = t.steps().stream().map(s -> new TubeStep(s.t0(), s.t1(), shift(s.overStep()),
        shift(s.atEnd()))).toList();
    ValidatedTube wrong = new ValidatedTube(shift(t.initial()), shifted, t.requestedEnd(), t.stopReason(),
        t.wallSeconds());
    assertTrue(samplesOutsideTheBand(TubePlot.of("small-reduced", SmallProofTube.RUN, wrong)) > 0);
  }

  /**
   * Floating-point samples of the plot outside [lower bound at the next step end, upper bound at the previous one]
   * (F decreases, so the true F lies there), with a relative allowance of 1e-9 for the floating-point run's error
   * (rtol 1e-10 over a few thousand steps).
   */
  private static int samplesOutsideTheBand(Sweep plot) {
    Sweep.Series upper = plot.series().get(0);
    Sweep.Series lower = plot.series().get(1);
    Sweep.Series fp = plot.series().get(2);
    int outside = 0;
    for (int k = 0; k < fp.x().length; k++) {
      double t = fp.x()[k];
      if (t <= upper.x()[0]) {
        continue;
      }
      int s = 1;
      while (s < upper.x().length - 1 && upper.x()[s] < t) {
        s++;
      }
      if (!(fp.y()[k] <= upper.y()[s - 1] * (1 + 1e-9) && fp.y()[k] >= lower.y()[s] * (1 - 1e-9))) {
        outside++;
      }
    }
    return outside;
  }

  private static List<io.github.softmaxicl.theory.interval.Interval> shift(
      List<io.github.softmaxicl.theory.interval.Interval> box) {
    return box.stream().map(i -> i.add(io.github.softmaxicl.theory.interval.Interval.point(1e-3))).toList();
  }

  /**
   * A hand-made tube of four unit steps whose end boxes are B, B, W, W (B the real tube's end box, W the same
   * widened by 1e-6 in every log coordinate, so F is enclosed more widely on it): the note states W's relative width
   * of F and names t = 3, the first step end where the band is that wide (not t = 4, where it is as wide again).
   */
  @Test
  void theNoteNamesTheFirstStepEndWhereTheBandIsWidest() {
    List<Interval> b = SmallProofTube.TUBE.steps().get(SmallProofTube.TUBE.steps().size() - 1).atEnd();
    List<Interval> w = b.stream().map(y -> Interval.of(y.lo() - 1e-6, y.hi() + 1e-6)).toList();
    List<List<Interval>> boxes = List.of(b, b, w, w);
    List<TubeStep> steps = new ArrayList<>();
    for (int k = 0; k < boxes.size(); k++) {
      steps.add(new TubeStep(k, k + 1, boxes.get(k), boxes.get(k)));
    }
    ValidatedTube tube = new ValidatedTube(b, steps, boxes.size(), Optional.empty(), 0.0);
    Interval fb = LossCrossing.loss(LossCrossing.intervalFlow(SmallProofTube.RUN.config(), SmallProofTube.RUN.init()),
        b);
    Interval fw = LossCrossing.loss(LossCrossing.intervalFlow(SmallProofTube.RUN.config(), SmallProofTube.RUN.init()),
        w);
    double relW = fw.width() / Math.abs(fw.midpoint());
    assertTrue(relW > fb.width() / Math.abs(fb.midpoint()), "W is the wider box for F");
    String note = TubePlot.of("hand-made", SmallProofTube.RUN, tube).note();
    String expected = ReducedRunChecks.fmt("relative width at most %.2e (at t = %.6g)", relW, 3.0);
    assertTrue(note.contains(expected), expected + " in " + note);
  }
}
