package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.MarkerTimes;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * P2-proof's per-task markers t_w,i and t_e,i on {@code small}: each first crossing of L_i certified by the tube,
 * the floating-point times inside; a floating-point time moved out of its enclosure fails the claim.
 */
class PerTaskMarkerProofTest {
  private static final ReducedRun RUN = SmallProofTube.RUN;

  private static HalfSignalProofCheck.Result check(double[] taskWarmup, double[] taskEmergence) {
    return HalfSignalProofCheck.check("small-reduced", RUN.config(), RUN.init(),
        new MarkerTimes(RUN.markers().warmupEnd(), RUN.markers().emergenceEnd(), RUN.markers().halfSignal(),
            taskWarmup, taskEmergence), SmallProofTube.TUBE);
  }

  @Test
  void everyTasksMarkersAreCertifiedAndHoldTheFloatingPointTimes() {
    HalfSignalProofCheck.Result r = HalfSignalProofCheck.check("small-reduced", RUN, SmallProofTube.TUBE);
    assertEquals(Verdict.Status.PASS, r.verdict().status(), r.verdict().evidence().toString());
    List<HalfSignalProofCheck.MarkerEnclosure> perTask = r.markers().stream()
        .filter(m -> m.marker().contains(",")).toList();
    assertEquals(2 * RUN.config().tasks(), perTask.size());
    for (HalfSignalProofCheck.MarkerEnclosure m : perTask) {
      assertTrue(m.enclosure().isPresent(), m.marker() + " certified");
      assertTrue(m.inside(), m.marker() + ": " + m.floatingPoint() + " in " + m.enclosure().get());
      // First crossings of a slowly falling L_i (warm-up) or a steep one (emergence): the enclosure is a few
      // validated steps wide at most, far below the marker's own size.
      assertTrue(m.enclosure().get().width() < 0.05 * m.floatingPoint(), m.marker() + " " + m.enclosure().get());
    }
  }

  @Test
  void aFloatingPointTaskMarkerOutsideItsEnclosureFails() {
    HalfSignalProofCheck.Result ok = HalfSignalProofCheck.check("small-reduced", RUN, SmallProofTube.TUBE);
    HalfSignalProofCheck.MarkerEnclosure te2 = ok.markers().stream().filter(m -> m.marker().equals("t_e,2"))
        .findFirst().orElseThrow();
    double[] emergence = RUN.markers().taskEmergenceEnds();
    // One enclosure width past its upper end.
    emergence[1] = te2.enclosure().get().hi() + te2.enclosure().get().width();
    Verdict v = check(RUN.markers().taskWarmupEnds(), emergence).verdict();
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
    double[] warmup = RUN.markers().taskWarmupEnds();
    warmup[0] *= 0.9;
    Verdict w = check(warmup, RUN.markers().taskEmergenceEnds()).verdict();
    assertEquals(Verdict.Status.FAIL, w.status(), w.evidence().toString());
  }
}
