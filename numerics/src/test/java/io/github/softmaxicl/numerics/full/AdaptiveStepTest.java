package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The adaptive SGD step's three parts on hand-made inputs: the relative row speed (a gradient proportional to the
 * weights moves every live row at the same relative speed; rows under a tenth of their matrix's largest row do not
 * count), the curvature bound of one head and one task against the class comment's formulas written out, and η as
 * the smallest of its three caps with the smoothed speed decaying by at most γ per step.
 */
class AdaptiveStepTest {
  private static final ProblemConfig C = ProblemConfig.of(3, new int[] {1, 2}, 2, 20, 0.5, 1.2);

  private static double[] randomFlat(ProblemConfig c, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] flat = new double[AttentionWeights.size(c)];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = rng.nextDouble(0.5, 1.5) * (rng.nextBoolean() ? 1 : -1);
    }
    return flat;
  }

  /**
   * grad = k θ gives r = k on every row (to round-off, 1e-15 relative). A row of head 2's K scaled to 0.05 (its
   * squared norm then under 2.5e-3 of the block's largest, below the 1e-2 cut) with a relative gradient 100 is
   * ignored; the same row at 0.5 (live: squared ratio ≥ 0.25/9 for entries in [0.5, 1.5]) with relative gradient
   * 3k sets r = 3k.
   */
  @Test
  void relativeSpeedIsTheFastestLiveRow() {
    double[] flat = randomFlat(C, 5);
    double k = 0.37;
    double[] grad = flat.clone();
    for (int i = 0; i < grad.length; i++) {
      grad[i] *= k;
    }
    AttentionWeights w = AttentionWeights.fromFlat(C, flat);
    assertEquals(k, AdaptiveStep.relativeSpeed(w, grad), 1e-15 * k);
    int dd = C.tokenDim();
    // the second row of head 2's K (block 5): offset of that block plus one row
    int row = AttentionWeights.flatOffset(C, 1, 1) + dd;
    double[] small = flat.clone();
    double[] gSmall = grad.clone();
    for (int j = 0; j < dd; j++) {
      small[row + j] *= 0.05;
      gSmall[row + j] = 100 * small[row + j];
    }
    assertEquals(k, AdaptiveStep.relativeSpeed(AttentionWeights.fromFlat(C, small), gSmall), 1e-15 * k,
        "a dead row is ignored");
    double[] live = flat.clone();
    double[] gLive = grad.clone();
    for (int j = 0; j < dd; j++) {
      live[row + j] *= 0.5;
      gLive[row + j] = 3 * k * live[row + j];
    }
    assertEquals(3 * k, AdaptiveStep.relativeSpeed(AttentionWeights.fromFlat(C, live), gLive), 3e-15 * k,
        "a live row counts");
    // a zero row never counts (no direction), however fast its gradient
    double[] zero = flat.clone();
    double[] gZero = grad.clone();
    for (int j = 0; j < dd; j++) {
      zero[row + j] = 0;
      gZero[row + j] = 1e3;
    }
    assertEquals(k, AdaptiveStep.relativeSpeed(AttentionWeights.fromFlat(C, zero), gZero), 1e-15 * k);
    // the last block (head 2's O) is read at its own offset: speeding up its last row alone shows
    double[] gLast = grad.clone();
    for (int j = gLast.length - dd; j < gLast.length; j++) {
      gLast[j] *= 2;
    }
    assertEquals(2 * k, AdaptiveStep.relativeSpeed(w, gLast), 2e-15 * k);
  }

  /**
   * One head, one task of block size d (MODEL.md §4 leading order, balanced factors): with E = e^{d ω²},
   * a = 2 (s² d ω² + c E/L), b = 2 (s² d² μ² + 2 d (c/L) μ² E (1 + 2 d ω²)), λ̂ = max(2|μ| a, 2|ω| b/(√D d)),
   * D the token dimension (d + n).
   * Two states, one where each term is the larger. Budget: a dozen roundings, 1e-14 relative.
   */
  @Test
  void curvatureBoundOfOneHeadAndOneTask() {
    ProblemConfig one = ProblemConfig.of(3, new int[] {3}, 1, 10, 0.6, 1.5);
    double d = 3;
    double cc = one.signalPlusNoise(0);
    assertEquals(1.5 * 3 + 0.36, cc, 1e-15, "c = s² d + σ²");
    for (double[] wm : new double[][] {{0.3, 2.0}, {1.5, 0.01}, {-0.4, -0.7}}) {
      double w = wm[0];
      double m = wm[1];
      double e = StrictMath.exp(d * w * w);
      double a = 2 * (1.5 * d * w * w + cc * e / 10);
      double b = 2 * (1.5 * d * d * m * m + 2 * d * (cc / 10) * m * m * e * (1 + 2 * d * w * w));
      double expected = Math.max(2 * Math.abs(m) * a, 2 * Math.abs(w) * b / (Math.sqrt(one.tokenDim()) * d));
      SpectralState s = SpectralState.of(new double[][] {{w}}, new double[][] {{m}});
      assertEquals(expected, AdaptiveStep.curvatureBound(one, s), 1e-14 * expected, "ω " + w + ", μ " + m);
    }
  }

  /**
   * Two heads and two tasks: λ̂ is the largest over heads and tasks, so it is at least each one-head value
   * computed on a configuration with the other head's entries set to zero, and equal to the larger when the
   * heads do not share a task (the exponent Σ_j d_j ω_j² then involves only the head's own block).
   */
  @Test
  void curvatureBoundIsTheLargestOverHeads() {
    ProblemConfig two = ProblemConfig.of(3, new int[] {1, 2}, 2, 20, 0.5, 1.2);
    SpectralState s = SpectralState.of(new double[][] {{0.9, 1e-3}, {1e-3, 0.6}},
        new double[][] {{1.1, 1e-3}, {1e-3, 0.8}});
    SpectralState onlyFirst = SpectralState.of(new double[][] {{0.9, 1e-3}, {0, 0}},
        new double[][] {{1.1, 1e-3}, {0, 0}});
    SpectralState onlySecond = SpectralState.of(new double[][] {{0, 0}, {1e-3, 0.6}},
        new double[][] {{0, 0}, {1e-3, 0.8}});
    double both = AdaptiveStep.curvatureBound(two, s);
    double first = AdaptiveStep.curvatureBound(two, onlyFirst);
    double second = AdaptiveStep.curvatureBound(two, onlySecond);
    assertEquals(Math.max(first, second), both, 1e-15 * both);
    assertTrue(first != second, "the heads differ, so the max picks one");
  }

  /**
   * η = min(η_max, ε / r̄, θ / λ̂) with r̄ = max(r, r̄_prev / γ): at decomposable weights with grad = k θ, and
   * for each cap a case where it binds.
   */
  @Test
  void etaIsTheSmallestCap() {
    assertThrows(IllegalArgumentException.class, () -> AdaptiveStep.of(0, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> AdaptiveStep.of(0.1, 1, 0.99, 1));
    assertThrows(IllegalArgumentException.class, () -> AdaptiveStep.of(0.1, Double.POSITIVE_INFINITY, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> AdaptiveStep.of(0.1, 1, 1, 0));
    AdaptiveStep.of(0.1, 1, 1, 1e-9); // growth 1 and a tiny stability are valid
    AttentionWeights w = AttentionWeights.decomposable(C, Initialisations.paper(C, 10));
    double lambda = AdaptiveStep.curvatureBound(C, SpectralReadout.of(w).state());
    assertTrue(lambda > 0);
    double[] grad = w.toFlat();
    double k = 1e-3;
    for (int i = 0; i < grad.length; i++) {
      grad[i] *= k;
    }
    // accuracy binds: ε / r = 0.01 / 1e-3 = 10 below η_max 100 and θ/λ̂ for θ large
    AdaptiveStep accuracy = AdaptiveStep.of(0.01, 100, 1.05, 1e9 * lambda);
    double[] r = accuracy.next(w, grad, 0);
    assertEquals(10, r[0], 1e-12);
    assertEquals(k, r[1], 1e-15 * k * 10);
    assertEquals(lambda, r[2], 1e-15 * lambda);
    // the smoothed speed: a previous speed 2γ k decays to 2k, above r = k, and halves η
    double[] decayed = accuracy.next(w, grad, 2 * 1.05 * k);
    assertEquals(2 * k, decayed[1], 1e-15 * k * 10);
    assertEquals(5, decayed[0], 1e-12);
    // η_max binds
    assertEquals(0.5, AdaptiveStep.of(0.01, 0.5, 1.05, 1e9 * lambda).next(w, grad, 0)[0]);
    // stability binds: θ / λ̂
    double[] s = AdaptiveStep.of(0.01, 100, 1.05, 0.5 * lambda).next(w, grad, 0);
    assertEquals(0.5, s[0], 1e-15);
    // a zero gradient leaves only η_max and the stability cap
    double[] z = AdaptiveStep.of(0.01, 100, 1.05, 1e9 * lambda).next(w, new double[grad.length], 0);
    assertEquals(0.0, z[1]);
    assertEquals(100, z[0]);
  }

  /**
   * The live-row cut compares each row with its own matrix's largest row, wherever that row is: head 1's Q with
   * rows (all entries) 0.2, 10, 0.5, 1, 1 has largest squared norm 100·D = 500; the rows at 0.2 and 0.5 (squared
   * norms 0.2 and 1.25, under 1e-2·500 = 5) are dead however fast their gradients, and the rows at 1 (squared norm
   * exactly 5, computed 1e-2·500 = 5.0 without rounding) are live. A block that is all zero (head 2's O) has no
   * live row, whatever its gradient.
   */
  @Test
  void liveRowsAreMeasuredAgainstTheLargestRowOfTheirMatrix() {
    int dd = C.tokenDim();
    assertEquals(5, dd);
    assertEquals(5.0, 1e-2 * 500, 0.0, "the cut at the rows of ones is exact");
    double[] flat = randomFlat(C, 6);
    double[] rowValue = {0.2, 10, 0.5, 1, 1};
    for (int i = 0; i < dd; i++) {
      for (int j = 0; j < dd; j++) {
        flat[i * dd + j] = rowValue[i];
      }
    }
    int lastO = AttentionWeights.flatOffset(C, 1, 3);
    for (int j = lastO; j < flat.length; j++) {
      flat[j] = 0;
    }
    double k = 0.25;
    double[] grad = new double[flat.length];
    for (int i = 0; i < flat.length; i++) {
      grad[i] = k * flat[i];
    }
    for (int j = lastO; j < flat.length; j++) {
      grad[j] = 1.0; // a gradient on a zero block: no live row to move
    }
    AttentionWeights w = AttentionWeights.fromFlat(C, flat);
    assertEquals(k, AdaptiveStep.relativeSpeed(w, grad), 1e-15 * k, "zero block ignored");
    double[] deadFast = grad.clone();
    for (int j = 0; j < dd; j++) {
      deadFast[j] = 50 * flat[j]; // row 0.2
      deadFast[2 * dd + j] = 50 * flat[2 * dd + j]; // row 0.5
    }
    assertEquals(k, AdaptiveStep.relativeSpeed(w, deadFast), 1e-15 * k, "rows under the cut are dead");
    double[] edgeFast = grad.clone();
    for (int j = 0; j < dd; j++) {
      edgeFast[3 * dd + j] = 7 * k * flat[3 * dd + j]; // a row of ones, exactly at the cut
    }
    assertEquals(7 * k, AdaptiveStep.relativeSpeed(w, edgeFast), 7e-15 * k, "a row at the cut is live");
  }

  /**
   * One head, two tasks (n = 2, so the prefactor 2/n is 1) with task 2's ω and μ zero: then E = e^{d_1 ω²}, the
   * variance sum is (c_1/L) μ² E, task 2 contributes 2|0|a = 0 and 2|0|b = 0, and
   * λ̂ = max(2|μ| a_1, 2|ω| b_1/(√D d_1)) with a_1 = s² d_1 ω² + c_1 E/L and
   * b_1 = s² d_1² μ² + 2 d_1 (c_1/L) μ² E (1 + 2 d_1 ω²). Two states, one where each term is the larger; budget as
   * in the one-task test, 1e-14 relative.
   */
  @Test
  void curvatureBoundOfOneHeadAndTwoTasks() {
    ProblemConfig two = ProblemConfig.of(3, new int[] {1, 2}, 1, 10, 0.6, 1.5);
    double d = 1;
    double cc = two.signalPlusNoise(0);
    for (double[] wm : new double[][] {{0.3, 2.0}, {1.5, 0.01}}) {
      double w = wm[0];
      double m = wm[1];
      double e = StrictMath.exp(d * w * w);
      double a = 1.5 * d * w * w + cc * e / 10;
      double b = 1.5 * d * d * m * m + 2 * d * (cc / 10) * m * m * e * (1 + 2 * d * w * w);
      double first = 2 * Math.abs(m) * a;
      double second = 2 * Math.abs(w) * b / (Math.sqrt(two.tokenDim()) * d);
      double expected = Math.max(first, second);
      SpectralState s = SpectralState.of(new double[][] {{w, 0}}, new double[][] {{m, 0}});
      assertEquals(expected, AdaptiveStep.curvatureBound(two, s), 1e-14 * expected, "ω " + w + ", μ " + m);
    }
  }

  /** η_max must be positive (0 rejected); the accessors and the run-record description give the parameters. */
  @Test
  void parametersAreCheckedAndReported() {
    assertThrows(IllegalArgumentException.class, () -> AdaptiveStep.of(0.1, 0, 1, 1));
    AdaptiveStep a = AdaptiveStep.of(0.02, 3.5, 1.25, 0.75);
    assertEquals(0.02, a.epsilon());
    assertEquals(3.5, a.etaMax());
    assertEquals("adaptive eta=min(3.5, 0.02/r, 0.75/lambda), growth<=1.25", a.describe());
  }
}
