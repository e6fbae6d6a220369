package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.validated.CrossingUniqueness;
import io.github.softmaxicl.numerics.validated.LossCrossing;
import io.github.softmaxicl.numerics.validated.SignalCrossing;
import io.github.softmaxicl.numerics.validated.ValidatedTube;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import org.junit.jupiter.api.Test;

/**
 * Uniqueness of a crossing inside its enclosure, on {@code small}'s tube: the half-signal crossing of each task is
 * the only one in its enclosure, each per-task t_e,i too; a level every head is already above (two heads can
 * reach it) or a window with no step is not certified unique.
 */
class CrossingUniquenessTest {
  private static final ProblemConfig C = SmallProofTube.RUN.config();
  private static final SpectralState START = SmallProofTube.RUN.init();
  private static final ValidatedTube TUBE = SmallProofTube.TUBE;

  @Test
  void halfSignalCrossingsAreUniqueInTheirEnclosures() {
    for (int i = 0; i < C.tasks(); i++) {
      Interval level = SignalCrossing.halfSignalLogLevel(C, i);
      Interval e = SignalCrossing.halfSignalTime(TUBE, C, START, i).orElseThrow();
      assertTrue(CrossingUniqueness.signalCrossingIsUnique(TUBE, C, START, i, level, e), "task " + i);
    }
  }

  /** At a level below every head's start signal, both heads can reach it on every step: not one head, not unique. */
  @Test
  void aLevelTwoHeadsCanReachIsNotUnique() {
    Interval low = Interval.point(-40.0); // e^-40 is far below L^-3/√D, every head's signal at t = 0
    Interval window = Interval.of(0.0, TUBE.steps().get(10).t1());
    assertFalse(CrossingUniqueness.signalCrossingIsUnique(TUBE, C, START, 0, low, window));
  }

  @Test
  void perTaskEmergenceEndsAreUniqueAndFDecreases() {
    for (LossCrossing.TaskPhaseTimes p : LossCrossing.taskPhaseTimes(TUBE, C, START)) {
      Interval e = p.emergenceEnd().orElseThrow();
      assertTrue(CrossingUniqueness.lossIsDecreasing(TUBE, C, START, p.task(), e), "task " + p.task());
    }
    Interval te = LossCrossing.phaseTimes(TUBE, C, START).emergenceEnd().orElseThrow();
    assertTrue(CrossingUniqueness.lossIsDecreasing(TUBE, C, START, -1, te));
  }

  @Test
  void aWindowWithoutStepsProvesNothing() {
    Interval beyond = Interval.of(TUBE.reached() + 1, TUBE.reached() + 2);
    assertFalse(CrossingUniqueness.lossIsDecreasing(TUBE, C, START, -1, beyond));
    assertFalse(CrossingUniqueness.signalCrossingIsUnique(TUBE, C, START, 0,
        SignalCrossing.halfSignalLogLevel(C, 0), beyond));
  }
}
