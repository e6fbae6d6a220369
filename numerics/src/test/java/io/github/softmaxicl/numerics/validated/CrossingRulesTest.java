package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link SignalCrossing} and {@link CrossingUniqueness} on hand-made tubes (no integration, so these
 * run in milliseconds): exact endpoints, the boundary cases where a bound touches the level (a touch counts as
 * reaching it, by the {@code ≥} of the rule), heads with a negative product ignored, and uniqueness refused when
 * two heads can reach the level, when no head does, or when the signal's rate is not proved positive. The rate's
 * sign on a point box is checked against the double field ({@link BalancedSpectralField}), an independent
 * evaluation of the same flow.
 */
class CrossingRulesTest {
  /** One task, two heads: y = (log|ω^1|, log|ω^2|, log|μ^1|, log|μ^2|). */
  private static final ProblemConfig ONE_TASK = ProblemConfig.of(4, new int[] {4}, 2, 40, 0.0, 1.0);
  /** Both products positive. */
  private static final SpectralState BOTH_POSITIVE = Initialisations.paper(ONE_TASK);
  /** Head 2's ω negative: its product ω·μ is negative, so it never reaches a positive level. */
  private static final SpectralState SECOND_NEGATIVE =
      SpectralState.of(new double[][] {{1.0}, {-1.0}}, new double[][] {{1.0}, {1.0}});

  /** ω coordinates 0, so log-signal of head h is log μ^h. */
  private static List<Interval> box(Interval logMu1, Interval logMu2) {
    return List.of(Interval.ZERO, Interval.ZERO, logMu1, logMu2);
  }

  /** Unit steps [k, k+1] with the given over-step and end boxes. */
  private static ValidatedTube tube(List<Interval> initial, List<List<Interval>> over, List<List<Interval>> end) {
    List<TubeStep> steps = new ArrayList<>();
    for (int k = 0; k < over.size(); k++) {
      steps.add(new TubeStep(k, k + 1, over.get(k), end.get(k)));
    }
    return new ValidatedTube(initial, steps, over.size(), Optional.empty(), 0.0);
  }

  private static final Interval LEVEL = Interval.point(-1.0);

  /**
   * Step 0 wholly below the level; step 1's over-step box touches it (upper bound exactly −1: may reach); step 1's
   * end box is not proved above; step 2's end box touches it from above (lower bound exactly −1: proved at or
   * above). The enclosure is [start of step 1, end of step 2].
   */
  @Test
  void firstCrossingRunsFromTheFirstPossibleToTheFirstProvedStep() {
    Interval low = Interval.point(-5);
    ValidatedTube t = tube(box(Interval.point(-3), low),
        List.of(box(Interval.of(-3, -1.5), low), box(Interval.of(-2, -1), low), box(Interval.of(-1.2, 0), low)),
        List.of(box(Interval.point(-1.5), low), box(Interval.of(-1.2, -0.9), low), box(Interval.of(-1, -0.5), low)));
    assertEquals(Optional.of(Interval.of(1, 3)), SignalCrossing.firstCrossing(t, ONE_TASK, BOTH_POSITIVE, 0, LEVEL));
    // the same tube with the second head carrying the signal gives the same enclosure (every head is scanned)
    ValidatedTube swapped = tube(box(low, Interval.point(-3)),
        List.of(box(low, Interval.of(-3, -1.5)), box(low, Interval.of(-2, -1)), box(low, Interval.of(-1.2, 0))),
        List.of(box(low, Interval.point(-1.5)), box(low, Interval.of(-1.2, -0.9)), box(low, Interval.of(-1, -0.5))));
    assertEquals(Optional.of(Interval.of(1, 3)),
        SignalCrossing.firstCrossing(swapped, ONE_TASK, BOTH_POSITIVE, 0, LEVEL));
    // a level above every end box is possible but never proved: empty
    assertTrue(SignalCrossing.firstCrossing(t, ONE_TASK, BOTH_POSITIVE, 0, Interval.point(-0.2)).isEmpty());
    // a level above every over-step box is never reached: empty
    assertTrue(SignalCrossing.firstCrossing(t, ONE_TASK, BOTH_POSITIVE, 0, Interval.point(0.5)).isEmpty());
  }

  /** A start touching the level (upper bound exactly the level) may already be at it: no crossing to enclose. */
  @Test
  void aStartAtTheLevelHasNoCrossing() {
    Interval low = Interval.point(-5);
    ValidatedTube t = tube(box(Interval.point(-1), low), List.of(box(Interval.of(-1, 0), low)),
        List.of(box(Interval.point(0), low)));
    assertTrue(SignalCrossing.firstCrossing(t, ONE_TASK, BOTH_POSITIVE, 0, LEVEL).isEmpty());
  }

  /**
   * Head 2 (negative product) sits far above the level all along; it is ignored, so the crossing is head 1's. If
   * it counted, the start would already be above the level and the answer empty.
   */
  @Test
  void aHeadWithANegativeProductNeverReachesThePositiveLevel() {
    Interval high = Interval.point(3);
    ValidatedTube t = tube(box(Interval.point(-3), high),
        List.of(box(Interval.of(-3, -2), high), box(Interval.of(-2, 0), high)),
        List.of(box(Interval.point(-2), high), box(Interval.point(0), high)));
    assertEquals(Optional.of(Interval.of(1, 2)),
        SignalCrossing.firstCrossing(t, ONE_TASK, SECOND_NEGATIVE, 0, LEVEL));
  }

  /**
   * The half-signal level log(½ μ* ω*) = log(½ / (1 + e κ d)) with κ d = (s² d_i + σ²)/(s² L) (MODEL.md §6),
   * against the double closed form, with σ > 0 so that the noise term counts. Budget: the double evaluation has a
   * handful of roundings of relative size 2^-53 on a value of order 1, so 1e-14 absolute.
   */
  @Test
  void halfSignalLevelIsTheClosedFormsLogarithm() {
    ProblemConfig c = ProblemConfig.of(6, new int[] {2, 4}, 2, 30, 0.7, 1.5);
    for (int i = 0; i < 2; i++) {
      double kd = (c.s2() * c.blockSize(i) + c.sigma() * c.sigma()) / (c.s2() * c.promptLength());
      double expected = StrictMath.log(0.5 / (1 + StrictMath.E * kd));
      Interval level = SignalCrossing.halfSignalLogLevel(c, i);
      assertTrue(level.lo() - 1e-14 <= expected && expected <= level.hi() + 1e-14, level + " vs " + expected);
      assertTrue(level.width() < 1e-14, level.toString());
      // and it agrees with the closed forms' own μ*ω*
      double product = ClosedForms.muStar(c, i) * ClosedForms.omegaStar(c, i);
      assertEquals(StrictMath.log(0.5 * product), level.midpoint(), 1e-14);
    }
  }

  /** The half-signal time is the first crossing of the half-signal level. */
  @Test
  void halfSignalTimeCrossesTheHalfSignalLevel() {
    double lv = SignalCrossing.halfSignalLogLevel(ONE_TASK, 0).midpoint();
    Interval low = Interval.point(lv - 10);
    ValidatedTube t = tube(box(Interval.point(lv - 2), low),
        List.of(box(Interval.of(lv - 2, lv - 1), low), box(Interval.of(lv - 1, lv + 1), low)),
        List.of(box(Interval.point(lv - 1), low), box(Interval.point(lv + 1), low)));
    assertEquals(Optional.of(Interval.of(1, 2)), SignalCrossing.halfSignalTime(t, ONE_TASK, BOTH_POSITIVE, 0));
  }

  /** Steps lie in a window when both ends do, the window's ends included. */
  @Test
  void stepsInTakeTheStepsBetweenTheWindowsEnds() {
    Interval z = Interval.ZERO;
    ValidatedTube t = tube(box(z, z), List.of(box(z, z), box(z, z), box(z, z)), List.of(box(z, z), box(z, z),
        box(z, z)));
    List<TubeStep> in = CrossingUniqueness.stepsIn(t, Interval.of(1, 2));
    assertEquals(1, in.size());
    assertEquals(1.0, in.get(0).t0());
    assertEquals(3, CrossingUniqueness.stepsIn(t, Interval.of(0, 3)).size());
    assertEquals(0, CrossingUniqueness.stepsIn(t, Interval.of(0.5, 1.5)).size());
  }

  /** The paper init of two heads and two tasks, in log coordinates, as a point tube of one step. */
  private static final ProblemConfig TWO = ProblemConfig.of(4, new int[] {2, 2}, 2, 40, 0.0, 1.0);

  private static ValidatedTube pointTube(ProblemConfig c, SpectralState start, SpectralState at) {
    double[] y = new BalancedSpectralField(new LeadingOrderLoss(c), start).toLog(at);
    List<Interval> b = new ArrayList<>();
    for (double v : y) {
      b.add(Interval.point(v));
    }
    return tube(b, List.of(b), List.of(b));
  }

  /** The double field's rate of head h's log-signal for task i at the state (an independent evaluation). */
  private static double doubleRate(ProblemConfig c, SpectralState start, SpectralState at, int h, int i) {
    BalancedSpectralField f = new BalancedSpectralField(new LeadingOrderLoss(c), start);
    double[] y = f.toLog(at);
    double[] dy = new double[y.length];
    f.newEvaluator().derivative(y, dy);
    int n = c.tasks();
    return dy[h * n + i] + dy[c.heads() * n + h * n + i];
  }

  private static Interval logSignalAt(SpectralState s, int h, int i) {
    return Interval.point(s.omega(h, i) * s.mu(h, i)).log();
  }

  /**
   * At the paper init head 1 favours task 1 (μ 4× larger): a level between the two heads' signals is reached by
   * head 1 only, and in the warm-up its signal grows (the double field agrees), so the crossing is unique. A level
   * below both is reachable by two heads (refused); a level above both by none (refused); an empty window refused.
   */
  @Test
  void signalCrossingIsUniqueOnlyForOneGrowingHead() {
    SpectralState init = Initialisations.paper(TWO);
    ValidatedTube t = pointTube(TWO, init, init);
    Interval window = Interval.of(0, 1);
    assertTrue(doubleRate(TWO, init, init, 0, 0) > 0, "the warm-up grows the favoured signal");
    Interval between = logSignalAt(init, 0, 0).add(logSignalAt(init, 1, 0)).multiply(0.5);
    assertTrue(CrossingUniqueness.signalCrossingIsUnique(t, TWO, init, 0, between, window));
    Interval below = logSignalAt(init, 1, 0).add(-1.0);
    assertFalse(CrossingUniqueness.signalCrossingIsUnique(t, TWO, init, 0, below, window));
    Interval above = logSignalAt(init, 0, 0).add(1.0);
    assertFalse(CrossingUniqueness.signalCrossingIsUnique(t, TWO, init, 0, above, window));
    assertFalse(CrossingUniqueness.signalCrossingIsUnique(t, TWO, init, 0, between, Interval.of(0.25, 0.75)));
    // task 2 is favoured by head 2: the same holds with the heads' roles exchanged
    Interval between2 = logSignalAt(init, 1, 1).add(logSignalAt(init, 0, 1)).multiply(0.5);
    assertTrue(CrossingUniqueness.signalCrossingIsUnique(t, TWO, init, 1, between2, window));
  }

  /**
   * With head 2's ω negative (on both tasks) its product is negative and it is ignored: a level below both heads'
   * magnitudes is then reached by head 1 alone.
   */
  @Test
  void aNegativeProductHeadDoesNotCompete() {
    SpectralState init = Initialisations.paper(TWO);
    double[][] omega = {{init.omega(0, 0), init.omega(0, 1)}, {-init.omega(1, 0), -init.omega(1, 1)}};
    double[][] mu = {{init.mu(0, 0), init.mu(0, 1)}, {init.mu(1, 0), init.mu(1, 1)}};
    SpectralState signed = SpectralState.of(omega, mu);
    ValidatedTube t = pointTube(TWO, signed, signed);
    assertTrue(doubleRate(TWO, signed, signed, 0, 0) > 0);
    Interval below = logSignalAt(init, 1, 0).add(-1.0);
    assertTrue(CrossingUniqueness.signalCrossingIsUnique(t, TWO, signed, 0, below, Interval.of(0, 1)));
  }

  /**
   * Ten times past the limit (every entry ×10 of the closed form, off-task entries tiny) the flow pulls the signal
   * back down: the double field's rate is negative, and uniqueness by a growing signal is refused. F still
   * decreases there (a gradient flow away from an equilibrium), so lossIsDecreasing holds.
   */
  @Test
  void aFallingSignalIsNotAUniqueCrossing() {
    SpectralState init = Initialisations.paper(TWO);
    double[][] omega = new double[2][2];
    double[][] mu = new double[2][2];
    for (int h = 0; h < 2; h++) {
      for (int j = 0; j < 2; j++) {
        omega[h][j] = h == j ? 10 * ClosedForms.omegaStar(TWO, j) : 1e-6;
        mu[h][j] = h == j ? 10 * ClosedForms.muStar(TWO, j) : 1e-6;
      }
    }
    SpectralState past = SpectralState.of(omega, mu);
    ValidatedTube t = pointTube(TWO, init, past);
    assertTrue(doubleRate(TWO, init, past, 0, 0) < 0, "past the limit the signal falls");
    Interval below = logSignalAt(past, 0, 0).add(-1.0);
    assertFalse(CrossingUniqueness.signalCrossingIsUnique(t, TWO, init, 0, below, Interval.of(0, 1)));
    assertTrue(CrossingUniqueness.lossIsDecreasing(t, TWO, init, -1, Interval.of(0, 1)));
  }

  /**
   * F decreases along a gradient flow wherever the gradient is not zero (dF/dt = −|∇F|² in the original
   * coordinates), so on the point box of the init it is proved decreasing, as is task 1's loss there (its head is
   * growing towards the limit); an empty window proves nothing; a box wide enough that the rate's enclosure
   * contains 0 is refused.
   */
  @Test
  void lossIsDecreasingOnlyWhereTheRateIsProvedNegative() {
    SpectralState init = Initialisations.paper(TWO);
    ValidatedTube t = pointTube(TWO, init, init);
    assertTrue(CrossingUniqueness.lossIsDecreasing(t, TWO, init, -1, Interval.of(0, 1)));
    assertTrue(CrossingUniqueness.lossIsDecreasing(t, TWO, init, 0, Interval.of(0, 1)));
    assertFalse(CrossingUniqueness.lossIsDecreasing(t, TWO, init, -1, Interval.of(0.25, 0.75)));
    List<Interval> wide = new ArrayList<>();
    for (int q = 0; q < 8; q++) {
      wide.add(Interval.of(-40, -1));
    }
    ValidatedTube w = tube(wide, List.of(wide), List.of(wide));
    assertFalse(CrossingUniqueness.lossIsDecreasing(w, TWO, init, -1, Interval.of(0, 1)));
    assertFalse(CrossingUniqueness.lossIsDecreasing(w, TWO, init, 0, Interval.of(0, 1)));
  }

  /**
   * A crossing possible on the very first step (step 0) and on the next: the lower end is step 0's start, not a
   * later step's. With two tasks the log-signal of head 2 on task 2 is read from its own coordinates (index
   * h·n + i and H·n + h·n + i); only that pair carries the signal here.
   */
  @Test
  void aCrossingOnTheFirstStepStartsAtZeroAndEachPairIsReadFromItsOwnIndex() {
    Interval low = Interval.point(-8);
    List<List<Interval>> over = new ArrayList<>();
    List<List<Interval>> end = new ArrayList<>();
    Interval[] centres = {Interval.of(-2, -0.5), Interval.of(-1.5, 0), Interval.of(-1, 1)};
    Interval[] ends = {Interval.point(-1.5), Interval.point(-1.2), Interval.point(0.5)};
    for (int k = 0; k < 3; k++) {
      // y = (ω^1_1, ω^1_2, ω^2_1, ω^2_2, μ^1_1, μ^1_2, μ^2_1, μ^2_2); head 2 on task 2 is indices 3 and 7
      over.add(List.of(low, low, low, Interval.ZERO, low, low, low, centres[k]));
      end.add(List.of(low, low, low, Interval.ZERO, low, low, low, ends[k]));
    }
    List<Interval> initial = List.of(low, low, low, Interval.ZERO, low, low, low, Interval.point(-2));
    ValidatedTube t = tube(initial, over, end);
    SpectralState init = Initialisations.paper(TWO);
    assertEquals(Optional.of(Interval.of(0, 3)), SignalCrossing.firstCrossing(t, TWO, init, 1, LEVEL));
    // task 1 sees only the low coordinates: never reached
    assertTrue(SignalCrossing.firstCrossing(t, TWO, init, 0, LEVEL).isEmpty());
  }

  /**
   * A head whose log-signal's upper bound equals the level's lower bound may reach it (the rule's "proved below"
   * is strict): with head 2 touching the level from below, two heads can reach it and uniqueness is refused.
   */
  @Test
  void aHeadTouchingTheLevelCompetes() {
    SpectralState init = Initialisations.paper(TWO);
    ValidatedTube t = pointTube(TWO, init, init);
    Interval second = SignalCrossing.logSignal(t.steps().get(0).overStep(), TWO, 1, 0);
    Interval touching = Interval.point(second.hi());
    assertFalse(CrossingUniqueness.signalCrossingIsUnique(t, TWO, init, 0, touching, Interval.of(0, 1)));
    Interval justAbove = Interval.point(Math.nextUp(second.hi()));
    assertTrue(CrossingUniqueness.signalCrossingIsUnique(t, TWO, init, 0, justAbove, Interval.of(0, 1)));
  }
}
